import type { FileOutput } from '../../../../shared/contract/io';

/**
 * Files cross the rpc boundary as base64 (the core never gets a path). A data: URL is the
 * browser's own fast encoder, so a 10 MB spreadsheet does not loop over bytes in JavaScript.
 */
export function readFileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('FILE_READ_FAILED'));
    reader.readAsDataURL(file);
  });
}

export function base64ToBlob(bytes: string, mimeType: string): Blob {
  const binary = atob(bytes);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return new Blob([out], { type: mimeType });
}

/** Offers the bytes as a download; the same works in Electron and in the web host (no file dialogs). */
export function downloadFile(file: Pick<FileOutput, 'bytes' | 'fileName' | 'mimeType'>): void {
  const url = URL.createObjectURL(base64ToBlob(file.bytes, file.mimeType));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the blob only after click() returned.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** 'leden.csv' → 'leden-afgewezen.csv'. */
export function withSuffix(fileName: string, suffix: string, ext: string): string {
  const base = fileName.replace(/\.[^.]+$/, '');
  return `${base}-${suffix}.${ext}`;
}
