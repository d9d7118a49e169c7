import { describe, expect, it } from 'vitest';
import { readDictionariesSource } from '../../../src/main/menus/spellcheck-dictionaries';

const from = (policy: string | null, env: NodeJS.ProcessEnv = {}) => readDictionariesSource({ platform: 'linux', env, readFile: () => policy });

describe('where the spelling dictionaries come from', () => {
  it('the policy file wins, then the variable; the base ends with a slash', () => {
    expect(from('{"spellcheck":{"dictionariesUrl":"https://updates.corp.local/pult/dictionaries"}}', { PULT_SPELLCHECK_DICTIONARIES_URL: 'https://other/' })).toEqual({
      kind: 'set',
      url: 'https://updates.corp.local/pult/dictionaries/',
      from: '/etc/pult/policy.json',
    });
    expect(from('{"updates":{"url":"https://u/"}}', { PULT_SPELLCHECK_DICTIONARIES_URL: 'https://dict.corp.local/' })).toMatchObject({ kind: 'set', url: 'https://dict.corp.local/' });
    expect(from(null)).toEqual({ kind: 'default' });
  });

  it('a bad value is said, never thrown, and Chromium keeps its default', () => {
    expect(from('{"spellcheck":{"dictionariesUrl":42}}')).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/must be a string/) });
    expect(from('{not json')).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/cannot read the policy file/) });
    expect(from(null, { PULT_SPELLCHECK_DICTIONARIES_URL: '\\\\fileserver\\share' })).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/file share/) });
    expect(from(null, { PULT_SPELLCHECK_DICTIONARIES_URL: 'http://dict.corp.local/' })).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/plain http/) });
  });
});
