import { spawn, spawnSync } from 'node:child_process';

/**
 * Debian's native `tesseract` CLI as the yardstick: one process per page, as many at once
 * as there are cores, each limited to one thread (OMP_THREAD_LIMIT=1) so that "one process
 * per core" holds. Pages go in on stdin and text comes out on stdout: no temp files.
 */
export interface NativeTesseract {
  version: string;
  languages: string[];
}

export function findNativeTesseract(tessdataDir?: string): NativeTesseract | { missing: string } {
  const version = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    return { missing: 'the native `tesseract` binary is not installed (apt-get install tesseract-ocr tesseract-ocr-nor)' };
  }
  const list = spawnSync('tesseract', [...(tessdataDir ? ['--tessdata-dir', tessdataDir] : []), '--list-langs'], { encoding: 'utf8' });
  const languages = `${list.stdout}`.split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
  return { version: `${version.stdout}`.split('\n')[0]!.trim(), languages };
}

export async function runNative(pages: Uint8Array[], options: { processes: number; languages: string; tessdataDir?: string }): Promise<{ ms: number; texts: string[] }> {
  const texts: string[] = new Array<string>(pages.length);
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < pages.length) {
      const index = next++;
      texts[index] = await recognise(pages[index]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.processes, pages.length) }, lane));
  return { ms: performance.now() - started, texts };
}

function recognise(page: Uint8Array, options: { languages: string; tessdataDir?: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = [...(options.tessdataDir ? ['--tessdata-dir', options.tessdataDir] : []), 'stdin', 'stdout', '-l', options.languages];
    const child = spawn('tesseract', args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`tesseract exited with ${code}: ${Buffer.concat(err).toString('utf8').trim()}`));
    });
    child.stdin.end(Buffer.from(page));
  });
}
