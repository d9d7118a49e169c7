/**
 * `[DISK FILE ID=…]` in portal text: an inline reference to an attached file. `n123` names a Disk
 * file (as written before the comment is saved), a bare number an attached object.
 */
export type DiskFilePart = { kind: 'text'; text: string } | { kind: 'file'; id: string; source: string };

const TAG = /\[DISK\s+FILE\s+ID\s*=\s*"?(n?\d{1,18})"?\s*\]/gi;

export function splitDiskFileTags(text: string): DiskFilePart[] {
  const parts: DiskFilePart[] = [];
  let last = 0;
  for (const match of text.matchAll(TAG)) {
    const at = match.index;
    if (at > last) parts.push({ kind: 'text', text: text.slice(last, at) });
    parts.push({ kind: 'file', id: (match[1] ?? '').toLowerCase(), source: match[0] });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** Whether a tag's ID names this file (an `n` ID is the Disk file, a bare one the attachment). */
export function diskIdMatches(id: string, file: { attachmentId: string; objectId: string }): boolean {
  return id.startsWith('n') ? file.objectId === id.slice(1) : file.attachmentId === id;
}
