import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OutboxFileStore } from '../../../../src/node/files/outbox-files';

describe('staged comment files', () => {
  it('appends pieces durably and reads them back as base64', async () => {
    const store = new OutboxFileStore(mkdtempSync(path.join(os.tmpdir(), 'pult-staged-')));
    const first = store.append(Buffer.from('abc'));
    expect(store.append(Buffer.from('def'), first.fileRef)).toEqual({ fileRef: first.fileRef, size: 6 });
    expect(Buffer.from((await store.read(first.fileRef))!, 'base64').toString()).toBe('abcdef');
    expect(await store.read('../../etc/passwd')).toBeNull();
    expect(() => store.append(Buffer.from('x'), 'missing-reference')).toThrow('no such staged file');
  });

  it('sweeps only files no queued comment names, and only once they are old enough', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-staged-'));
    const store = new OutboxFileStore(dir);
    const kept = store.append(Buffer.from('queued'));
    const sent = store.append(Buffer.from('sent'));
    const fresh = store.append(Buffer.from('just chosen'));
    const now = Date.now();
    const old = (now - 2 * 3600_000) / 1000;
    for (const ref of [kept.fileRef, sent.fileRef]) utimesSync(path.join(dir, 'outbox-files', `${ref}.bin`), old, old);
    expect(store.sweep(new Set([kept.fileRef]), now, 3600_000)).toBe(1);
    expect(readdirSync(path.join(dir, 'outbox-files')).sort()).toEqual([`${kept.fileRef}.bin`, `${fresh.fileRef}.bin`].sort());
  });

  it('keeps the Disk name an upload went under beside the bytes, and sweeps it with them', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-staged-'));
    const store = new OutboxFileStore(dir);
    const kept = store.append(Buffer.from('queued'));
    const sent = store.append(Buffer.from('sent'));
    expect(await store.uploadName(kept.fileRef)).toBeNull();
    await store.noteUploadName(kept.fileRef, 'Отчёт (1).txt');
    await store.noteUploadName(sent.fileRef, 'акт.pdf');
    expect(await new OutboxFileStore(dir).uploadName(kept.fileRef)).toBe('Отчёт (1).txt');
    await expect(store.noteUploadName('../escape', 'x')).rejects.toThrow();
    expect(await store.uploadName('../escape')).toBeNull();
    const old = (Date.now() - 2 * 3600_000) / 1000;
    for (const name of readdirSync(path.join(dir, 'outbox-files'))) utimesSync(path.join(dir, 'outbox-files', name), old, old);
    expect(store.sweep(new Set([kept.fileRef]), Date.now(), 3600_000)).toBe(2);
    expect(readdirSync(path.join(dir, 'outbox-files')).sort()).toEqual([`${kept.fileRef}.bin`, `${kept.fileRef}.name`]);
  });
});
