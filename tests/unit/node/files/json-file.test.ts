import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { renameWithRetry, writeFileAtomic } from '../../../../src/node/files/atomic-file';
import { readJsonFile, readJsonText, writeJsonFileAtomic } from '../../../../src/node/files/json-file';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pult-json-file-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const schema = z.object({ count: z.number() });

describe('small JSON files', () => {
  it('writes a file whole, into a folder it creates, readable only by its owner, with no temp file left', () => {
    const file = path.join(dir, 'nested', 'state.json');
    writeJsonFileAtomic(file, { count: 3 });
    expect(readJsonFile(file, schema, () => ({ count: 0 }))).toEqual({ value: { count: 3 }, problem: null });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['state.json']);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a write that fails leaves the previous file as it was and no temp file', () => {
    const file = path.join(dir, 'state.json');
    writeJsonFileAtomic(file, { count: 1 });
    // A non-empty folder where the rename would land: the rename fails after the temp file was written.
    const blocked = path.join(dir, 'blocked');
    fs.mkdirSync(path.join(blocked, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(blocked, '{}')).toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual(['blocked', 'state.json']);
    expect(readJsonFile(file, schema, () => ({ count: 0 })).value).toEqual({ count: 1 });
  });

  it('keeps the mode it is asked for (a certificate others may read)', () => {
    if (process.platform === 'win32') return;
    const file = path.join(dir, 'trusted.pem');
    writeFileAtomic(file, 'PEM', { mode: 0o644 });
    expect(fs.statSync(file).mode & 0o777).toBe(0o644 & ~process.umask());
  });

  it('tells a missing file from one that is not JSON, and reads a JSON value', () => {
    expect(readJsonText(path.join(dir, 'none.json'))).toEqual({ kind: 'missing' });
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ broken');
    expect(readJsonText(path.join(dir, 'broken.json'))).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/^not valid JSON/) });
    fs.writeFileSync(path.join(dir, 'ok.json'), '[1,2]');
    expect(readJsonText(path.join(dir, 'ok.json'))).toEqual({ kind: 'ok', value: [1, 2] });
  });

  it('a broken or misshapen file reads as empty and says so; a missing one is no problem', () => {
    const empty = () => ({ count: 0 });
    expect(readJsonFile(path.join(dir, 'none.json'), schema, empty)).toEqual({ value: { count: 0 }, problem: null });
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ broken');
    expect(readJsonFile(path.join(dir, 'broken.json'), schema, empty).problem).toMatch(/cannot be read \(not valid JSON.*starting empty/);
    fs.writeFileSync(path.join(dir, 'shape.json'), '{"count":"three"}');
    expect(readJsonFile(path.join(dir, 'shape.json'), schema, empty)).toEqual({ value: { count: 0 }, problem: expect.stringMatching(/expected shape/) });
  });
});

describe('rename with retry (Windows holds a file open for a moment)', () => {
  const failing = (codes: string[]) => {
    const calls: string[] = [];
    const rename = () => {
      const code = codes.shift();
      calls.push(code ?? 'ok');
      if (code) throw Object.assign(new Error(code), { code });
    };
    return { rename, calls };
  };

  it('retries a transient refusal, waiting longer each time, then succeeds', () => {
    const { rename, calls } = failing(['EPERM', 'EBUSY', 'EACCES']);
    const waits: number[] = [];
    renameWithRetry('a', 'b', rename, (ms) => waits.push(ms));
    expect(calls).toEqual(['EPERM', 'EBUSY', 'EACCES', 'ok']);
    expect(waits).toEqual([10, 30, 100]);
  });

  it('gives up after a few tries, and does not retry other errors', () => {
    expect(() => renameWithRetry('a', 'b', failing(['EPERM', 'EPERM', 'EPERM', 'EPERM', 'EPERM', 'EPERM']).rename, () => undefined)).toThrow('EPERM');
    const other = failing(['ENOSPC', 'EPERM']);
    expect(() => renameWithRetry('a', 'b', other.rename, () => undefined)).toThrow('ENOSPC');
    expect(other.calls).toEqual(['ENOSPC']);
  });
});
