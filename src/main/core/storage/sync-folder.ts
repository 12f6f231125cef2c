import fs from 'node:fs';
import path from 'node:path';

/**
 * Where SQLite files get damaged: a folder a sync client copies while the file is written
 * (OneDrive, Dropbox, iCloud Drive, Google Drive) or a network share (SQLite's locks do not
 * hold there). Recognised by the path the clients use and, on Linux, by the mount's type.
 */
export type StorageWarning = { kind: 'cloud'; service: string } | { kind: 'network' };

const CLOUD: [RegExp, string][] = [
  [/(^|[\\/])OneDrive( - [^\\/]+)?([\\/]|$)/i, 'OneDrive'],
  [/(^|[\\/])Dropbox( \([^\\/]+\))?([\\/]|$)/i, 'Dropbox'],
  [/(^|[\\/])(iCloud ?Drive|iCloudDrive|Mobile Documents|com~apple~CloudDocs)([\\/]|$)/i, 'iCloud Drive'],
  [/(^|[\\/])(Google ?Drive|GoogleDrive|My Drive|Mijn Drive|CloudStorage[\\/]GoogleDrive[^\\/]*)([\\/]|$)/i, 'Google Drive'],
];

const NETWORK_FS = /^(nfs4?|cifs|smb3?|smbfs|fuse\.sshfs|sshfs|afpfs|webdav|davfs|9p|fuse\.rclone)$/;

/** The mount a path lies on, from /proc/mounts (Linux only; null elsewhere). */
function linuxMountType(file: string, mounts: string | null): string | null {
  if (mounts === null) return null;
  const abs = path.resolve(file);
  let best: { at: string; type: string } | null = null;
  for (const line of mounts.split('\n')) {
    const [, at, type] = line.split(' ');
    if (!at || !type) continue;
    const mountPoint = at.replace(/\\040/g, ' ');
    const inside = abs === mountPoint || abs.startsWith(mountPoint.endsWith('/') ? mountPoint : `${mountPoint}/`);
    if (inside && (!best || mountPoint.length > best.at.length)) best = { at: mountPoint, type };
  }
  return best?.type ?? null;
}

function readMounts(): string | null {
  if (process.platform !== 'linux') return null;
  try {
    return fs.readFileSync('/proc/mounts', 'utf8');
  } catch {
    return null;
  }
}

export function storageWarning(file: string, mounts: string | null = readMounts()): StorageWarning | null {
  const abs = path.resolve(file);
  for (const [re, service] of CLOUD) if (re.test(abs)) return { kind: 'cloud', service };
  // A Windows share (\\server\share\…) or a share mounted under /Volumes on macOS is named by its path.
  if (/^(\\\\|\/\/)[^\\/]+[\\/]/.test(file)) return { kind: 'network' };
  const type = linuxMountType(abs, mounts);
  if (type && NETWORK_FS.test(type)) return { kind: 'network' };
  return null;
}
