import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startReceiver } from './server.ts';

const USAGE = `usage: node electron/receiver/bin.mjs --port PORT --secret whsec_… [--host 127.0.0.1] [--store FILE.jsonl]
       [--tls-key KEY.pem --tls-cert CERT.pem]
The secret may also come from the environment variable RECEIVER_SECRET (kept out of the process list).`;

export async function runReceiver(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      secret: { type: 'string' },
      store: { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const secret = values.secret ?? process.env.RECEIVER_SECRET;
  if (values.help || !values.port || !secret) {
    process.stdout.write(`${USAGE}\n`);
    if (!values.help) process.exitCode = 2;
    return;
  }
  if (Boolean(values['tls-key']) !== Boolean(values['tls-cert'])) throw new Error('--tls-key and --tls-cert go together');
  const receiver = await startReceiver({
    secret,
    port: Number(values.port),
    host: values.host,
    storeFile: values.store ?? null,
    ...(values['tls-key'] && values['tls-cert'] ? { tls: { key: readFileSync(values['tls-key']), cert: readFileSync(values['tls-cert']) } } : {}),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`listening ${receiver.url}\n`);
  const stop = () => void receiver.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
