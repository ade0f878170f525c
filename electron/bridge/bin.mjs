#!/usr/bin/env node
// Browser mode entry: loads the TypeScript sources through tsx (no build step for Node code).
import { registerTypeScript } from '../register-typescript.mjs';

registerTypeScript();
const { runBridge } = await import('./main.ts');
runBridge(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`Kandidat could not start in browser mode: ${error.message}\n`);
  process.exit(1);
});
