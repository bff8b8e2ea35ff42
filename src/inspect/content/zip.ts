// Just enough of PKWARE's APPNOTE.TXT to judge an archive attachment without unpacking it: the local file headers
// (§4.3.7) give each entry's name and its general purpose flag, whose bit 0 means "encrypted" (§4.4.4). Hand-written
// because no zip library reads headers only, and unpacking a stranger's archive on the hot path is what we must avoid.

export interface ZipEntry {
  name: string;
  encrypted: boolean;
}

const LOCAL_HEADER = 0x04034b50;
const MAX_ENTRIES = 1000;

/** Entries of a zip archive from its local headers; [] when the content is not a zip. */
export function zipEntries(content: Buffer): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let pos = 0;
  while (entries.length < MAX_ENTRIES && pos + 30 <= content.length && content.readUInt32LE(pos) === LOCAL_HEADER) {
    const flags = content.readUInt16LE(pos + 6);
    const compressedSize = content.readUInt32LE(pos + 18);
    const nameLength = content.readUInt16LE(pos + 26);
    const extraLength = content.readUInt16LE(pos + 28);
    const name = content.toString('utf8', pos + 30, Math.min(content.length, pos + 30 + nameLength));
    entries.push({ name, encrypted: (flags & 1) === 1 });
    // Bit 3: sizes follow the data in a descriptor, so the next header is found by searching for its signature.
    const dataStart = pos + 30 + nameLength + extraLength;
    const next = flags & 8 ? content.indexOf('PK\x03\x04', dataStart, 'latin1') : dataStart + compressedSize;
    if (next <= pos) break;
    pos = next;
  }
  return entries;
}
