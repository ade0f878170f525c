export function buildIsStale(repoRoot: string): boolean;
export function buildApp(repoRoot: string, say?: (line: string) => void): boolean;
