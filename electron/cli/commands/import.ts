import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type {
  Candidate,
  IntakeDraft,
  IntakeJob,
  IntakeProgress,
  IntakeState,
  MergePreview,
  ResumeDocument,
} from '../../../shared/contract/index.ts';
import { MAX_FILE_BYTES } from '../../../shared/contract/index.ts';
import type { Core } from '../../core/index.ts';
import { CliExit, callOrExit, type CliIo, type Command } from '../io.ts';

const USAGE = 'usage: kandidat import [--json] PATH...   (files or folders, read recursively)';

/** Finished as far as reading goes; 'review' is where the import takes over. */
const SETTLED: readonly IntakeState[] = ['review', 'accepted', 'failed', 'cancelled', 'duplicate'];

/** Folders hold more than CVs; these are never someone's CV. */
const JUNK = /^(\.|~\$|Thumbs\.db$|desktop\.ini$)/i;

export interface ImportSummary {
  imported: { file: string; candidateId: string }[];
  merged: { file: string; candidateId: string }[];
  duplicates: { file: string; candidateId: string | null }[];
  failed: { file: string; reason: string }[];
  /** Read, but not created: no name was found. They wait in the app's review queue. */
  review: { file: string; reason: string }[];
}

/**
 * `kandidat import PATH...`: CVs into the vault through the same intake queue as a
 * drop on the window. Reading is the app's; deciding is this command's: a CV whose
 * e-mail or phone is already in the register is merged into that candidate (taking
 * only what adds information), any other becomes a new candidate. Progress on
 * stderr, the summary on stdout.
 */
export const runImport: Command = async (args, io, vault) => {
  const json = args.includes('--json');
  const paths = args.filter((a) => a !== '--json');
  if (paths.length === 0 || paths.some((p) => p.startsWith('--'))) throw new CliExit(64, USAGE);
  const { files, missing } = await collect(paths);
  if (files.length === 0 && missing.length === 0) throw new CliExit(1, 'No files found to import.');
  const core = await vault.openUnlocked();
  try {
    const summary = await importFiles(core, files, io);
    for (const file of missing) summary.failed.unshift({ file, reason: 'No such file or folder.' });
    io.stdout.write(json ? JSON.stringify(summary, null, 2) + '\n' : formatSummary(summary));
    return summary.failed.length > 0 || summary.review.length > 0 ? 1 : 0;
  } finally {
    await core.close();
  }
};

/** Files in the order given, folders walked recursively in name order. */
export async function collect(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (JUNK.test(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) missing.push(path);
    else if (info.isDirectory()) await walk(path);
    else files.push(path);
  }
  return { files, missing };
}

export async function importFiles(core: Core, files: string[], io: Pick<CliIo, 'stderr'>): Promise<ImportSummary> {
  const progress = progressBar(io, files.length);
  const fileOf = new Map<string, string>();
  // Every job's latest state, also of jobs whose submit has not returned yet: the
  // queue may report on a file before its submit call comes back.
  const states = new Map<string, IntakeJob>();
  let locked = false;
  let wake: () => void = () => {};
  const off = core.events.on((name, payload) => {
    if (name === 'vault.locked') locked = true;
    if (name === 'intake.progress') {
      const p = payload as IntakeProgress;
      states.set(p.jobId, p.job);
      const file = fileOf.get(p.jobId);
      if (file) progress.update(settledCount(), describe(file, p.job));
    }
    wake();
  });
  const settledCount = () => [...fileOf.keys()].filter((id) => SETTLED.includes(states.get(id)!.state)).length;
  // A long import is the user at work: keep the idle lock from closing the vault under it.
  const keepAlive = setInterval(() => void core.dispatch('session.ping', {}), 60_000);
  keepAlive.unref();
  try {
    // One file in memory at a time: read, hand to the vault, let go.
    for (const file of files) {
      const size = (await stat(file)).size;
      const entry =
        size > MAX_FILE_BYTES
          ? { name: basename(file), size }
          : { name: basename(file), bytes: (await readFile(file)).toString('base64') };
      const { jobs } = await callOrExit<{ jobs: IntakeJob[] }>(core, 'intake.submit', { files: [entry] });
      const job = jobs[0]!;
      fileOf.set(job.id, file);
      if (!states.has(job.id)) states.set(job.id, job);
      progress.update(settledCount(), describe(file, job));
    }
    while (settledCount() < fileOf.size) {
      if (locked) throw new CliExit(1, 'The vault was locked during the import; run the import again to finish it.');
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    off();
    clearInterval(keepAlive);
    progress.done();
  }

  const summary: ImportSummary = { imported: [], merged: [], duplicates: [], failed: [], review: [] };
  for (const [jobId, file] of fileOf) {
    const job = states.get(jobId)!;
    if (job.state === 'failed' || job.state === 'cancelled') summary.failed.push({ file, reason: job.reason ?? job.state });
    else if (job.state === 'duplicate') summary.duplicates.push({ file, candidateId: job.duplicateOf?.candidateId ?? null });
    else if (job.state === 'accepted') (job.outcome === 'merged' ? summary.merged : summary.imported).push({ file, candidateId: job.candidateId! });
    else await confirm(core, job, file, summary);
  }
  return summary;
}

/** Merge on an exact e-mail or phone match, otherwise create. */
async function confirm(core: Core, job: IntakeJob, file: string, summary: ImportSummary): Promise<void> {
  const draft = await callOrExit<IntakeDraft>(core, 'intake.getDraft', { jobId: job.id });
  const match = draft.duplicates.find((d) => d.reasons.includes('email') || d.reasons.includes('phone'));
  if (match) {
    const preview = await callOrExit<MergePreview>(core, 'intake.mergePreview', { jobId: job.id, candidateId: match.candidateId });
    const result = await core.dispatch('candidates.mergeDraft', {
      jobId: job.id,
      candidateId: match.candidateId,
      version: preview.candidate.version,
      // Only what adds: new e-mails, phones, entries, or a value where there was none.
      fields: preview.fields.filter((f) => f.suggested).map((f) => f.field),
    });
    if (result.ok) return void summary.merged.push({ file, candidateId: match.candidateId });
    return void summary.review.push({ file, reason: result.error.message });
  }
  let resume = draft.resume;
  for (let attempt = 0; attempt < 4; attempt++) {
    const result = await core.dispatch('candidates.createFromDraft', { jobId: job.id, resume });
    if (result.ok) return void summary.imported.push({ file, candidateId: (result.value as { candidate: Candidate }).candidate.id });
    const stripped = result.error.code === 'VALIDATION' ? withoutInvalid(resume, result.error.details) : null;
    if (!stripped) return void summary.review.push({ file, reason: result.error.message });
    resume = stripped;
  }
  summary.review.push({ file, reason: 'The CV’s contact fields could not be read reliably.' });
}

/** Unreviewed, a malformed e-mail, phone or date is left out rather than blocking the CV; a missing name is not. */
function withoutInvalid(resume: ResumeDocument, details: unknown): ResumeDocument | null {
  const issues = (details as { issues?: { path: string }[] } | undefined)?.issues ?? [];
  const droppable: Record<string, 'email' | 'phone' | 'birthDate' | 'location'> = {
    'basics.email': 'email',
    'basics.phone': 'phone',
    'basics.birthDate': 'birthDate',
    'basics.location': 'location',
  };
  const keys = issues.map((i) => droppable[i.path] ?? (i.path.startsWith('basics.location') ? 'location' : undefined));
  if (keys.length === 0 || keys.some((k) => k === undefined)) return null;
  const basics = { ...resume.basics };
  for (const key of keys) delete basics[key!];
  return { ...resume, basics };
}

function describe(file: string, job: IntakeJob): string {
  const name = basename(file);
  switch (job.state) {
    case 'ocr':
      return `${name}: OCR page ${job.page ?? '?'} of ${job.pages ?? '?'}`;
    case 'failed':
      return `${name}: failed`;
    default:
      return `${name}: ${job.state}`;
  }
}

const WIDTH = 24;

/** On a terminal, one line redrawn in place; elsewhere a line now and then. */
function progressBar(io: Pick<CliIo, 'stderr'>, total: number) {
  const tty = io.stderr.isTTY === true;
  let lastPrinted = -1;
  return {
    update(done: number, what: string) {
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total}`;
      if (tty) io.stderr.write(`\r\x1b[2K${bar}  ${what.slice(0, 60)}`);
      else if (done !== lastPrinted && (done === total || done % Math.max(1, Math.ceil(total / 10)) === 0)) {
        lastPrinted = done;
        io.stderr.write(`${bar}\n`);
      }
    },
    done() {
      if (tty) io.stderr.write('\n');
    },
  };
}

export function formatSummary(s: ImportSummary): string {
  const lines = [
    `Imported: ${s.imported.length}`,
    `Merged with an existing candidate: ${s.merged.length}`,
    `Skipped as duplicates: ${s.duplicates.length}`,
    `Failed: ${s.failed.length}`,
    ...s.failed.map((f) => `  ${f.file}: ${f.reason}`),
  ];
  if (s.review.length) lines.push(`Waiting for review in the app: ${s.review.length}`, ...s.review.map((f) => `  ${f.file}: ${f.reason}`));
  return lines.join('\n') + '\n';
}
