import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { changeKey, isEncryptedFile } from '../db/database-key';
import { createPrivateFile } from '../storage/private-files';
import { removeTemp, tempNameFor } from '../storage/temp-files';
import { listBackups } from './backup-files';

/*
 * After "Versleutelen" the backups made before it are still plain SQLite files: anyone with
 * the folder (a USB stick) could read the members. They are re-encrypted in place with the
 * administration's new key, so the history of backups stays restorable, and the plain bytes
 * of each are overwritten before the old file goes (see docs/encryption.md for what a file
 * system or SSD may still keep).
 */

/** Overwrites a file's bytes with zeros and flushes them: the plain copy does not stay readable in its old blocks. */
function overwrite(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const size = fs.fstatSync(fd).size;
    const zeros = Buffer.alloc(Math.min(size, 1 << 20));
    for (let at = 0; at < size; at += zeros.length) fs.writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

async function gunzipTo(from: string, to: string): Promise<void> {
  createPrivateFile(to);
  await pipeline(fs.createReadStream(from), zlib.createGunzip(), fs.createWriteStream(to, { flags: 'r+' }));
}

async function gzipTo(from: string, to: string): Promise<void> {
  createPrivateFile(to);
  await pipeline(fs.createReadStream(from), zlib.createGzip({ level: 3 }), fs.createWriteStream(to, { flags: 'r+' }));
}

/** Re-encrypts one plain backup with `password` under its own name; false when it already was encrypted. */
async function encryptBackup(file: string, compressed: boolean, password: string): Promise<boolean> {
  const raw = tempNameFor(compressed ? file.replace(/\.gz$/, '') : `${file}.plain`);
  const packed = tempNameFor(file);
  try {
    removeTemp(raw);
    removeTemp(packed);
    if (compressed) await gunzipTo(file, raw);
    else {
      createPrivateFile(raw);
      fs.copyFileSync(file, raw);
    }
    if (isEncryptedFile(raw)) return false;
    // changeKey proves the result opens with the key and is whole (quick_check).
    changeKey(raw, null, password);
    const result = compressed ? packed : raw;
    if (compressed) await gzipTo(raw, packed);
    overwrite(file);
    fs.renameSync(result, file);
    return true;
  } finally {
    if (fs.existsSync(raw)) overwrite(raw);
    removeTemp(raw);
    removeTemp(packed);
  }
}

/** Every backup of `administration` in `folder` that is still plain, encrypted with `password`. Returns their names. */
export async function encryptPlainBackups(administration: string, folder: string, password: string): Promise<string[]> {
  const done: string[] = [];
  for (const b of listBackups(administration, folder)) {
    if (await encryptBackup(b.file, b.compressed, password)) done.push(b.name);
  }
  return done;
}
