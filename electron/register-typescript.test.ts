import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const helper = fileURLToPath(new URL('./register-typescript.mjs', import.meta.url));

/** Whether a fresh Node process has source maps on after registering TypeScript our way. */
function sourceMapsAfterRegister(env: Record<string, string>): string {
  const script = `const { registerTypeScript } = await import(${JSON.stringify(helper)}); registerTypeScript(); console.log(process.sourceMapsEnabled);`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(run.stderr).toBe('');
  return run.stdout.trim();
}

describe('Node runs of the TypeScript sources', () => {
  it("keep source maps off, so Node does not hold on to pdf.js's large maps; an env variable turns them on", () => {
    expect(sourceMapsAfterRegister({ KANDIDAT_SOURCE_MAPS: '' })).toBe('false');
    expect(sourceMapsAfterRegister({ KANDIDAT_SOURCE_MAPS: '1' })).toBe('true');
  });
});
