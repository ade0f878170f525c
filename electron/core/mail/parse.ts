import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import msgreader from '@kenjiuno/msgreader';
import { MAX_ATTACHMENT_BYTES, MAX_MAIL_BYTES } from '../../../shared/contract/index.ts';

/**
 * One message, whatever it came as (.eml, Outlook .msg, an IMAP fetch): the
 * addresses, the text to show and search, and the attachments. The original bytes
 * are kept beside it, so nothing the parser misreads is lost.
 */
export interface ParsedMessage {
  /** The Message-ID, or a digest of the original when it has none: the key that makes logging idempotent. */
  messageId: string;
  subject: string;
  from: string | null;
  to: string[];
  cc: string[];
  /** ISO; null when the message has no (valid) date. */
  date: string | null;
  /** The first message of the conversation, as far as this message knows it. */
  threadKey: string;
  text: string;
  attachments: { fileName: string; contentType: string; data: Uint8Array }[];
  /** RFC 8058: the message asks to unsubscribe (its To is the unsubscribe address). */
  listUnsubscribeToken?: string;
}

export type MailErrorCode = 'MALFORMED' | 'TOO_LARGE' | 'UNSUPPORTED';

export class MailParseError extends Error {
  constructor(
    readonly code: MailErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MailParseError';
  }
}

// A CommonJS module with `exports.default`: Node's ESM loader hands over the exports object, bundlers the class.
const MsgReader = ((msgreader as unknown as { default?: typeof msgreader }).default ?? msgreader) as typeof msgreader;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const cleanId = (id: string | undefined | null) => {
  const trimmed = id?.trim().replace(/^<|>$/g, '');
  return trimmed ? trimmed.toLowerCase() : null;
};

const addressesOf = (field: AddressObject | AddressObject[] | undefined): string[] => {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const out: string[] = [];
  const walk = (list: { address?: string; group?: { address?: string }[] }[]) => {
    for (const a of list) {
      if (a.address) out.push(a.address.toLowerCase());
      if (a.group) walk(a.group);
    }
  };
  for (const o of objects) walk(o.value);
  return out;
};

/** "Re: Sv: VS: Fwd: Stilling" → "stilling": the fallback thread key of messages without ids. */
export const normalisedSubject = (subject: string) =>
  subject
    .replace(/^(\s*(re|sv|vs|fw|fwd|aw|antw)\s*(\[\d+\])?\s*:\s*)+/i, '')
    .trim()
    .toLowerCase();

function threadKeyOf(messageId: string | null, inReplyTo: string | null, references: string[], subject: string, fallback: string): string {
  return references[0] ?? inReplyTo ?? messageId ?? (normalisedSubject(subject) ? `subject:${normalisedSubject(subject)}` : fallback);
}

function checkAttachments(list: { fileName: string; data: Uint8Array }[]): void {
  for (const a of list) {
    if (a.data.byteLength > MAX_ATTACHMENT_BYTES) {
      throw new MailParseError(
        'TOO_LARGE',
        `The attachment "${a.fileName}" is ${Math.round(a.data.byteLength / 1024 / 1024)} MB; attachments over ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB are not stored. Save it separately and log the message without it.`,
      );
    }
  }
}

/** RFC 5322 text (an .eml file or an IMAP message source). */
export async function parseEml(bytes: Uint8Array): Promise<ParsedMessage> {
  let buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Saved from an mbox (Thunderbird and others): the "From sender date" separator line is not a header.
  if (buffer.subarray(0, 5).toString('latin1') === 'From ') {
    const eol = buffer.indexOf(0x0a);
    buffer = eol < 0 ? Buffer.alloc(0) : buffer.subarray(eol + 1);
  }
  const head = buffer.subarray(0, Math.min(buffer.length, 64 * 1024)).toString('latin1');
  // A message starts with header fields ("Name: value"); anything else is not an e-mail.
  if (!/^(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+/.test(head) || head.includes('\u0000')) {
    throw new MailParseError('MALFORMED', 'The file is not an e-mail message: it does not start with e-mail header fields.');
  }
  const parsed = await simpleParser(buffer, { skipTextToHtml: true, skipImageLinks: true, maxHtmlLengthToParse: 2_000_000 });
  const from = addressesOf(parsed.from)[0] ?? null;
  if (!from && !parsed.subject && !parsed.date && !parsed.messageId) {
    throw new MailParseError('MALFORMED', 'The file has no sender, subject, date or message id: it is not a readable e-mail.');
  }
  const attachments = parsed.attachments
    .filter((a) => a.contentDisposition !== 'inline' || a.filename)
    .map((a) => ({ fileName: a.filename ?? 'vedlegg', contentType: a.contentType || 'application/octet-stream', data: new Uint8Array(a.content) }));
  checkAttachments(attachments);
  const messageId = cleanId(parsed.messageId);
  const references = (Array.isArray(parsed.references) ? parsed.references : parsed.references ? [parsed.references] : [])
    .map(cleanId)
    .filter((r): r is string => r !== null);
  const subject = parsed.subject ?? '';
  const key = messageId ?? `sha256:${digest(bytes)}`;
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null;
  return {
    messageId: key,
    subject,
    from,
    to: addressesOf(parsed.to),
    cc: addressesOf(parsed.cc),
    date,
    threadKey: threadKeyOf(messageId, cleanId(parsed.inReplyTo), references, subject, key),
    text: (parsed.text ?? '').replace(/\r\n/g, '\n').trim(),
    attachments,
  };
}

/** Outlook's .msg (a compound file). */
export function parseMsg(bytes: Uint8Array): ParsedMessage {
  let data;
  let reader;
  try {
    const copy = bytes.slice().buffer;
    reader = new MsgReader(copy);
    data = reader.getFileData();
  } catch {
    throw new MailParseError('MALFORMED', 'The Outlook message (.msg) is damaged and cannot be read.');
  }
  if (data.error || data.dataType !== 'msg') {
    throw new MailParseError('MALFORMED', 'The file is not an Outlook message (.msg) that can be read.');
  }
  const attachments: ParsedMessage['attachments'] = [];
  for (const a of data.attachments ?? []) {
    if ((a.contentLength ?? 0) > MAX_ATTACHMENT_BYTES) {
      checkAttachments([{ fileName: a.fileName ?? 'vedlegg', data: new Uint8Array(a.contentLength ?? 0) }]);
    }
    if (a.innerMsgContent) continue;
    const file = reader.getAttachment(a);
    attachments.push({ fileName: file.fileName || 'vedlegg', contentType: a.attachMimeTag || 'application/octet-stream', data: new Uint8Array(file.content) });
  }
  checkAttachments(attachments);
  const headers = data.headers ?? '';
  const header = (name: string) => new RegExp(`^${name}:\\s*(.+(?:\\r?\\n[ \\t].+)*)`, 'im').exec(headers)?.[1]?.replace(/\r?\n[ \t]+/g, ' ').trim() ?? null;
  const messageId = cleanId(header('Message-ID'));
  const references = (header('References') ?? '').split(/\s+/).map(cleanId).filter((r): r is string => r !== null);
  const recipients = (kind: string) =>
    (data.recipients ?? [])
      .filter((r) => (r.recipType ?? 'to') === kind)
      .map((r) => (r.smtpAddress || r.email || '').toLowerCase())
      .filter((a) => a.includes('@'));
  const from = (data.senderSmtpAddress || data.senderEmail || '').toLowerCase() || null;
  const subject = data.subject ?? '';
  if (!from && !subject && !data.body) throw new MailParseError('MALFORMED', 'The Outlook message has no sender, subject or text.');
  const when = data.clientSubmitTime ?? data.messageDeliveryTime ?? header('Date');
  const date = when && !Number.isNaN(new Date(when).getTime()) ? new Date(when).toISOString() : null;
  const key = messageId ?? `sha256:${digest(bytes)}`;
  return {
    messageId: key,
    subject,
    from: from && from.includes('@') ? from : null,
    to: recipients('to'),
    cc: recipients('cc'),
    date,
    threadKey: threadKeyOf(messageId, cleanId(header('In-Reply-To')), references, subject, key),
    text: (data.body ?? '').replace(/\r\n/g, '\n').trim(),
    attachments,
  };
}

/** By content, not by name: a .msg is a compound file, anything else is read as RFC 5322. */
export async function parseMessageFile(fileName: string, bytes: Uint8Array): Promise<ParsedMessage> {
  if (bytes.byteLength > MAX_MAIL_BYTES) {
    throw new MailParseError('TOO_LARGE', `The message is ${Math.round(bytes.byteLength / 1024 / 1024)} MB; messages over ${MAX_MAIL_BYTES / 1024 / 1024} MB are not stored.`);
  }
  if (bytes.byteLength === 0) throw new MailParseError('MALFORMED', 'The file is empty.');
  const isOle = Buffer.from(bytes.subarray(0, 8)).equals(OLE_MAGIC);
  if (isOle) return parseMsg(bytes);
  if (/\.msg$/i.test(fileName)) throw new MailParseError('MALFORMED', 'The file is named .msg but is not an Outlook message.');
  return parseEml(bytes);
}
