#!/usr/bin/env node
// `npm run test:e2e`: the browser suite (Debian's Chromium against the bridge); the
// built Electron main process under Node with a stand-in for Electron's API; then
// the Electron suite where the Electron binary exists, or one line saying why not.
// Ends with `N passed, N failed` for CI and a non-zero exit if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, buildIsStale } from '../electron/main/build-state.mjs';
import { displayProblem, findElectronBinary } from '../electron/main/electron-binary.mjs';
import { runMainBundleChecks } from './electron/main-bundle.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const playwrightCli = join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js');
const say = (line) => process.stdout.write(`${line}\n`);

let passed = 0;
let failed = 0;

function onPath(command) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, command)));
}

/** One Playwright suite; its counts come from the JSON reporter beside the human one. */
function runSuite(name, config, wrapper = []) {
  if (!existsSync(join(repoRoot, config))) {
    say(`${name} e2e FAILED: ${config} does not exist.`);
    failed += 1;
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'kandidat-e2e-report-'));
  const report = join(scratch, 'report.json');
  try {
    const human = process.env.CI ? 'line' : 'list';
    const command = [...wrapper, process.execPath, playwrightCli, 'test', '-c', config, `--reporter=${human},json`];
    const result = spawnSync(command[0], command.slice(1), {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    });
    let stats = null;
    try {
      stats = JSON.parse(readFileSync(report, 'utf8')).stats ?? null;
    } catch {
      stats = null;
    }
    const suitePassed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
    let suiteFailed = stats?.unexpected ?? 0;
    // A suite that broke before reporting (global setup, no tests found) still fails.
    if (result.status !== 0 && suiteFailed === 0) suiteFailed = 1;
    passed += suitePassed;
    failed += suiteFailed;
    const notes = [stats?.skipped ? `${stats.skipped} skipped` : '', stats?.flaky ? `${stats.flaky} flaky (passed on retry)` : '']
      .filter(Boolean)
      .map((note) => `, ${note}`)
      .join('');
    say(`${name} e2e: ${suitePassed} passed, ${suiteFailed} failed${notes}.`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

runSuite('Web', 'e2e/web/playwright.config.ts');

if (buildIsStale(repoRoot) && !buildApp(repoRoot)) {
  say('Electron main bundle: FAILED to build.');
  failed += 1;
} else {
  const checks = runMainBundleChecks(repoRoot);
  for (const c of checks) if (!c.ok) say(`  ✘ main bundle: ${c.name}\n    ${c.error}`);
  const ok = checks.filter((c) => c.ok).length;
  passed += ok;
  failed += checks.length - ok;
  say(`Electron main bundle (under Node, Electron's API stood in): ${ok} passed, ${checks.length - ok} failed.`);
}

const electron = findElectronBinary(repoRoot);
if (!electron.ok) {
  say(`Electron e2e skipped: ${electron.reason}.`);
} else {
  const noDisplay = displayProblem();
  if (noDisplay && !onPath('xvfb-run')) {
    say(`Electron e2e skipped: ${noDisplay} and xvfb-run is not installed.`);
  } else {
    runSuite('Electron', 'e2e/electron/playwright.config.ts', noDisplay ? ['xvfb-run', '-a'] : []);
  }
}

say(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
