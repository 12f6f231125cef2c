import PostalMime from 'postal-mime';
import MsgReader from '@kenjiuno/msgreader';
import { DomainError } from '../../../shared/errors';

export interface MailAttachment {
  fileName: string;
  mimeType: string;
  content: Uint8Array;
}

/** A saved e-mail, whatever it was saved as: what the contact log and the change requests need. */
export interface Mail {
  format: 'eml' | 'msg';
  from: string | null;
  fromName: string | null;
  to: string[];
  subject: string;
  /** ISO date (YYYY-MM-DD) the mail was sent, when it says. */
  date: string | null;
  text: string;
  attachments: MailAttachment[];
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function isoDay(value: string | undefined | null): string | null {
  if (!value) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Text of an HTML body for mails without a plain part: tags out, paragraphs as lines. */
function htmlText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/tr|\/li)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An Outlook .msg (an OLE compound file) or an .eml (MIME), told apart by content. */
export function isMsg(bytes: Uint8Array): boolean {
  return OLE.every((b, i) => bytes[i] === b);
}

export async function readMail(bytes: Uint8Array): Promise<Mail> {
  if (bytes.length === 0) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'file', code: 'FILE_EMPTY' }]);
  return isMsg(bytes) ? readMsg(bytes) : readEml(bytes);
}

async function readEml(bytes: Uint8Array): Promise<Mail> {
  const mail = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  const box = (a: unknown) => (a && typeof a === 'object' && 'address' in a ? (a as { address?: string; name?: string }) : null);
  const from = box(mail.from);
  if (!mail.headers.length || (!from && !mail.subject && !mail.text && !mail.html)) {
    throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'file', code: 'MAIL_UNREADABLE' }]);
  }
  return {
    format: 'eml',
    from: from?.address?.toLowerCase() ?? null,
    fromName: from?.name || null,
    to: (mail.to ?? []).flatMap((a) => ('group' in a && a.group ? a.group.map((m) => m.address) : box(a)?.address ? [box(a)!.address!] : [])),
    subject: mail.subject ?? '',
    date: isoDay(mail.date),
    text: mail.text?.trim() || (mail.html ? htmlText(mail.html) : ''),
    attachments: mail.attachments
      .filter((a) => a.disposition !== 'inline' || a.filename)
      .map((a, i) => ({
        fileName: a.filename ?? `bijlage-${i + 1}`,
        mimeType: a.mimeType,
        content: typeof a.content === 'string' ? new TextEncoder().encode(a.content) : new Uint8Array(a.content),
      })),
  };
}

function readMsg(bytes: Uint8Array): Mail {
  let reader: MsgReader;
  let data: ReturnType<MsgReader['getFileData']>;
  try {
    reader = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    data = reader.getFileData();
  } catch {
    throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'file', code: 'MAIL_UNREADABLE' }]);
  }
  if (data.error) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'file', code: 'MAIL_UNREADABLE' }]);
  return {
    format: 'msg',
    from: data.senderSmtpAddress?.toLowerCase() ?? data.senderEmail?.toLowerCase() ?? null,
    fromName: data.senderName ?? null,
    to: (data.recipients ?? []).map((r) => r.smtpAddress ?? r.email ?? '').filter(Boolean),
    subject: data.subject ?? '',
    date: isoDay(data.clientSubmitTime ?? data.messageDeliveryTime),
    text: data.body?.trim() ?? '',
    attachments: (data.attachments ?? []).map((a, i) => {
      const att = reader.getAttachment(a);
      return { fileName: att.fileName || `bijlage-${i + 1}`, mimeType: a.attachMimeTag ?? 'application/octet-stream', content: att.content };
    }),
  };
}
