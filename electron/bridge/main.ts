import { createCore } from '../core/index.ts';
import { defaultUserDataDir, vaultDirIn } from '../core/paths.ts';
import { startBridge } from './server.ts';
import { buildRenderer, rendererIsStale, rendererOut } from './build.ts';

/**
 * Browser mode: the whole workstation served on 127.0.0.1 for a browser.
 * `npm run start:web`, and `npm start` where the Electron window cannot open.
 * Options: --port N (default random), --no-build (serve what out/renderer holds).
 * The URL with its one-time token is printed on stdout; everything else on stderr.
 */
export async function runBridge(argv: string[]): Promise<void> {
  const portArg = argv.indexOf('--port');
  const port = portArg >= 0 ? Number(argv[portArg + 1]) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port needs a number from 0 to 65535');

  if (!argv.includes('--no-build') && rendererIsStale()) await buildRenderer((l) => process.stderr.write(l + '\n'));

  const userData = defaultUserDataDir();
  const core = createCore({
    vaultDir: vaultDirIn(userData),
    // Log the method name and error class only: messages may quote personal data.
    onInternalError: (method, error) => process.stderr.write(`Internal error in ${method}: ${(error as Error)?.name}\n`),
  });
  const bridge = await startBridge({ dispatch: core.dispatch, events: core.events, staticDir: rendererOut, port });
  process.stdout.write(`Kandidat is running in browser mode. Open ${bridge.launchUrl}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await bridge.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
