/**
 * An unexpected error as one log line without its message: messages can quote
 * the data that caused them (a name, an address), stack frames cannot.
 */
export function describeInternalError(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown (${typeof error})`;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => line.trim());
  const raw = (error as { code?: unknown }).code;
  const code = typeof raw === 'string' ? ` [${raw}]` : '';
  return `${error.name}${code}${frames.length ? ` | ${frames.join(' | ')}` : ''}`;
}
