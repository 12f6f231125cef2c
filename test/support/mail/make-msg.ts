import { burn, type Entry } from '@kenjiuno/msgreader/lib/Burner';

/**
 * Writes an Outlook .msg the way Outlook stores one (MS-OXMSG): a compound file whose
 * properties are streams named __substg1.0_<tag> (strings as UTF-16LE, binaries raw) and
 * fixed-size ones in __properties_version1.0, with one storage per recipient and attachment.
 */
export interface MsgSpec {
  subject: string;
  senderName: string;
  senderSmtp: string;
  to: string[];
  body: string;
  /** Sent at (PR_CLIENT_SUBMIT_TIME). */
  sentAt: Date;
  attachments: { fileName: string; mimeType: string; content: Uint8Array }[];
}

const DIRECTORY = 1;
const DOCUMENT = 2;
const ROOT = 5;

const utf16 = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));

function fileTime(d: Date): Uint8Array {
  const ticks = (BigInt(d.getTime()) + 11_644_473_600_000n) * 10_000n;
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(ticks);
  return new Uint8Array(b);
}

/** The properties stream: a header (32 bytes top level, 8 in a sub-object), then 16 bytes per fixed property. */
function propertiesStream(header: number, fixed: { tag: number; value: Uint8Array }[], counts?: { recipients: number; attachments: number }): Uint8Array {
  const b = Buffer.alloc(header + fixed.length * 16);
  if (counts) {
    b.writeUInt32LE(counts.recipients, 8);
    b.writeUInt32LE(counts.attachments, 12);
    b.writeUInt32LE(counts.recipients, 16);
    b.writeUInt32LE(counts.attachments, 20);
  }
  fixed.forEach((p, i) => {
    const o = header + i * 16;
    b.writeUInt32LE(p.tag >>> 0, o);
    b.writeUInt32LE(0x6, o + 4); // readable, writable
    Buffer.from(p.value).copy(b, o + 8);
  });
  return new Uint8Array(b);
}

export function makeMsg(spec: MsgSpec): Uint8Array {
  const entries: Entry[] = [{ name: 'Root Entry', type: ROOT, length: 0, children: [] }];
  const doc = (parent: number, name: string, data: Uint8Array) => {
    entries.push({ name, type: DOCUMENT, length: data.length, binaryProvider: () => data });
    entries[parent]!.children!.push(entries.length - 1);
  };
  const dir = (parent: number, name: string) => {
    entries.push({ name, type: DIRECTORY, length: 0, children: [] });
    entries[parent]!.children!.push(entries.length - 1);
    return entries.length - 1;
  };
  const str = (parent: number, id: number, value: string) => doc(parent, `__substg1.0_${id.toString(16).toUpperCase().padStart(4, '0')}001F`, utf16(value));

  doc(0, '__properties_version1.0', propertiesStream(32, [{ tag: 0x00390040, value: fileTime(spec.sentAt) }], { recipients: spec.to.length, attachments: spec.attachments.length }));
  str(0, 0x001a, 'IPM.Note');
  str(0, 0x0037, spec.subject);
  str(0, 0x0c1a, spec.senderName);
  str(0, 0x5d01, spec.senderSmtp);
  str(0, 0x0c1f, spec.senderSmtp);
  str(0, 0x1000, spec.body);
  spec.to.forEach((address, i) => {
    const r = dir(0, `__recip_version1.0_#${i.toString(16).toUpperCase().padStart(8, '0')}`);
    doc(r, '__properties_version1.0', propertiesStream(8, [{ tag: 0x0c150003, value: new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0]) }]));
    str(r, 0x3001, address);
    str(r, 0x3003, address);
    str(r, 0x39fe, address);
  });
  spec.attachments.forEach((a, i) => {
    const d = dir(0, `__attach_version1.0_#${i.toString(16).toUpperCase().padStart(8, '0')}`);
    doc(d, '__properties_version1.0', propertiesStream(8, [{ tag: 0x37050003, value: new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0]) }]));
    str(d, 0x3707, a.fileName);
    str(d, 0x3704, a.fileName);
    str(d, 0x370e, a.mimeType);
    doc(d, '__substg1.0_37010102', a.content);
  });
  dir(0, '__nameid_version1.0');
  return burn(entries);
}
