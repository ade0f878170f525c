import type { AdequacyDecision, TransferAssessment } from '../../../shared/contract/index.ts';

/**
 * Where personal data may go (GDPR chapter V, in force in Norway through the EEA
 * agreement): anywhere in the EU/EEA; to a country with an adequacy decision of
 * the European Commission; elsewhere only under recorded safeguards (standard
 * contractual clauses, art. 46(2)(c)). Nothing else is a basis here.
 */

/** The 27 EU member states and the three EEA EFTA states (Iceland, Liechtenstein, Norway). */
export const EEA_COUNTRIES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
  'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
]);

/**
 * The Commission's adequacy decisions, from its list "Adequacy decisions: how the
 * EU determines if a non-EU country has an adequate level of data protection"
 * (commission.europa.eu, data protection, international dimension). Dates are
 * those of the decisions; a decision with a scope covers only those within it.
 */
export const ADEQUACY_SOURCE = 'European Commission, list of adequacy decisions (commission.europa.eu › data protection › international dimension)';

export const ADEQUACY_DECISIONS: readonly AdequacyDecision[] = [
  { country: 'AD', date: '2010-10-19', act: 'Commission Decision 2010/625/EU', scope: null },
  { country: 'AR', date: '2003-06-30', act: 'Commission Decision 2003/490/EC', scope: null },
  {
    country: 'CA',
    date: '2001-12-20',
    act: 'Commission Decision 2002/2/EC',
    scope: 'Commercial organisations subject to PIPEDA',
  },
  { country: 'FO', date: '2010-03-05', act: 'Commission Decision 2010/146/EU', scope: null },
  { country: 'GG', date: '2003-11-21', act: 'Commission Decision 2003/821/EC', scope: null },
  { country: 'IL', date: '2011-01-31', act: 'Commission Decision 2011/61/EU', scope: null },
  { country: 'IM', date: '2004-04-28', act: 'Commission Decision 2004/411/EC', scope: null },
  { country: 'JP', date: '2019-01-23', act: 'Commission Implementing Decision (EU) 2019/419', scope: 'Private-sector organisations (APPI)' },
  { country: 'JE', date: '2008-05-08', act: 'Commission Decision 2008/393/EC', scope: null },
  { country: 'NZ', date: '2012-12-19', act: 'Commission Implementing Decision 2013/65/EU', scope: null },
  { country: 'KR', date: '2021-12-17', act: 'Commission Implementing Decision (EU) 2022/254', scope: null },
  { country: 'CH', date: '2000-07-26', act: 'Commission Decision 2000/518/EC', scope: null },
  { country: 'GB', date: '2021-06-28', act: 'Commission Implementing Decision (EU) 2021/1772', scope: null },
  {
    country: 'US',
    date: '2023-07-10',
    act: 'Commission Implementing Decision (EU) 2023/1795 (EU-US Data Privacy Framework)',
    scope: 'Organisations certified under the EU-US Data Privacy Framework',
  },
  { country: 'UY', date: '2012-08-21', act: 'Commission Decision 2012/484/EU', scope: null },
];

const byCountry = new Map(ADEQUACY_DECISIONS.map((d) => [d.country, d]));

export interface TransferFacts {
  country: string;
  safeguardReference: string | null;
  adequacyScopeConfirmed: boolean;
}

export function assessTransfer(facts: TransferFacts): TransferAssessment {
  const country = facts.country.toUpperCase();
  const base = { country, decision: null, safeguardReference: null };
  if (EEA_COUNTRIES.has(country)) {
    return { ...base, allowed: true, basis: 'eea', code: 'eea', message: `${country} is in the EU/EEA.` };
  }
  const decision = byCountry.get(country) ?? null;
  if (decision && (decision.scope === null || facts.adequacyScopeConfirmed)) {
    return {
      ...base,
      decision,
      allowed: true,
      basis: 'adequacy',
      code: 'adequacy',
      message: `Adequacy decision for ${country}: ${decision.act} of ${decision.date}${decision.scope ? ` (${decision.scope})` : ''}.`,
    };
  }
  const reference = facts.safeguardReference?.trim() || null;
  if (reference) {
    return {
      ...base,
      decision,
      safeguardReference: reference,
      allowed: true,
      basis: 'scc',
      code: 'scc',
      message: `Standard contractual clauses with the client, reference ${reference}.`,
    };
  }
  if (decision) {
    return {
      ...base,
      decision,
      allowed: false,
      basis: null,
      code: 'adequacyScopeNotConfirmed',
      message: `The adequacy decision for ${country} covers only: ${decision.scope}. Confirm the client is covered, or record standard contractual clauses.`,
    };
  }
  return {
    ...base,
    allowed: false,
    basis: null,
    code: 'noBasis',
    message: `${country} is outside the EU/EEA and has no adequacy decision: record standard contractual clauses with the client before sharing.`,
  };
}

/** For the disclosure record: the basis in one line. */
export function basisDetail(a: TransferAssessment): string {
  if (a.basis === 'adequacy' && a.decision) return `${a.decision.act} (${a.decision.date})`;
  if (a.basis === 'scc') return `SCC ${a.safeguardReference ?? ''}`.trim();
  return a.country;
}
