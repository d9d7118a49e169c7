/** A chosen file goes to the host in pieces (a page message is small) and is saved in the data folder. */
import { MAX_FILE_BYTES } from '../../../core/domain/files';
import type { StagedFile } from '../../../shared/api';
import { pult } from '../../bridge';

/** 384 KiB of bytes is 512 KiB of base64, the most one call carries. */
const PIECE_BYTES = 384 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function tooLarge(file: { size: number }): boolean {
  return file.size > MAX_FILE_BYTES;
}

export async function stageBrowserFile(file: File): Promise<StagedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let staged = await pult.stageFile(file.name, toBase64(bytes.subarray(0, PIECE_BYTES)));
  for (let at = PIECE_BYTES; at < bytes.length; at += PIECE_BYTES) {
    staged = await pult.stageFile(file.name, toBase64(bytes.subarray(at, at + PIECE_BYTES)), staged.fileRef);
  }
  return staged;
}
