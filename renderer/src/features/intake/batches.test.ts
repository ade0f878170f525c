import { describe, expect, it } from 'vitest';
import type { IntakeJob } from '../../../../shared/contract/intake.ts';
import { base64Length, fileNameFor, planBatches, toBase64, type FileLike, type Limits } from './batches.ts';
import { submitFiles } from './submit.ts';

const limits: Limits = { maxFiles: 3, maxBase64Chars: 400, maxFileBytes: 250 };
const sized = (...sizes: number[]) => sizes.map((size) => ({ size }));

describe('splitting a drop into submit calls', () => {
  it('keeps the order and at most maxFiles files per call', () => {
    expect(planBatches(sized(1, 1, 1, 1, 1, 1, 1), limits)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('keeps each call under the base64 budget; a file alone may fill a call', () => {
    // 150 bytes → 200 chars: two fit, the third starts a new call.
    expect(planBatches(sized(150, 150, 150), limits)).toEqual([[0, 1], [2]]);
    expect(planBatches(sized(250, 60), limits)).toEqual([[0], [1]]);
  });

  it('counts a file over the size limit as free: only its size is sent', () => {
    expect(planBatches(sized(150, 10_000_000, 150), limits)).toEqual([[0, 1, 2]]);
  });

  it('has nothing to send for nothing dropped', () => {
    expect(planBatches([], limits)).toEqual([]);
  });
});

describe('reading files', () => {
  it('encodes bytes as base64 the way the core decodes them, across chunk borders', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7) % 256);
    const encoded = toBase64(bytes.buffer);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
    expect(encoded.length).toBe(base64Length(bytes.length));
    expect(toBase64(new ArrayBuffer(0))).toBe('');
  });

  it('shortens a name the core would refuse, keeping its extension', () => {
    const long = `${'å'.repeat(300)}.pdf`;
    const name = fileNameFor(long);
    expect(name.length).toBeLessThanOrEqual(255);
    expect(name.endsWith('….pdf')).toBe(true);
    expect(fileNameFor('  cv.pdf ')).toBe('cv.pdf');
  });
});

describe('submitting', () => {
  const file = (name: string, content: string | null, size?: number): FileLike & { reads: number } => {
    const f = {
      name,
      type: 'application/pdf',
      size: size ?? content?.length ?? 0,
      reads: 0,
      async arrayBuffer() {
        f.reads++;
        if (content === null) throw new Error('NotReadableError');
        return new TextEncoder().encode(content).buffer as ArrayBuffer;
      },
    };
    return f;
  };

  it('sends calls one after another, never reads an oversized file, and reports progress', async () => {
    const calls: { files: { name: string; bytes?: string; size?: number }[] }[] = [];
    const api = {
      call: async (_method: string, input: unknown) => {
        const i = input as (typeof calls)[number];
        calls.push(i);
        return { jobs: i.files.map((f) => ({ id: f.name }) as IntakeJob) };
      },
    } as Parameters<typeof submitFiles>[0];
    const huge = file('stor.pdf', 'x', 10_000);
    const gone = file('borte.pdf', null, 50);
    const files = [file('a.pdf', 'AAA'), file('b.pdf', 'BBB'), huge, file('c.pdf', 'CCC'), gone];
    const progress: string[] = [];
    const jobs = await submitFiles(api, files, { progress: (p) => progress.push(`${p.sent}/${p.total}`) }, limits);

    expect(calls.map((c) => c.files.map((f) => f.name))).toEqual([['a.pdf', 'b.pdf', 'stor.pdf'], ['c.pdf', 'borte.pdf']]);
    expect(calls[0]!.files[0]).toEqual({ name: 'a.pdf', bytes: btoa('AAA'), type: 'application/pdf' });
    expect(calls[0]!.files[2]).toEqual({ name: 'stor.pdf', size: 10_000, type: 'application/pdf' });
    expect(huge.reads).toBe(0);
    expect(calls[1]!.files[1]).toEqual({ name: 'borte.pdf', size: 50, type: 'application/pdf' });
    expect(jobs.map((j) => j.id)).toEqual(['a.pdf', 'b.pdf', 'stor.pdf', 'c.pdf', 'borte.pdf']);
    expect(progress).toEqual(['0/5', '3/5', '5/5']);
  });
});
