/** The e2e secret scan finds a token however it was written: raw, URL-encoded, base64 at any alignment, inside binary. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { secretsOnDisk, type IssuedSecrets } from '../../e2e/support/secret-scan';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const secrets: IssuedSecrets = {
  accessTokens: ['0123456789abcdef0123456789abcdef01234567'],
  refreshTokens: ['fedcba9876543210fedcba9876543210fedcba98'],
  clientSecret: 'Zx9+/Qw_-secret-of-the-app-Zx9Qw',
  webhookSecret: 'abcd1234efgh5678',
};

function dataFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pult-scan-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'logs'));
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ portal: 'https://portal.example.ru' }));
  return dir;
}

describe('secretsOnDisk', () => {
  it('finds nothing in a clean folder', () => {
    expect(secretsOnDisk([dataFolder()], secrets)).toEqual([]);
  });

  it.each([0, 1, 2])('finds each secret raw, URL-encoded and base64 (offset %i) among binary bytes in nested folders', (offset) => {
    const dir = dataFolder();
    const binary = (text: string) => Buffer.concat([Buffer.from([0, 0xff, 0x13]), Buffer.from(text), Buffer.from([0, 1])]);
    writeFileSync(path.join(dir, 'store.db-wal'), binary(`x${secrets.accessTokens[0]}y`));
    writeFileSync(path.join(dir, 'logs', 'pult-2026-05-03.log'), `{"url":"/?secret=${encodeURIComponent(secrets.clientSecret)}"}\n`);
    const encoded = Buffer.from(`${'a'.repeat(offset)}token=${secrets.refreshTokens[0]}&more`).toString('base64');
    writeFileSync(path.join(dir, 'logs', 'blob.json'), JSON.stringify({ data: encoded }));
    writeFileSync(path.join(dir, 'store.db'), binary(Buffer.from(`/rest/1/${secrets.webhookSecret}/`).toString('base64url')));
    expect(secretsOnDisk([dir], secrets)).toEqual([
      `${path.join(dir, 'logs', 'blob.json')}: refresh token #1`,
      `${path.join(dir, 'logs', 'pult-2026-05-03.log')}: client secret`,
      `${path.join(dir, 'store.db-wal')}: access token #1`,
      `${path.join(dir, 'store.db')}: webhook secret`,
    ]);
  });
});
