export type ElectronBinary = { ok: true; path: string; version: string } | { ok: false; reason: string };
export function findElectronBinary(repoRoot: string, env?: NodeJS.ProcessEnv): ElectronBinary;
export function displayProblem(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | null;
export function electronNativeModuleProblem(repoRoot: string, electronVersion: string): string | null;
