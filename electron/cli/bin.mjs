#!/usr/bin/env node
// The `kandidat` command: loads the TypeScript sources through tsx, so it works
// right after `npm install` without a build step.
import { registerTypeScript } from '../register-typescript.mjs';

registerTypeScript();
const { runCli } = await import('./main.ts');
const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
// Let stdout drain before exiting: large JSON Lines output must not be cut.
process.stdout.write('', () => process.exit(code));
