import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { repoRoot } from '../../electron/bridge/build.ts';

export interface KandidatServer {
  /** The URL printed at start, with the one-time token. */
  launchUrl: string;
  /** http://127.0.0.1:PORT/ */
  origin: string;
  /** The temp KANDIDAT_HOME this bridge keeps its vault in. */
  home: string;
}

const URL_LINE = /Open (http:\/\/127\.0\.0\.1:(\d+)\/\?token=[0-9a-f]+)/;

/** `npm run start:web` as a user runs it, on a fresh home folder, without rebuilding. */
async function startBridge(home: string): Promise<{ child: ChildProcess; launchUrl: string }> {
  const child = spawn(process.execPath, [join(repoRoot, 'electron/bridge/bin.mjs'), '--no-build'], {
    cwd: repoRoot,
    env: { ...process.env, KANDIDAT_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const launchUrl = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = URL_LINE.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('exit', (code) => reject(new Error(`The bridge exited (${code}) before printing its URL:\n${stderr}`)));
  });
  return { child, launchUrl };
}

export const test = base.extend<{ kandidat: KandidatServer }>({
  // Playwright reads a fixture's dependencies from this destructuring: it must stay an (empty) pattern.
  // eslint-disable-next-line no-empty-pattern
  kandidat: async ({}, use) => {
    const home = mkdtempSync(join(tmpdir(), 'kandidat-e2e-'));
    let started: Awaited<ReturnType<typeof startBridge>>;
    try {
      started = await startBridge(home);
    } catch (error) {
      rmSync(home, { recursive: true, force: true });
      throw error;
    }
    const { child, launchUrl } = started;
    try {
      await use({ launchUrl, origin: new URL('/', launchUrl).href, home });
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(home, { recursive: true, force: true });
    }
  },
});

export { expect };

/** Call the core through the page's own bridge session (the cookie the launch URL set). */
export async function rpc<T = unknown>(page: Page, method: string, input: unknown = {}): Promise<T> {
  const result = await page.evaluate(
    async ([m, i]) => {
      const response = await fetch('/rpc', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ method: m, input: i }),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    },
    [method, input] as const,
  );
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.code} ${result.error?.message}`);
  return result.value as T;
}
