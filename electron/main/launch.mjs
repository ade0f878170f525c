#!/usr/bin/env node
// `npm start`: open the Electron window, building out/ first when it is missing or
// older than the sources. Where no window can open (no Electron binary, no display,
// no SQLite module built for Electron) say why in one line and serve the same
// workstation to a browser instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, buildIsStale } from './build-state.mjs';
import { displayProblem, electronNativeModuleProblem, findElectronBinary } from './electron-binary.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const say = (line) => process.stderr.write(`${line}\n`);

/** Run a child in the foreground: signals go to it, its exit code becomes ours. */
function foreground(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: repoRoot, env, stdio: 'inherit' });
  const forward = (signal) => () => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    say(`Kandidat: could not start ${command}: ${error.message}`);
    process.exit(1);
  });
}

function main() {
  const electron = findElectronBinary(repoRoot);
  const reason = !electron.ok ? electron.reason : (displayProblem() ?? electronNativeModuleProblem(repoRoot, electron.version));
  if (!reason) {
    if (buildIsStale(repoRoot) && !buildApp(repoRoot, say)) process.exit(1);
    const env = { ...process.env };
    // Inherited, this would make Electron a plain Node process.
    delete env.ELECTRON_RUN_AS_NODE;
    foreground(electron.path, [repoRoot, ...args], env);
    return;
  }

  say(`Kandidat: the desktop window cannot start: ${reason}; serving the same workstation for a browser instead.`);
  const bridge = join(repoRoot, 'electron', 'bridge', 'bin.mjs');
  if (!existsSync(bridge)) {
    say(`Kandidat: browser mode is missing too (${bridge} does not exist).`);
    process.exit(1);
  }
  // Browser mode builds the one thing it serves (the renderer) itself.
  foreground(process.execPath, [bridge, ...args]);
}

main();
