// electron-builder afterPack hook: set Electron's fuses on the packed binary (before
// signing, which must cover the flipped bytes), and refuse a package without the
// SQLite module built for the target's Electron.
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** Per the Electron security checklist: the packaged app is only ever itself. */
const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: false,
  // ELECTRON_RUN_AS_NODE would turn the signed binary into a general Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // The renderer is served over app://; file:// needs no extra powers.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

function paths(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const product = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    const app = join(appOutDir, `${product}.app`);
    return { binary: app, resources: join(app, 'Contents', 'Resources') };
  }
  if (electronPlatformName === 'win32') return { binary: join(appOutDir, `${product}.exe`), resources: join(appOutDir, 'resources') };
  return { binary: join(appOutDir, packager.executableName), resources: join(appOutDir, 'resources') };
}

function checkNativeModule(context, resources) {
  const dir = join(resources, 'native', 'electron');
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const fail = (why) => {
    throw new Error(`${why}. Run \`npm run rebuild:electron -- --arch=${arch}\` on ${context.electronPlatformName} first.`);
  };
  if (!existsSync(join(dir, 'better_sqlite3.node'))) fail('The SQLite module built for Electron is missing from the package');
  const info = JSON.parse(readFileSync(join(dir, 'build-info.json'), 'utf8'));
  const electronVersion = context.packager.config.electronVersion ?? context.packager.info.framework.version;
  if (info.platform !== context.electronPlatformName || info.arch !== arch || (electronVersion && info.electron !== electronVersion)) {
    fail(`The SQLite module was built for Electron ${info.electron} ${info.platform}-${info.arch}, not ${electronVersion} ${context.electronPlatformName}-${arch}`);
  }
}

exports.default = async function afterPack(context) {
  const { binary, resources } = paths(context);
  checkNativeModule(context, resources);
  await flipFuses(binary, {
    ...FUSES,
    // Flipping bytes breaks the ad-hoc signature arm64 macOS needs to run at all.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && ARCH_NAMES[context.arch] === 'arm64',
  });
};
exports.FUSES = FUSES;
