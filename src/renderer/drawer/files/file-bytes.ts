/**
 * A file's bytes come from the host (the portal link never reaches the page) as base64, become a
 * Blob, and are shown or saved through a blob: URL. Only raster image types keep their type; every
 * other file is an octet-stream blob, so nothing the portal serves can run in the page.
 */
import { isPreviewable, type TaskFile } from '../../../core/domain/files';
import { pult } from '../../bridge';

const blobs = new Map<string, Promise<Blob>>();

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function fileBlob(taskId: string, file: TaskFile): Promise<Blob> {
  const key = `${taskId}:${file.attachmentId}`;
  let blob = blobs.get(key);
  if (!blob) {
    blob = pult.readTaskFile(taskId, file.attachmentId).then((content) => new Blob([decode(content.base64)], { type: isPreviewable(content.type) ? content.type : 'application/octet-stream' }));
    blobs.set(key, blob);
    // A failure is not kept: the next click asks again.
    blob.catch(() => blobs.delete(key));
  }
  return blob;
}

/** Saves through a Blob link: the browser's download in browser mode, a save dialog in Electron. */
export async function saveFile(taskId: string, file: TaskFile): Promise<void> {
  const url = URL.createObjectURL(await fileBlob(taskId, file));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name.replace(/[\\/:*?"<>|]+/g, '_');
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Forgets the bytes of a closed card. */
export function forgetFiles(taskId: string): void {
  for (const key of [...blobs.keys()]) if (key.startsWith(`${taskId}:`)) blobs.delete(key);
}
