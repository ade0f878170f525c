import { existsSync, readdirSync } from 'node:fs';

/**
 * The bench dispatcher: `npm run -s bench -- NAME [ARGS…]` runs bench/NAME.ts's
 * `export async function main(args: string[]): Promise<void>` with the remaining arguments.
 * Benchmarks print a table and, last, one `BENCH NAME key=value …` line.
 */
const benchDir = new URL('./', import.meta.url);

function available(): string[] {
  return readdirSync(benchDir)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
    console.error(`usage: npm run -s bench -- NAME [ARGS…]\nbenchmarks: ${available().join(', ')}`);
    return 2;
  }
  const file = new URL(`./${name}.ts`, benchDir);
  if (!existsSync(file)) {
    console.error(`no benchmark "${name}"; benchmarks: ${available().join(', ')}`);
    return 2;
  }
  const mod = (await import(file.href)) as { main?: (args: string[]) => Promise<void> };
  if (typeof mod.main !== 'function') {
    console.error(`bench/${name}.ts does not export main(args: string[]): Promise<void>`);
    return 2;
  }
  await mod.main(args);
  return 0;
}

run(process.argv.slice(2)).then(
  (code) => {
    // Exit explicitly: a benchmark's worker threads or pools must not keep the process alive.
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
