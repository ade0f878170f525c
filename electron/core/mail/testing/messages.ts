import { burn, type Entry } from '@kenjiuno/msgreader/lib/Burner.js';
import { TypeEnum } from '@kenjiuno/msgreader/lib/Reader.js';

/** Test messages made here (no real correspondence in the repository). */

export interface EmlOptions {
  from: string;
  to: string[];
  subject: string;
  text: string;
  messageId?: string;
  inReplyTo?: string;
  date?: string;
  charset?: string;
  attachment?: { fileName: string; contentType: string; data: Buffer };
}

export function eml(o: EmlOptions): Buffer {
  const head = [
    `From: ${o.from}`,
    `To: ${o.to.join(', ')}`,
    `Subject: ${o.subject}`,
    `Date: ${new Date(o.date ?? '2026-03-01T09:00:00Z').toUTCString()}`,
    ...(o.messageId ? [`Message-ID: <${o.messageId}>`] : []),
    ...(o.inReplyTo ? [`In-Reply-To: <${o.inReplyTo}>`, `References: <${o.inReplyTo}>`] : []),
    'MIME-Version: 1.0',
  ];
  const charset = o.charset ?? 'utf-8';
  const textPart = [`Content-Type: text/plain; charset=${charset}`, 'Content-Transfer-Encoding: 8bit', '', o.text].join('\r\n');
  if (!o.attachment) return Buffer.from([...head, textPart].join('\r\n') + '\r\n', charset === 'utf-8' ? 'utf8' : 'latin1');
  const b = 'kandidat-grense';
  const att = o.attachment;
  return Buffer.from(
    [
      ...head,
      `Content-Type: multipart/mixed; boundary="${b}"`,
      '',
      `--${b}`,
      textPart,
      `--${b}`,
      `Content-Type: ${att.contentType}; name="${att.fileName}"`,
      `Content-Disposition: attachment; filename="${att.fileName}"`,
      'Content-Transfer-Encoding: base64',
      '',
      att.data.toString('base64').replace(/.{76}/g, '$&\r\n'),
      `--${b}--`,
      '',
    ].join('\r\n'),
    'utf8',
  );
}

const utf16 = (s: string) => Buffer.from(`${s}`, 'utf16le');

/** A minimal Outlook .msg (compound file with the MAPI property streams Outlook writes). */
export function msg(o: { from: string; to: string; subject: string; text: string; messageId: string; attachment?: { fileName: string; data: Buffer } }): Buffer {
  const entries: Entry[] = [];
  const doc = (name: string, data: Buffer): number => {
    const bytes = Array.from(data);
    entries.push({ name, type: TypeEnum.DOCUMENT, length: bytes.length, binaryProvider: () => bytes });
    return entries.length - 1;
  };
  const dir = (name: string, children: number[]): number => {
    entries.push({ name, type: TypeEnum.DIRECTORY, length: 0, children });
    return entries.length - 1;
  };
  entries.push({ name: 'Root Entry', type: TypeEnum.ROOT, length: 0, children: [] });
  const root: number[] = [
    doc('__substg1.0_0037001F', utf16(o.subject)),
    doc('__substg1.0_0C1F001F', utf16(o.from)),
    doc('__substg1.0_1000001F', utf16(o.text)),
    doc('__substg1.0_007D001F', utf16(`Message-ID: <${o.messageId}>\r\nDate: Mon, 02 Mar 2026 07:00:00 +0000\r\n`)),
  ];
  const recipient = [doc('__substg1.0_39FE001F', utf16(o.to)), doc('__substg1.0_3001001F', utf16(o.to))];
  root.push(dir('__recip_version1.0_#00000000', recipient));
  if (o.attachment) {
    const parts = [doc('__substg1.0_3707001F', utf16(o.attachment.fileName)), doc('__substg1.0_37010102', o.attachment.data)];
    root.push(dir('__attach_version1.0_#00000000', parts));
  }
  entries[0]!.children = root;
  return Buffer.from(burn(entries));
}
