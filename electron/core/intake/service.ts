import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type {
  Candidate,
  IntakeDraft,
  IntakeJob,
  IntakeSettings,
  MergeField,
  MergePreview,
  MethodParsedInput,
  ResumeDocument,
  StaffMember,
} from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import type { DbHandle } from '../db/client.ts';
import { AppError } from '../rpc/errors.ts';
import type { DetectedNationalId } from './parse/types.ts';
import { LIMITS, asFailure, refuse, type IntakeFailure } from './limits.ts';
import { applyMerge, candidateFieldsFromResume, clean, previewMerge, profileFromResume, type MergeSides } from './merge.ts';
import { IntakeQueue, type Claimed } from './queue.ts';
import { threadReader, type CvReader, type ReadOutput, type ReadProgress } from './reader.ts';
import { MIME, sniff } from './sniff.ts';
import { auditView } from '../audit/service.ts';

export interface IntakeOptions {
  /** Files read at once (one reader thread, with one OCR worker, each). Default: the cores, at most 4. */
  concurrency?: number;
  /** How CVs are read. Default: worker threads running the real pipeline. */
  reader?: CvReader;
  /**
   * For the default reader: the thread's entry and the pipeline module it loads (a
   * file URL). The packaged app passes its bundled intake-worker.js and
   * intake-pipeline.js; tests pass a fake pipeline. Default: the tsx entry and pipeline.ts.
   */
  readerEntryUrl?: URL | string;
  pipelineUrl?: string;
  /** For the default reader: the OCR language folder (the packaged app's resources/tessdata). */
  ocrLangPath?: string;
  /** For the default reader: tesseract.js's worker script (the packaged app's unpacked copy). */
  ocrWorkerScript?: string;
  /** For the default reader: the V8 heap cap of each reader thread. */
  readerHeapMb?: number;
  stallTimeoutMs?: number;
  maxRunMs?: number;
  maxAttempts?: number;
}

/** Why a run was interrupted on purpose; such a run records nothing itself. */
class Interrupt extends Error {
  constructor(readonly kind: 'cancelled' | 'stopped') {
    super(kind);
  }
}

/** Reader threads (pdf.js, Tesseract) are ended after a minute without work. */
const READER_IDLE_MS = 60_000;

const SETTING_AUTO = 'intake.autoAccept';
const SETTING_THRESHOLD = 'intake.autoAcceptThreshold';
export const DEFAULT_INTAKE_SETTINGS: IntakeSettings = { autoAccept: false, autoAcceptThreshold: 0.9 };

interface StoredDraft {
  resume: ResumeDocument;
  fields: IntakeDraft['fields'];
  text: string;
  language: IntakeDraft['language'];
  warnings: string[];
  pages: IntakeDraft['pages'];
}

/**
 * The CV intake: files in (stored encrypted with their job before anything reads
 * them), a persistent queue read a few at a time off the main thread, drafts with
 * duplicate suspects, and the recruiter's confirmation into the register.
 */
export class IntakeService {
  private readonly queue: IntakeQueue;
  private ownReader: CvReader | null = null;
  private readonly concurrency: number;

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: IntakeOptions = {},
  ) {
    this.concurrency = options.concurrency ?? Math.max(1, Math.min(4, availableParallelism()));
    this.queue = new IntakeQueue({
      concurrency: this.concurrency,
      claim: () => this.session().db.call('intake.claimNext', { at: this.now() }),
      run: (claimed, signal) => this.run(claimed, signal),
      unclaim: async ({ job }) => void (await this.session().db.call('intake.requeue', { id: job.id, at: this.now() })),
    });
    ctx.events.on((name) => {
      if (name === 'vault.unlocked') void this.resume();
      if (name === 'vault.locked') void this.pause();
    });
  }

  // ---- life cycle ---------------------------------------------------------

  /** At unlock: interrupted runs go back in the queue (a file that keeps crashing fails), then reading starts. */
  private async resume(): Promise<void> {
    try {
      await this.session().db.call('intake.resetInterrupted', {
        at: this.now(),
        maxAttempts: this.options.maxAttempts ?? LIMITS.maxAttempts,
        reason: refuse.crashed(this.options.maxAttempts ?? LIMITS.maxAttempts).message,
      });
    } catch {
      return; // locked again already
    }
    this.queue.start();
  }

  /** The vault locked: its database is gone. Runs stop; they resume from 'queued' at the next unlock. */
  private async pause(): Promise<void> {
    this.queue.stop(new Interrupt('stopped'));
    const reader = this.ownReader;
    this.ownReader = null;
    await reader?.close();
  }

  /** App shutdown, before the vault locks: running jobs are handed back to the queue cleanly. */
  async close(): Promise<void> {
    const ids = this.queue.stop(new Interrupt('stopped'));
    try {
      const { db } = this.session();
      for (const id of ids) await db.call('intake.requeue', { id, at: this.now() });
    } catch {
      // Locked already: the next unlock resets them.
    }
    const reader = this.ownReader;
    this.ownReader = null;
    await reader?.close();
    await this.options.reader?.close();
  }

  private reader(): CvReader {
    if (this.options.reader) return this.options.reader;
    this.ownReader ??= threadReader({
      size: this.concurrency,
      clock: this.ctx.clock,
      idleCloseMs: READER_IDLE_MS,
      ...(this.options.readerHeapMb ? { maxHeapMb: this.options.readerHeapMb } : {}),
      ...(this.options.pipelineUrl ? { pipelineUrl: this.options.pipelineUrl } : {}),
      ...(this.options.readerEntryUrl ? { entryUrl: this.options.readerEntryUrl } : {}),
      pipelineConfig: {
        ...(this.options.ocrLangPath ? { ocrLangPath: this.options.ocrLangPath } : {}),
        ...(this.options.ocrWorkerScript ? { ocrWorkerScript: this.options.ocrWorkerScript } : {}),
      },
    });
    return this.ownReader;
  }

  // ---- submitting -----------------------------------------------------------

  async submit(input: MethodParsedInput<'intake.submit'>): Promise<{ jobs: IntakeJob[] }> {
    const { db, owner } = this.session();
    const jobs: IntakeJob[] = [];
    for (const file of input.files) {
      let data: Buffer | null = file.bytes === undefined ? null : Buffer.from(file.bytes, 'base64');
      const size = data?.byteLength ?? file.size ?? 0;
      let failure: IntakeFailure | null = null;
      let format: IntakeJob['format'] = null;
      let sha256: string | null = null;
      if (size > LIMITS.maxFileBytes) failure = refuse.tooLarge(size);
      else if (!data) failure = size === 0 ? refuse.empty() : refuse.missingBytes();
      else {
        sha256 = createHash('sha256').update(data).digest('hex');
        const sniffed = sniff(data, file.name);
        format = sniffed.format;
        failure = sniffed.failure;
      }
      const job = await db.call('intake.insertJob', {
        id: this.ctx.newId(),
        fileName: file.name,
        declaredType: file.type ?? '',
        format,
        size,
        sha256,
        data: failure ? null : data,
        failure: failure ? { code: failure.code, reason: failure.message } : null,
        actorId: owner.id,
        at: this.now(),
      });
      data = null;
      this.emit(job);
      jobs.push(job);
    }
    this.queue.kick();
    return { jobs };
  }

  // ---- reading --------------------------------------------------------------

  private async run({ job }: Claimed, signal: AbortSignal): Promise<void> {
    let db: DbHandle;
    try {
      db = this.session().db;
    } catch {
      return;
    }
    this.emit(job);
    const clock = this.ctx.clock;
    const reading = new AbortController();
    const forward = () => reading.abort(signal.reason);
    signal.addEventListener('abort', forward, { once: true });
    const stallMs = this.options.stallTimeoutMs ?? LIMITS.stallTimeoutMs;
    const maxRunMs = this.options.maxRunMs ?? LIMITS.maxRunMs;
    let stallTimer: unknown = null;
    const armStall = () => {
      if (stallTimer !== null) clock.clearTimeout(stallTimer);
      stallTimer = clock.setTimeout(() => reading.abort(refuse.timeout(Math.round(stallMs / 1000))), stallMs);
    };
    const runTimer = clock.setTimeout(() => reading.abort(refuse.tooSlow(Math.round(maxRunMs / 60_000))), maxRunMs);
    const stopTimers = () => {
      if (stallTimer !== null) clock.clearTimeout(stallTimer);
      clock.clearTimeout(runTimer);
    };
    armStall();

    let last: { state: ReadProgress['stage']; page: number | null; pages: number | null } = { state: 'reading', page: null, pages: null };
    let writes: Promise<unknown> = Promise.resolve();
    const onProgress = (p: ReadProgress) => {
      armStall();
      const next = {
        state: p.stage,
        page: p.stage === 'parsing' ? null : (p.page ?? last.page),
        pages: p.pages ?? last.pages,
      };
      if (next.state === last.state && next.page === last.page && next.pages === last.pages) return;
      last = next;
      writes = writes
        .then(() => db.call('intake.setProgress', { id: job.id, ...next, at: this.now() }))
        .then((updated) => updated && this.emit(updated))
        .catch(() => undefined);
    };

    try {
      const bytes = await db.call('intake.readBlob', { sha256: job.sha256! });
      const output = await this.reader().read({ bytes, fileName: job.fileName, format: job.format! }, { signal: reading.signal, onProgress });
      stopTimers();
      await writes;
      await this.toReview(db, job, output);
    } catch (error) {
      stopTimers();
      await writes;
      const cause = reading.signal.aborted ? reading.signal.reason : error;
      if (cause instanceof Interrupt) return;
      const failure = asFailure(cause);
      const failed = await db.call('intake.fail', { id: job.id, code: failure.code, reason: failure.message, at: this.now() }).catch(() => null);
      if (failed) this.emit(failed);
    } finally {
      signal.removeEventListener('abort', forward);
    }
  }

  private async toReview(db: DbHandle, job: IntakeJob, output: ReadOutput): Promise<void> {
    const { result } = output;
    const resume = clean(structuredClone(result.resume)) as ResumeDocument;
    if (resume.basics) delete resume.basics.nationalId;
    const duplicates = await db.call('intake.findDuplicates', { ...probeOf(resume), limit: 10 });
    const confidences = Object.values(result.fields).map((f) => f.confidence);
    const minConfidence = confidences.length ? Math.min(...confidences) : null;
    const draft: StoredDraft = {
      resume,
      fields: result.fields,
      text: result.text,
      language: result.language,
      warnings: output.warnings,
      pages: output.pages,
    };
    const reviewed = await db.call('intake.toReview', {
      id: job.id,
      draft: JSON.stringify(draft),
      nationalIds: result.nationalIds.length ? JSON.stringify(result.nationalIds) : null,
      draftName: resume.basics?.name ?? null,
      minConfidence,
      possibleDuplicates: duplicates.length,
      at: this.now(),
    });
    if (!reviewed) return; // cancelled while it was read
    this.emit(reviewed);

    const settings = await this.settings(db);
    const sure = minConfidence !== null && minConfidence >= settings.autoAcceptThreshold;
    if (settings.autoAccept && sure && duplicates.length === 0 && resume.basics?.name) {
      const { owner } = this.session();
      await this.acceptNew(db, owner, reviewed.id, resume, false, 'lenient', true).catch(() => undefined);
    }
  }

  // ---- the queue, seen from the renderer -----------------------------------

  list(input: MethodParsedInput<'intake.list'>) {
    return this.session().db.call('intake.listJobs', input);
  }

  get(jobId: string) {
    return this.session().db.call('intake.getJob', { id: jobId });
  }

  async cancel(jobId: string): Promise<IntakeJob> {
    const job = await this.session().db.call('intake.cancel', { id: jobId, at: this.now() });
    this.queue.interrupt(jobId, new Interrupt('cancelled'));
    this.emit(job);
    return job;
  }

  async retry(jobId: string): Promise<IntakeJob> {
    const job = await this.session().db.call('intake.retry', { id: jobId, at: this.now() });
    this.emit(job);
    this.queue.kick();
    return job;
  }

  dismiss(jobIds: string[]) {
    return this.session().db.call('intake.dismiss', { ids: jobIds });
  }

  async getDraft(jobId: string): Promise<IntakeDraft> {
    const { db } = this.session();
    const stored = await db.call('intake.getDraft', { id: jobId });
    const draft = JSON.parse(stored.draft) as StoredDraft;
    const ids = nationalIdsOf(stored.nationalIds);
    return {
      job: stored.job,
      resume: draft.resume,
      fields: draft.fields,
      nationalIds: ids.map((id) => ({ kind: id.kind, masked: maskNationalId(id.value), source: id.source })),
      text: draft.text,
      language: draft.language,
      warnings: draft.warnings,
      pages: draft.pages,
      // Checked now, not when it was read: the register may have changed since.
      duplicates: await db.call('intake.findDuplicates', { ...probeOf(draft.resume), limit: 10 }),
    };
  }

  async getOriginal(jobId: string): Promise<{ fileName: string; mime: string; base64: string }> {
    const original = await this.session().db.call('intake.getOriginal', { id: jobId });
    return { fileName: original.fileName, mime: MIME[original.format], base64: Buffer.from(original.data).toString('base64') };
  }

  // ---- confirming -------------------------------------------------------------

  async createFromDraft(input: MethodParsedInput<'candidates.createFromDraft'>) {
    const { db, owner } = this.session();
    return this.acceptNew(db, owner, input.jobId, input.resume as ResumeDocument, input.keepNationalId, 'strict', false);
  }

  private async acceptNew(
    db: DbHandle,
    owner: StaffMember,
    jobId: string,
    resume: ResumeDocument,
    keepNationalId: boolean,
    mode: 'strict' | 'lenient',
    autoAccepted: boolean,
  ): Promise<{ candidate: Candidate; job: IntakeJob }> {
    const stored = await db.call('intake.getDraft', { id: jobId });
    const incoming = clean(structuredClone(resume));
    const fields = candidateFieldsFromResume(incoming, mode);
    const result = await db.call('intake.accept', {
      mode: 'create',
      jobId,
      candidateId: this.ctx.newId(),
      fields,
      profile: profileFromResume(incoming),
      ...this.nationalIdChoice(stored.nationalIds, keepNationalId),
      documentId: this.ctx.newId(),
      autoAccepted,
      actorId: owner.id,
      at: this.now(),
    });
    this.emit(result.job);
    this.ctx.events.emit('candidates.changed', { id: result.candidate.id, kind: 'created' });
    return result;
  }

  async mergePreview(input: MethodParsedInput<'intake.mergePreview'>): Promise<MergePreview> {
    const { db } = this.session();
    const stored = await db.call('intake.getDraft', { id: input.jobId });
    const resume = (input.resume as ResumeDocument | undefined) ?? (JSON.parse(stored.draft) as StoredDraft).resume;
    const sides = await this.sides(db, input.candidateId, resume, 'strict');
    return {
      candidate: { id: sides.candidate.id, name: sides.candidate.name, version: sides.candidate.version },
      fields: previewMerge(sides),
    };
  }

  async mergeDraft(
    input: MethodParsedInput<'candidates.mergeDraft'>,
    mode: 'strict' | 'lenient' = 'strict',
  ): Promise<{ candidate: Candidate; job: IntakeJob }> {
    const { db, owner } = this.session();
    const stored = await db.call('intake.getDraft', { id: input.jobId });
    const resume = (input.resume as ResumeDocument | undefined) ?? (JSON.parse(stored.draft) as StoredDraft).resume;
    const sides = await this.sides(db, input.candidateId, resume, mode);
    if (sides.candidate.version !== input.version) {
      throw new AppError('CONFLICT', 'Someone changed this candidate after you opened it. Reload to see the changes.', {
        current: sides.candidate.version,
      });
    }
    const merged = applyMerge(sides, input.fields as MergeField[]);
    const result = await db.call('intake.accept', {
      mode: 'merge',
      jobId: input.jobId,
      candidateId: input.candidateId,
      version: input.version,
      patch: merged.patch,
      profile: merged.profile,
      profileChanges: merged.profileChanges,
      ...this.nationalIdChoice(stored.nationalIds, input.keepNationalId),
      documentId: this.ctx.newId(),
      autoAccepted: false,
      actorId: owner.id,
      at: this.now(),
    });
    this.emit(result.job);
    this.ctx.events.emit('candidates.changed', { id: result.candidate.id, kind: 'updated' });
    return result;
  }

  private async sides(db: DbHandle, candidateId: string, resume: ResumeDocument, mode: 'strict' | 'lenient'): Promise<MergeSides> {
    const candidate = await db.call('candidates.get', { id: candidateId });
    const profile = await db.call('profiles.get', { candidateId });
    const incoming = clean(structuredClone(resume));
    // A CV without a name can still bring a phone number: the candidate's name stands in.
    const named: ResumeDocument = { ...incoming, basics: { ...incoming.basics, name: incoming.basics?.name || candidate.name } };
    return {
      candidate,
      profile: profile.resume ?? {},
      incomingFields: candidateFieldsFromResume(named, mode),
      incomingProfile: profileFromResume(incoming),
    };
  }

  private nationalIdChoice(storedIds: string | null, keep: boolean) {
    const ids = nationalIdsOf(storedIds);
    const first = ids[0];
    if (keep && !first) throw new AppError('VALIDATION', 'No national identity number was found in this CV, so there is none to keep.');
    return {
      nationalId: keep && first ? { value: first.value, kind: first.kind } : null,
      nationalIdDiscarded: !keep && ids.length > 0,
    };
  }

  // ---- settings and profiles -------------------------------------------------

  private async settings(db: DbHandle): Promise<IntakeSettings> {
    const values = await db.call('settings.get');
    const auto = values[SETTING_AUTO];
    const threshold = values[SETTING_THRESHOLD];
    return {
      autoAccept: typeof auto === 'boolean' ? auto : DEFAULT_INTAKE_SETTINGS.autoAccept,
      autoAcceptThreshold: typeof threshold === 'number' ? threshold : DEFAULT_INTAKE_SETTINGS.autoAcceptThreshold,
    };
  }

  getSettings(): Promise<IntakeSettings> {
    return this.settings(this.session().db);
  }

  async updateSettings(patch: Partial<IntakeSettings>): Promise<IntakeSettings> {
    const { db } = this.session();
    const values: Record<string, unknown> = {};
    if (patch.autoAccept !== undefined) values[SETTING_AUTO] = patch.autoAccept;
    if (patch.autoAcceptThreshold !== undefined) values[SETTING_THRESHOLD] = patch.autoAcceptThreshold;
    if (Object.keys(values).length) await db.call('settings.set', { values });
    return this.settings(db);
  }

  /** Logged as a view of the candidate, like the register's own record. */
  async profile(candidateId: string) {
    const profile = await this.session().db.call('profiles.get', { candidateId });
    await auditView(this.ctx, candidateId);
    return profile;
  }

  // ---- helpers ----------------------------------------------------------------

  private session() {
    return this.ctx.vault.requireSession();
  }

  private now(): string {
    return this.ctx.clock.now().toISOString();
  }

  private emit(job: IntakeJob): void {
    this.ctx.events.emit('intake.progress', {
      jobId: job.id,
      state: job.state,
      page: job.page,
      pages: job.pages,
      reason: job.reason,
      job,
    });
  }
}

/** What the duplicate check compares: the draft's contact fields, normalised like the register's. */
function probeOf(resume: ResumeDocument) {
  const b = resume.basics ?? {};
  let phones: string[] = [];
  let emails: string[] = [];
  try {
    const fields = candidateFieldsFromResume({ ...resume, basics: { ...b, name: b.name || '?' } }, 'lenient');
    phones = fields.phones;
    emails = fields.emails;
  } catch {
    // No usable contact fields: the name alone is compared.
  }
  const birthDate = b.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(b.birthDate) ? b.birthDate : null;
  return { emails, phones, name: b.name ?? '', birthDate };
}

function nationalIdsOf(stored: string | null): DetectedNationalId[] {
  return stored ? (JSON.parse(stored) as DetectedNationalId[]) : [];
}

/** "01019012345" → "010190 *****": enough to recognise it, not enough to use it. */
export function maskNationalId(value: string): string {
  return `${value.slice(0, 6)} *****`;
}
