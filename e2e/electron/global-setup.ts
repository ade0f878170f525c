import { buildApp, buildIsStale } from '../../electron/main/build-state.mjs';
import { electronNativeModuleProblem } from '../../electron/main/electron-binary.mjs';
import { electronBinary, repoRoot } from './app.ts';

/** Build out/ if stale, and the Electron SQLite module if missing, once for the suite. */
export default async function globalSetup(): Promise<void> {
  if (!electronBinary.ok) return; // the spec skips with the reason
  const nativeProblem = electronNativeModuleProblem(repoRoot, electronBinary.version);
  if (nativeProblem) throw new Error(`The Electron app cannot open a vault: ${nativeProblem}.`);
  if (buildIsStale(repoRoot) && !buildApp(repoRoot)) throw new Error('electron-vite build failed.');
}
