// The files a message carries, as the attachment rules see them: each attachment by name, and the entries of zip
// archives one level down (an executable inside a zip is still an executable once the reader double-clicks it).
import type { ContentMessage } from './message.js';
import { zipEntries } from './zip.js';

export interface CarriedFile {
  name: string;
  /** Zip archive it sits in, '' for a top-level attachment. */
  archive: string;
  /** Content when known (top-level attachments), else an empty buffer. */
  content: Buffer;
  encrypted: boolean;
}

export function carriedFiles(msg: ContentMessage): CarriedFile[] {
  const out: CarriedFile[] = [];
  for (const a of msg.attachments) {
    out.push({ name: a.filename, archive: '', content: a.content, encrypted: false });
    for (const e of zipEntries(a.content)) {
      out.push({ name: e.name, archive: a.filename || 'archive', content: Buffer.alloc(0), encrypted: e.encrypted });
    }
  }
  return out;
}

export function describe(file: CarriedFile): string {
  return file.archive ? `${file.name} in ${file.archive}` : file.name || '(unnamed)';
}
