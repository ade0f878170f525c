import type { FieldChange, HistoryEntry } from '../../../../shared/contract/candidates.ts';
import { formatPhone } from '../../../../shared/phone.ts';
import { useI18n, type I18n, type MessageKey } from '../../i18n/index.ts';

interface Props {
  entries: HistoryEntry[];
}

interface Line {
  field: string;
  from: string;
  to: string;
}

const NESTED: Record<string, Record<string, MessageKey>> = {
  address: {
    street: 'field.address.street',
    postalCode: 'field.address.postalCode',
    city: 'field.address.city',
    country: 'field.address.country',
  },
  availability: {
    from: 'field.availability.from',
    extentPercent: 'field.availability.extentPercent',
    shifts: 'field.availability.shifts',
  },
};

const TOP: Record<string, MessageKey> = {
  name: 'field.name',
  emails: 'field.emails',
  phones: 'field.phones',
  address: 'field.address',
  birthDate: 'field.birthDate',
  status: 'field.status',
  availability: 'field.availability',
  desiredRoles: 'field.desiredRoles',
  desiredSectors: 'field.desiredSectors',
  notes: 'field.notes',
};

function show(i18n: I18n, path: string, value: unknown): string {
  const empty = i18n.t('history.empty.value');
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value)) {
    if (value.length === 0) return empty;
    return value.map((v) => show(i18n, path, v)).join(', ');
  }
  if (typeof value === 'string') {
    if (path === 'phones') return formatPhone(value);
    if (path === 'status') return value === 'active' ? i18n.t('status.active') : i18n.t('status.inactive');
    if (path === 'availability.shifts' && ['day', 'evening', 'night', 'weekend'].includes(value)) {
      return i18n.t(`shift.${value as 'day'}`);
    }
    if (path === 'address.country' && /^[A-Z]{2}$/.test(value)) return i18n.country(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return i18n.date(value);
    if (path === 'notes' && value.length > 80) return `${value.slice(0, 77)}…`;
    return value;
  }
  if (typeof value === 'number') return path === 'availability.extentPercent' ? `${i18n.number(value)} %` : i18n.number(value);
  return JSON.stringify(value);
}

/** One line per changed field; an address or availability change is split into its parts. */
export function describeChanges(i18n: I18n, changes: FieldChange[]): Line[] {
  const lines: Line[] = [];
  for (const change of changes) {
    const parts = NESTED[change.field];
    const from = (change.from ?? {}) as Record<string, unknown>;
    const to = (change.to ?? {}) as Record<string, unknown>;
    if (parts && typeof change.to === 'object' && change.to !== null) {
      for (const [key, label] of Object.entries(parts)) {
        if (JSON.stringify(from[key] ?? null) === JSON.stringify(to[key] ?? null)) continue;
        const path = `${change.field}.${key}`;
        lines.push({ field: i18n.t(label), from: show(i18n, path, from[key]), to: show(i18n, path, to[key]) });
      }
      continue;
    }
    const label = TOP[change.field];
    lines.push({
      field: label ? i18n.t(label) : change.field,
      from: show(i18n, change.field, change.from),
      to: show(i18n, change.field, change.to),
    });
  }
  return lines;
}

export function History({ entries }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  if (entries.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <ol className="history">
      {entries.map((entry, n) => (
        <li key={`${entry.at}-${n}`}>
          <div className="history-head">
            <strong>{t('history.by', { action: t(`history.${entry.action}`), name: entry.actor.name })}</strong>
            <time dateTime={entry.at}>{i18n.dateTime(entry.at)}</time>
          </div>
          {entry.action !== 'created' ? (
            <ul className="history-changes">
              {describeChanges(i18n, entry.changes).map((line, k) => (
                <li key={k}>
                  <span className="history-field">{line.field}:</span> <span className="history-from">{line.from}</span>
                  {' → '}
                  <span className="history-to">{line.to}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
