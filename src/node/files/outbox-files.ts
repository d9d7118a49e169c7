/**
 * Files of queued comments, kept in the data folder (`outbox-files/<ref>.bin`, with `<ref>.name`
 * once its upload was sent: the Disk name it went under) from the moment the
 * user attaches them until the comment is sent: a queued attachment survives a restart like the
 * rest of the outbox. Each write is flushed to disk before it is acknowledged.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutboxFiles } from '../../core/bitrix/comment-uploads';
import { writeFileAtomic } from './atomic-file';

const REF = /^[\w-]{8,64}$/;

export class OutboxFileStore implements OutboxFiles {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'outbox-files');
  }

  private fileOf(ref: string): string {
    if (!REF.test(ref)) throw new Error('not a staged file reference');
    return path.join(this.dir, `${ref}.bin`);
  }

  /** Appends bytes (a new file when `ref` is absent); returns the reference and the size so far. */
  append(bytes: Buffer, ref?: string): { fileRef: string; size: number } {
    mkdirSync(this.dir, { recursive: true });
    const fileRef = ref ?? randomBytes(12).toString('base64url');
    const file = this.fileOf(fileRef);
    if (ref !== undefined && !existsSync(file)) throw new Error('no such staged file');
    const fd = openSync(file, ref === undefined ? 'wx' : 'a');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return { fileRef, size: statSync(file).size };
  }

  size(ref: string): number | null {
    const file = this.fileOf(ref);
    return existsSync(file) ? statSync(file).size : null;
  }

  async read(ref: string): Promise<string | null> {
    if (!REF.test(ref)) return null;
    try {
      return (await readFile(this.fileOf(ref))).toString('base64');
    } catch {
      return null;
    }
  }

  /**
   * Deletes staged files no queued comment names any more (sent, discarded, or never queued),
   * once they are older than `minAgeMs`: a file just staged waits for its comment.
   */
  sweep(referenced: ReadonlySet<string>, now: number, minAgeMs: number): number {
    let removed = 0;
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      const ref = name.endsWith('.bin') ? name.slice(0, -4) : name.endsWith('.name') ? name.slice(0, -5) : null;
      if (!ref || !REF.test(ref) || referenced.has(ref)) continue;
      const file = path.join(this.dir, name);
      try {
        if (now - statSync(file).mtimeMs < minAgeMs) continue;
        rmSync(file);
        removed++;
      } catch {
        // A file that vanished or cannot be removed now is tried again at the next sweep.
      }
    }
    return removed;
  }

  /** `<ref>.name` beside the bytes: the Disk name the file's upload was sent under. */
  async uploadName(ref: string): Promise<string | null> {
    if (!REF.test(ref)) return null;
    try {
      return await readFile(path.join(this.dir, `${ref}.name`), 'utf8');
    } catch {
      return null;
    }
  }

  async noteUploadName(ref: string, name: string): Promise<void> {
    if (!REF.test(ref)) throw new Error('not a staged file reference');
    writeFileAtomic(path.join(this.dir, `${ref}.name`), name);
  }

  readSync(ref: string): Buffer | null {
    try {
      return readFileSync(this.fileOf(ref));
    } catch {
      return null;
    }
  }
}
