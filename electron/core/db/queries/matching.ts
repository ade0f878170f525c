import { createHash } from 'node:crypto';
import type { Db } from '../connection.ts';
import type { DecisionLogEntry, FactorScore, MatchDecision, MatchResult, MatchRun, MatchWeights, PipelineStage } from '../../../../shared/contract/index.ts';
import { DEFAULT_WEIGHTS } from '../../../../shared/contract/index.ts';
import { AppError } from '../../rpc/errors.ts';
import { prepared } from './prepared.ts';
import { cachedFacts, refreshPictures } from './picture.ts';
import { getVacancy } from './vacancies.ts';
import { addToShortlist } from './shortlists.ts';
import { lexicon } from '../../matching/synonyms.ts';
import type { MatchFacts } from '../../matching/facts.ts';
import { ALGORITHM_VERSION, compileScorer, outcomes, requirementsOf, upperBound, weigh } from '../../matching/score.ts';
import { explain } from '../../matching/explain.ts';

/**
 * Ranking candidates for a vacancy: an indexed prefilter on the terms the vacancy
 * asks for, then scoring in JS over cached facts, stopping once no remaining
 * candidate can reach the list. Every ranking shown is recorded with what it was
 * computed from (art. 22), and the recruiter's decision is added to it.
 */

const WEIGHTS_KEY = 'matching.weights';

export function globalWeights(db: Db): MatchWeights {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(WEIGHTS_KEY) as { value: string } | undefined;
  return row ? { ...DEFAULT_WEIGHTS, ...(JSON.parse(row.value) as Partial<MatchWeights>) } : { ...DEFAULT_WEIGHTS };
}

export function setGlobalWeights(db: Db, a: { weights: MatchWeights }): MatchWeights {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    WEIGHTS_KEY,
    JSON.stringify(a.weights),
  );
  return globalWeights(db);
}

export interface MatchOptions {
  limit: number;
  /** YYYY-MM-DD: availability is judged against this day when the vacancy starts at once. */
  today: string;
  /** Overrides the vacancy's and the global weights. */
  weights?: MatchWeights | undefined;
}

export interface Ranking {
  vacancyId: string;
  weights: MatchWeights;
  considered: number;
  results: Omit<MatchResult, 'decision' | 'stage'>[];
  inputsHash: string;
  tookMs: number;
}

function loadFacts(db: Db, ids: string[]): void {
  const cache = cachedFacts(db);
  const missing = ids.filter((id) => !cache.has(id));
  const one = prepared(db, 'SELECT facts FROM candidate_match_facts WHERE candidate_id = ?').pluck();
  for (const id of missing) {
    const facts = one.get(id) as string | undefined;
    if (facts) cache.set(id, JSON.parse(facts) as MatchFacts);
  }
}

/** Top candidates for a vacancy, best first. Exported for bench/search.ts. */
export function matchVacancy(db: Db, vacancyId: string, opts: MatchOptions): Ranking {
  const started = performance.now();
  const vacancy = getVacancy(db, { id: vacancyId });
  refreshPictures(db, { at: opts.today + 'T00:00:00.000Z' });
  const lex = lexicon();
  const req = requirementsOf(vacancy, lex, opts.today);
  const weights = opts.weights ?? vacancy.weights ?? globalWeights(db);

  const score = compileScorer(req, weights, opts.today);
  const cache = cachedFacts(db);
  const byTerm = prepared(db, 'SELECT candidate_id FROM candidate_terms WHERE term = ?').pluck();

  // Per candidate: how many of the required skills and certificates the index says they have.
  const hits = new Map<string, number>();
  const requiredTerms = [...new Set([...req.requiredSkills.map((s) => 's:' + s.key), ...req.requiredCerts.map((c) => 'c:' + c.code)])];
  const CERT = 1 << 8;
  for (const term of requiredTerms) {
    const step = term.startsWith('c:') ? CERT : 1;
    for (const id of byTerm.all(term) as string[]) hits.set(id, (hits.get(id) ?? 0) + step);
  }
  // Candidates with none of the required, found by what is desired (or, failing that, all).
  const others = (): string[] => {
    const desired = [...new Set([...req.desiredSkills.map((s) => 's:' + s.key), ...req.desiredCerts.map((c) => 'c:' + c.code)])];
    const found = new Set<string>();
    if (desired.length > 0) for (const term of desired) for (const id of byTerm.all(term) as string[]) found.add(id);
    else if (requiredTerms.length === 0) for (const id of prepared(db, 'SELECT candidate_id FROM candidate_match_facts WHERE active = 1').pluck().all() as string[]) found.add(id);
    return [...found].filter((id) => !hits.has(id));
  };

  // Candidates with the same counts share an upper bound: best buckets first.
  const buckets = new Map<number, string[]>();
  for (const [id, h] of hits) {
    const list = buckets.get(h);
    if (list) list.push(id);
    else buckets.set(h, [id]);
  }
  const ordered = [...buckets.entries()]
    .map(([h, ids]) => ({ bound: upperBound(req, weights, h % CERT, Math.floor(h / CERT)), ids }))
    .sort((a, b) => b.bound - a.bound);
  ordered.push({ bound: upperBound(req, weights, 0, 0), ids: [] });

  const top: { id: string; score: number }[] = [];
  let considered = 0;
  const floor = () => (top.length >= opts.limit ? top[top.length - 1]!.score : -1);
  for (const bucket of ordered) {
    if (bucket.bound < floor()) break;
    const ids = bucket.ids.length > 0 || bucket !== ordered.at(-1) ? bucket.ids : others();
    loadFacts(db, ids);
    for (const id of ids) {
      const facts = cache.get(id);
      if (!facts) continue;
      considered++;
      const s = score(facts);
      if (top.length < opts.limit || s > top[top.length - 1]!.score) {
        // Ties keep the order they came in.
        let at = top.length;
        while (at > 0 && top[at - 1]!.score < s) at--;
        top.splice(at, 0, { id, score: s });
        if (top.length > opts.limit) top.pop();
      }
    }
  }

  const names = new Map(
    (prepared(db, 'SELECT id, name, city FROM candidates WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(top.map((t) => t.id))) as {
      id: string;
      name: string;
      city: string;
    }[]).map((r) => [r.id, r]),
  );
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ algorithm: ALGORITHM_VERSION, vacancy: req, weights, considered }));
  const results = top.map((t, i) => {
    const facts = cache.get(t.id)!;
    hash.update('\n' + t.id + JSON.stringify(facts));
    const { score, factors } = weigh(outcomes(req, facts, opts.today), weights);
    const who = names.get(t.id);
    const name = who?.name ?? '';
    return { candidateId: t.id, name, city: who?.city ?? '', rank: i + 1, score, factors, explanation: explain(name, score, factors) };
  });
  return { vacancyId, weights, considered, results, inputsHash: hash.digest('hex'), tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

interface ResultRow {
  run_id: string;
  vacancy_id: string;
  vacancy_title: string;
  algorithm_version: string;
  inputs_hash: string;
  at: string;
  by_id: string;
  by_name: string;
  candidate_id: string;
  candidate_name: string | null;
  rank: number;
  score: number;
  factors: string;
  decision: MatchDecision | null;
  decided_at: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
}

const LOG_SELECT = `SELECT r.run_id, m.vacancy_id, v.title AS vacancy_title, m.algorithm_version, m.inputs_hash, m.at,
    m.by AS by_id, s.name AS by_name, r.candidate_id, c.name AS candidate_name, r.rank, r.score, r.factors,
    r.decision, r.decided_at, r.decided_by, d.name AS decided_by_name
  FROM match_results r JOIN match_runs m ON m.id = r.run_id JOIN vacancies v ON v.id = m.vacancy_id
  JOIN staff s ON s.id = m.by LEFT JOIN staff d ON d.id = r.decided_by LEFT JOIN candidates c ON c.id = r.candidate_id`;

function toEntry(r: ResultRow): DecisionLogEntry {
  return {
    runId: r.run_id,
    vacancyId: r.vacancy_id,
    vacancyTitle: r.vacancy_title,
    algorithmVersion: r.algorithm_version,
    inputsHash: r.inputs_hash,
    at: r.at,
    by: { id: r.by_id, name: r.by_name },
    candidateId: r.candidate_id,
    candidateName: r.candidate_name ?? '',
    rank: r.rank,
    score: r.score,
    factors: JSON.parse(r.factors) as FactorScore[],
    decision: r.decision ?? 'none',
    decidedAt: r.decided_at,
    decidedBy: r.decided_by ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
  };
}

/** Rank and record the ranking shown (art. 22): the run, its inputs' hash, each candidate's score and factors. */
export function runMatch(
  db: Db,
  a: { runId: string; vacancyId: string; limit: number; weights?: MatchWeights | undefined; actorId: string; at: string },
): MatchRun {
  const ranking = matchVacancy(db, a.vacancyId, { limit: a.limit, today: a.at.slice(0, 10), weights: a.weights });
  db.transaction(() => {
    prepared(
      db,
      `INSERT INTO match_runs (id, vacancy_id, algorithm_version, inputs_hash, weights, considered, took_ms, at, by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(a.runId, a.vacancyId, ALGORITHM_VERSION, ranking.inputsHash, JSON.stringify(ranking.weights), ranking.considered, ranking.tookMs, a.at, a.actorId);
    const insert = prepared(db, 'INSERT INTO match_results (run_id, candidate_id, rank, score, factors) VALUES (?, ?, ?, ?, ?)');
    for (const r of ranking.results) insert.run(a.runId, r.candidateId, r.rank, r.score, JSON.stringify(r.factors));
  })();
  const staff = prepared(db, 'SELECT name FROM staff WHERE id = ?').get(a.actorId) as { name: string } | undefined;
  const stages = new Map(
    (prepared(db, 'SELECT candidate_id, stage FROM shortlist_entries WHERE vacancy_id = ?').all(a.vacancyId) as { candidate_id: string; stage: PipelineStage }[]).map(
      (r) => [r.candidate_id, r.stage],
    ),
  );
  return {
    runId: a.runId,
    vacancyId: a.vacancyId,
    algorithmVersion: ALGORITHM_VERSION,
    inputsHash: ranking.inputsHash,
    weights: ranking.weights,
    at: a.at,
    by: { id: a.actorId, name: staff?.name ?? '' },
    considered: ranking.considered,
    results: ranking.results.map((r) => ({ ...r, decision: null, stage: stages.get(r.candidateId) ?? null })),
    tookMs: ranking.tookMs,
  };
}

/** The decision that followed a ranking, for one candidate of it. */
export function recordDecision(db: Db, a: { runId: string; candidateId: string; decision: MatchDecision; actorId: string; at: string }): DecisionLogEntry {
  return db.transaction(() => decide(db, a))();
}

function decide(db: Db, a: { runId: string; candidateId: string; decision: MatchDecision; actorId: string; at: string }): DecisionLogEntry {
  const changed = prepared(db, 'UPDATE match_results SET decision = ?, decided_at = ?, decided_by = ? WHERE run_id = ? AND candidate_id = ?').run(
    a.decision,
    a.at,
    a.actorId,
    a.runId,
    a.candidateId,
  ).changes;
  if (changed === 0) throw new AppError('NOT_FOUND', 'That candidate was not in that ranking', { runId: a.runId, candidateId: a.candidateId });
  if (a.decision === 'shortlisted') {
    const run = prepared(db, 'SELECT vacancy_id FROM match_runs WHERE id = ?').get(a.runId) as { vacancy_id: string };
    addToShortlist(db, { vacancyId: run.vacancy_id, candidateId: a.candidateId, note: '', runId: a.runId, actorId: a.actorId, at: a.at });
  }
  return toEntry(prepared(db, `${LOG_SELECT} WHERE r.run_id = ? AND r.candidate_id = ?`).get(a.runId, a.candidateId) as ResultRow);
}

export function decisionLog(
  db: Db,
  a: { vacancyId?: string | undefined; candidateId?: string | undefined; offset: number; limit: number },
): { total: number; items: DecisionLogEntry[] } {
  const where = [a.vacancyId !== undefined ? 'm.vacancy_id = @vacancyId' : '', a.candidateId !== undefined ? 'r.candidate_id = @candidateId' : ''].filter(Boolean);
  const whereSql = where.length ? 'WHERE ' + where.join(' AND ') : '';
  const params = { vacancyId: a.vacancyId, candidateId: a.candidateId, limit: a.limit, offset: a.offset };
  const total = (
    db.prepare(`SELECT count(*) AS n FROM match_results r JOIN match_runs m ON m.id = r.run_id ${whereSql}`).get(params) as { n: number }
  ).n;
  const rows = db.prepare(`${LOG_SELECT} ${whereSql} ORDER BY m.at DESC, m.id DESC, r.rank LIMIT @limit OFFSET @offset`).all(params) as ResultRow[];
  return { total, items: rows.map(toEntry) };
}

/** For the candidate's export: each ranking they appeared in, its factors and explanation in both languages. */
export function explanationsOf(db: Db, candidateId: string) {
  const rows = db.prepare(`${LOG_SELECT} WHERE r.candidate_id = ? ORDER BY m.at, m.id`).all(candidateId) as ResultRow[];
  return rows.map((r) => {
    const e = toEntry(r);
    return {
      vacancy: e.vacancyTitle,
      at: e.at,
      algorithmVersion: e.algorithmVersion,
      inputsHash: e.inputsHash,
      rank: e.rank,
      score: e.score,
      factors: e.factors.map((f) => ({ factor: f.factor, value: f.value, weight: f.weight, points: f.points, applies: f.applies })),
      explanation: explain(e.candidateName, e.score, e.factors),
      decision: e.decision,
      decidedAt: e.decidedAt,
      decidedBy: e.decidedBy?.name ?? null,
    };
  });
}

export const matchingQueries = {
  'matching.run': runMatch,
  'matching.decide': recordDecision,
  'matching.log': decisionLog,
  'matching.weights.get': (db: Db) => globalWeights(db),
  'matching.weights.set': setGlobalWeights,
};
