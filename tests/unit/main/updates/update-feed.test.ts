import { describe, expect, it } from 'vitest';
import { feedUrlProblem, policyFilePath, readUpdateFeed } from '../../../../src/main/updates/update-feed';
import { updateAvailability, type InstallFacts } from '../../../../src/main/updates/update-availability';

const files = (entries: Record<string, string>) => (file: string) => entries[file] ?? null;

describe('where the update address comes from', () => {
  it('a policy file in a system location on each OS', () => {
    expect(policyFilePath('linux', {})).toBe('/etc/pult/policy.json');
    expect(policyFilePath('darwin', {})).toBe('/Library/Application Support/Pult/policy.json');
    expect(policyFilePath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Pult\\policy.json');
  });

  it('the policy file wins over the environment variable', () => {
    const readFile = files({ '/etc/pult/policy.json': '{ "updates": { "url": "https://updates.corp.local/pult/" } }' });
    expect(readUpdateFeed({ platform: 'linux', env: { PULT_UPDATE_URL: 'https://other.local/' }, readFile })).toEqual({
      kind: 'set',
      url: 'https://updates.corp.local/pult/',
      from: '/etc/pult/policy.json',
    });
  });

  it('PULT_UPDATE_URL when no policy file sets an address; nothing set means none', () => {
    expect(readUpdateFeed({ platform: 'linux', env: { PULT_UPDATE_URL: ' https://u.corp/ ' }, readFile: files({}) })).toEqual({ kind: 'set', url: 'https://u.corp/', from: 'PULT_UPDATE_URL' });
    expect(readUpdateFeed({ platform: 'linux', env: {}, readFile: files({ '/etc/pult/policy.json': '{}' }) })).toEqual({ kind: 'none' });
    expect(readUpdateFeed({ platform: 'linux', env: { PULT_UPDATE_URL: '  ' }, readFile: files({}) })).toEqual({ kind: 'none' });
  });

  it('a broken policy file is reported with its path, never thrown, and does not fall back to the variable', () => {
    const broken = readUpdateFeed({ platform: 'linux', env: { PULT_UPDATE_URL: 'https://u.corp/' }, readFile: files({ '/etc/pult/policy.json': '{ updates: ' }) });
    expect(broken).toMatchObject({ kind: 'invalid', from: '/etc/pult/policy.json', reason: expect.stringMatching(/not valid JSON/) });
    const wrongType = readUpdateFeed({ platform: 'linux', env: {}, readFile: files({ '/etc/pult/policy.json': '{ "updates": { "url": 5 } }' }) });
    expect(wrongType).toMatchObject({ kind: 'invalid', reason: '"updates.url" must be a string' });
    const unreadable = readUpdateFeed({
      platform: 'linux',
      env: {},
      readFile: () => {
        throw new Error('EACCES: permission denied');
      },
    });
    expect(unreadable).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/cannot read the policy file: EACCES/) });
  });

  it('http:// only for loopback or when the admin allows it explicitly', () => {
    expect(feedUrlProblem('http://updates.corp.local/pult/', false)).toMatch(/plain http:\/\/: use https:\/\//);
    expect(feedUrlProblem('http://updates.corp.local/pult/', true)).toBeNull();
    expect(feedUrlProblem('http://127.0.0.1:8080/', false)).toBeNull();
    expect(feedUrlProblem('http://localhost:8080/', false)).toBeNull();
    expect(feedUrlProblem('http://[::1]:8080/', false)).toBeNull();
    const policy = files({ 'C:\\ProgramData\\Pult\\policy.json': '{ "updates": { "url": "http://srv/pult/", "allowHttp": true } }' });
    expect(readUpdateFeed({ platform: 'win32', env: {}, readFile: policy })).toMatchObject({ kind: 'set', url: 'http://srv/pult/' });
    expect(readUpdateFeed({ platform: 'linux', env: { PULT_UPDATE_URL: 'http://srv/', PULT_UPDATE_ALLOW_HTTP: '1' }, readFile: files({}) })).toMatchObject({ kind: 'set' });
  });

  it('a file share, a non-web scheme, a non-address or credentials get a message that says what to do', () => {
    expect(feedUrlProblem('\\\\fileserver\\soft\\pult', false)).toMatch(/file share.*internal web server/);
    expect(feedUrlProblem('file:///mnt/share/pult', false)).toMatch(/file share.*internal web server/);
    expect(feedUrlProblem('ftp://srv/pult', false)).toMatch(/uses ftp:/);
    expect(feedUrlProblem('updates.corp.local', false)).toMatch(/not a web address/);
    expect(feedUrlProblem('https://admin:secret@srv/pult/', false)).toMatch(/user name or password/);
    expect(feedUrlProblem('https://updates.corp.local/pult/', false)).toBeNull();
  });
});

describe('whether this install updates itself', () => {
  const packaged: InstallFacts = { isPackaged: true, platform: 'win32', appImage: undefined, packageType: null };
  const feed = { kind: 'set' as const, url: 'https://u.corp/', from: 'PULT_UPDATE_URL' };

  it('on with an address in a packaged Windows, macOS or AppImage build', () => {
    expect(updateAvailability(packaged, feed)).toEqual({ on: true, url: 'https://u.corp/' });
    expect(updateAvailability({ ...packaged, platform: 'darwin' }, feed)).toEqual({ on: true, url: 'https://u.corp/' });
    expect(updateAvailability({ ...packaged, platform: 'linux', appImage: '/home/u/Pult.AppImage' }, feed)).toEqual({ on: true, url: 'https://u.corp/' });
  });

  it('off in a development build, whatever the address', () => {
    expect(updateAvailability({ ...packaged, isPackaged: false }, feed)).toEqual({ on: false, reason: 'development' });
  });

  it('off without an address, or with an invalid one (with the reason)', () => {
    expect(updateAvailability(packaged, { kind: 'none' })).toEqual({ on: false, reason: 'no-address' });
    expect(updateAvailability(packaged, { kind: 'invalid', from: 'PULT_UPDATE_URL', reason: 'bad' })).toEqual({ on: false, reason: 'invalid-address', detail: 'PULT_UPDATE_URL: bad' });
  });

  it('Linux: a .deb install is left to the package manager; other non-AppImage runs are off', () => {
    expect(updateAvailability({ ...packaged, platform: 'linux', packageType: 'deb' }, feed)).toEqual({ on: false, reason: 'package-manager', detail: 'installed from a deb package' });
    expect(updateAvailability({ ...packaged, platform: 'linux' }, feed)).toEqual({ on: false, reason: 'not-appimage' });
  });
});
