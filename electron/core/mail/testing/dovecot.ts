import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real IMAP server for tests and the benchmark: Debian's Dovecot, configured in a
 * temp folder, listening on 127.0.0.1 only, with one user and Maildir folders
 * filled before it starts. A proxy in front of it can cut the connection after a
 * number of bytes, to test a connection dropped in the middle of a sync.
 */

export const DOVECOT = '/usr/sbin/dovecot';
export const dovecotAvailable = () => existsSync(DOVECOT);

export interface DovecotServer {
  port: number;
  user: string;
  password: string;
  /** Adds messages to a folder's Maildir (Dovecot picks them up on the next SELECT). */
  deliver(folder: string, messages: Buffer[]): void;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** Dovecot refuses to run mail processes as root: as root, the mail belongs to nobody. */
const mailOwner = () => (process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : { uid: process.getuid?.() ?? 1000, gid: process.getgid?.() ?? 1000 });

export async function startDovecot(): Promise<DovecotServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kandidat-imap-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const user = 'kari@byraa.no';
  const password = 'hemmelig-test-passord';
  const owner = mailOwner();
  const home = join(dir, 'mail', user);
  mkdirSync(join(dir, 'run'), { recursive: true });
  mkdirSync(home, { recursive: true });
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`);
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `base_dir = ${dir}/run
state_dir = ${dir}/run/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
mail_uid = ${owner.uid}
mail_gid = ${owner.gid}
default_login_user = ${process.getuid?.() === 0 ? 'dovenull' : (process.env.USER ?? 'nobody')}
default_internal_user = ${process.getuid?.() === 0 ? 'dovecot' : (process.env.USER ?? 'nobody')}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${owner.uid} gid=${owner.gid} home=${home}
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
  );
  let seq = 0;
  const deliver = (folder: string, messages: Buffer[]) => {
    // Maildir++: INBOX is the root, other folders are ".Name".
    const box = folder === 'INBOX' ? home : join(home, `.${folder}`);
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(box, sub), { recursive: true });
    for (const m of messages) writeFileSync(join(box, 'cur', `${1_700_000_000 + seq++}.M${seq}P1.kandidat:2,S`), m);
    chownTree(join(dir, 'mail'), owner);
  };
  chownTree(join(dir, 'mail'), owner);
  const child: ChildProcess = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  await waitForPort(port, child);
  return {
    port,
    user,
    password,
    deliver,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function chownTree(path: string, owner: { uid: number; gid: number }): void {
  if (process.getuid?.() !== 0) return;
  chownSync(path, owner.uid, owner.gid);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownTree(child, owner);
    else chownSync(child, owner.uid, owner.gid);
  }
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  let exited = false;
  child.once('exit', () => (exited = true));
  for (let i = 0; i < 200; i++) {
    if (exited) throw new Error('Dovecot exited at start (see its log in the temp folder)');
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('data', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('Dovecot did not start listening');
}

/**
 * A TCP proxy to the server that can drop every connection once `cutAfterBytes`
 * bytes went from the server to the client (null: never).
 */
export async function startDroppingProxy(target: number): Promise<{ port: number; cutAfterBytes: number | null; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const state = { port: 0, cutAfterBytes: null as number | null, stop: async () => {} };
  const server: Server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    let sent = 0;
    upstream.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      client.write(chunk);
      if (state.cutAfterBytes !== null && sent > state.cutAfterBytes) {
        client.destroy();
        upstream.destroy();
      }
    });
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}
