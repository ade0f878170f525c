#!/usr/bin/env node
// Builds better-sqlite3-multiple-ciphers against Electron's headers into
// native/electron/better_sqlite3.node, which the Electron app loads through the
// driver's `nativeBinding` option (electron/main/native-binding.ts).
//
// Why a script of our own rather than @electron/rebuild:
//  - node_modules must keep the Node build: vitest, the CLI and browser mode run
//    under plain Node, and a rebuild in place would break them (ABI mismatch).
//  - On machines where the npm configuration sets `nodedir` (this project's dev
//    machines have nodedir=/usr in ~/.npmrc, so native modules build offline against
//    the system Node headers), npm exports it to every script as npm_config_nodedir,
//    and node-gyp prefers it over --target/--dist-url. @electron/rebuild then
//    "succeeds" while silently producing another Node build. This script runs
//    node-gyp with that variable removed and Electron's version and header URL
//    given explicitly, in a copy of the package, and checks the result.
//
// It needs a network connection to download Electron's headers (once; they are
// cached under ~/.cache/kandidat/electron-gyp). Run it where that is possible:
//     npm run rebuild:electron            # for this machine's architecture
//     npm run rebuild:electron -- --arch=arm64
// electron-builder then ships native/electron/ beside app.asar (extraResources).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(repoRoot, 'package.json'));
const outDir = join(repoRoot, 'native', 'electron');

const arch = process.argv.find((a) => a.startsWith('--arch='))?.slice('--arch='.length) ?? process.arch;
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const packageDir = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const nodeGyp = (() => {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    // npm bundles node-gyp too.
    return join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
  }
})();

const say = (line) => process.stderr.write(`${line}\n`);
say(`Building better-sqlite3-multiple-ciphers for Electron ${electronVersion} (${process.platform}-${arch})…`);

// A copy, so node_modules/…/build (the Node build) is left alone.
const work = mkdtempSync(join(tmpdir(), 'kandidat-native-'));
try {
  cpSync(packageDir, work, { recursive: true, filter: (src) => !src.startsWith(join(packageDir, 'build')) });

  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    // nodedir, target, runtime, disturl… from npm or the shell would override ours.
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|devdir|build_from_source)$/i.test(name)) delete env[name];
  }
  const result = spawnSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers',
      `--devdir=${join(homedir(), '.cache', 'kandidat', 'electron-gyp')}`,
    ],
    { cwd: work, env, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    say('The build failed. It needs Electron\'s headers from https://electronjs.org/headers and a C++ toolchain (python3, make, g++ / MSVC / Xcode).');
    process.exit(1);
  }

  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) {
    say(`node-gyp reported success but ${built} is missing.`);
    process.exit(1);
  }
  // node-gyp records the headers it compiled against; a Node path here means the
  // build silently went to the wrong runtime.
  const configGypi = readFileSync(join(work, 'build', 'config.gypi'), 'utf8');
  const nodeRoot = /"nodedir":\s*"([^"]*)"/.exec(configGypi)?.[1] ?? '';
  if (!nodeRoot.includes(electronVersion)) {
    say(`The module was compiled against ${nodeRoot || 'unknown headers'}, not Electron ${electronVersion}'s; refusing to install it.`);
    process.exit(1);
  }

  mkdirSync(outDir, { recursive: true });
  copyFileSync(built, join(outDir, 'better_sqlite3.node'));
  writeFileSync(
    join(outDir, 'build-info.json'),
    `${JSON.stringify({ electron: electronVersion, platform: process.platform, arch, builtAt: new Date().toISOString() }, null, 2)}\n`,
  );

  // Where the binary exists, prove the module loads in Electron's runtime.
  const electron = findElectronBinary(repoRoot);
  if (electron.ok && arch === process.arch) {
    const check = spawnSync(electron.path, ['-e', `require(${JSON.stringify(join(outDir, 'better_sqlite3.node'))})`], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: 'inherit',
    });
    if (check.status !== 0) {
      say('Electron could not load the module it was built for.');
      process.exit(1);
    }
  }
  say(`Done: ${join(outDir, 'better_sqlite3.node')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
