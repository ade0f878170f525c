#!/usr/bin/env node
// `npm start`: open the Electron window, building out/ first when it is missing or
// older than the sources. Where no window can open (no Electron binary, no display,
// no SQLite module built for Electron) say why in one line and serve the same
// workstation to a browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayProblem, findElectronBinary } from './electron-binary.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const say = (line) => process.stderr.write(`${line}\n`);

const BUILD_OUTPUTS = ['out/main/index.js', 'out/main/db-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const BUILD_INPUTS = ['electron/main', 'electron/preload', 'electron/core', 'shared', 'renderer', 'electron.vite.config.ts'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function buildIsStale(root = repoRoot) {
  const outputs = BUILD_OUTPUTS.map((p) => join(root, p));
  if (!outputs.every((p) => existsSync(p))) return true;
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return BUILD_INPUTS.some((p) => newestMtime(join(root, p)) > oldestOutput);
}

function build() {
  say('Kandidat: building the app (out/ is missing or older than the sources)…');
  const cli = join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    say('Kandidat: the build failed (see above).');
    process.exit(1);
  }
}

/** The SQLite module built for this Electron, building it if it is missing (needs the network once). */
function electronNativeModuleProblem(electronVersion) {
  const dir = join(repoRoot, 'native', 'electron');
  const current = () => {
    try {
      const info = JSON.parse(readFileSync(join(dir, 'build-info.json'), 'utf8'));
      return existsSync(join(dir, 'better_sqlite3.node')) && info.electron === electronVersion && info.arch === process.arch;
    } catch {
      return false;
    }
  };
  if (current()) return null;
  const result = spawnSync(process.execPath, [join(repoRoot, 'electron', 'main', 'build-native-for-electron.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status === 0 && current()) return null;
  return `the SQLite module for Electron ${electronVersion} is not built and could not be built here (run npm run rebuild:electron where Electron's headers can be downloaded)`;
}

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
  const reason = !electron.ok ? electron.reason : (displayProblem() ?? electronNativeModuleProblem(electron.version));
  if (!reason) {
    if (buildIsStale()) build();
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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
