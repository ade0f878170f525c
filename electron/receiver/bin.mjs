#!/usr/bin/env node
// The reference receiver: node electron/receiver/bin.mjs --port 8443 --secret whsec_… [--store received.jsonl] [--tls-key key.pem --tls-cert cert.pem]
import { registerTypeScript } from '../register-typescript.mjs';

registerTypeScript();
const { runReceiver } = await import('./main.ts');
runReceiver(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`receiver: ${error.message}\n`);
  process.exit(1);
});
