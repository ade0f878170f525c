// electron-builder: `npm run dist` (electron-vite build, then this). Installers for
// Linux (AppImage, deb), Windows (NSIS) and macOS (dmg); build each on its own OS,
// after `npm run rebuild:electron` there, since the SQLite module is native code.
const { join } = require('node:path');

const projectDir = join(__dirname, '..', '..');

/** A package and every package it depends on, as installed (hoisted) in node_modules. */
function dependencyClosure(root) {
  const { existsSync, readFileSync } = require('node:fs');
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    const manifest = join(projectDir, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) return; // an optional dependency not installed on this OS
    seen.add(name);
    for (const dep of Object.keys(JSON.parse(readFileSync(manifest, 'utf8')).dependencies ?? {})) visit(dep);
  };
  visit(root);
  return [...seen].sort();
}

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'no.kandidat.workstation',
  productName: 'Kandidat',
  executableName: 'kandidat',
  copyright: 'Kandidat',
  directories: {
    app: projectDir,
    output: join(projectDir, 'release'),
    // Icons (icon.png / icon.icns / icon.ico) go here when there are any.
    buildResources: join(projectDir, 'resources', 'build'),
  },
  files: [
    'out/**/*',
    'package.json',
    '!out/**/*.map',
    // The Node build of the driver and its C sources: the app loads the Electron
    // build from resources/native instead (electron/main/native-binding.ts).
    '!node_modules/better-sqlite3-multiple-ciphers/{build,deps,src}/**',
    '!node_modules/**/{test,tests,__tests__,docs,example,examples}/**',
    '!node_modules/**/*.{md,markdown,ts,map}',
    '!node_modules/**/*.d.ts',
  ],
  extraResources: [
    // A .node file cannot be loaded from inside app.asar; this one sits beside it.
    { from: 'native/electron', to: 'native/electron', filter: ['better_sqlite3.node', 'build-info.json'] },
    // OCR models (nor, eng), unpacked by postinstall; the core reads them with fs.
    { from: 'resources/tessdata', to: 'tessdata', filter: ['*.traineddata', '*.traineddata.gz', 'README.md'] },
  ],
  asar: true,
  // Native modules and what OCR loads by path in its worker threads (tesseract.js's worker
  // script with everything it requires, its wasm) stay outside the archive; the app points
  // the OCR threads at the unpacked worker script (electron/main/ocr-paths.ts).
  asarUnpack: [
    '**/*.node',
    'node_modules/sharp/**',
    'node_modules/@img/**',
    'node_modules/@napi-rs/**',
    ...dependencyClosure('tesseract.js').map((name) => `node_modules/${name}/**`),
    'node_modules/@tesseract.js-data/**',
  ],
  // electron-builder's rebuild would replace the Node build in node_modules, and on
  // machines whose npm config sets nodedir it silently builds for Node anyway; the
  // Electron build comes from `npm run rebuild:electron` (see that script).
  npmRebuild: false,
  nodeGypRebuild: false,
  afterPack: join(__dirname, 'after-pack.cjs'),
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Kandidat',
    synopsis: 'Encrypted candidate register and CV intake for recruiters',
  },
  deb: {
    // safeStorage uses the Secret Service; without it "remember" is refused.
    recommends: ['gnome-keyring | kwalletmanager'],
  },
  win: { target: ['nsis'] },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.business',
    hardenedRuntime: true,
  },
};
