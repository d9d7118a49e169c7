/**
 * Secrets never on disk outside the keychain: after a run, every file under the data folder (its
 * logs folder included) is read as bytes — SQLite files, WAL, JSON, logs — and searched for each
 * token and secret the emulator handed out (its opt-in GET /_emulator/tokens), as is, URL-encoded
 * and base64-encoded at every byte alignment.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';

export interface IssuedSecrets {
  accessTokens: string[];
  refreshTokens: string[];
  clientSecret: string;
  webhookSecret: string;
}

/** The emulator's list; it runs with `--tokens-route`. Its HTTPS certificate may come from a test CA. */
export async function issuedSecrets(portalUrl: string): Promise<IssuedSecrets> {
  const url = `${portalUrl}/_emulator/tokens`;
  const text = url.startsWith('https:')
    ? await new Promise<string>((resolve, reject) => {
        // The loopback emulator of this very test; its chain is checked by the app, not here.
        https.get(url, { rejectUnauthorized: false }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`${url}: ${res.statusCode}`))));
        }).on('error', reject);
      })
    : await fetch(url).then(async (res) => {
        if (!res.ok) throw new Error(`${url}: ${res.status} (is the emulator started with --tokens-route?)`);
        return res.text();
      });
  return JSON.parse(text) as IssuedSecrets;
}

/** The secret's base64 at byte offsets 0–2 of a longer text, without the groups it shares with its neighbours. */
function base64Forms(secret: string): string[] {
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const bytes = Buffer.concat([Buffer.alloc(offset), Buffer.from(secret)]);
    const whole = bytes.subarray(0, Math.floor(bytes.length / 3) * 3).toString('base64');
    const inner = offset === 0 ? whole : whole.slice(4);
    forms.push(inner, inner.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

export function secretForms(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), ...base64Forms(secret)])].filter((form) => form.length >= 8);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return []; // removed while read (a WAL checkpoint)
    return stat.isDirectory() ? filesUnder(file) : stat.isFile() ? [file] : [];
  });
}

/** Which files hold which secret (by kind, never the secret itself in a failure message). */
export function secretsOnDisk(dirs: string[], secrets: IssuedSecrets): string[] {
  const needles: { kind: string; form: Buffer }[] = [];
  const add = (kind: string, secret: string) => secretForms(secret).forEach((form) => needles.push({ kind, form: Buffer.from(form) }));
  secrets.accessTokens.forEach((token, i) => add(`access token #${i + 1}`, token));
  secrets.refreshTokens.forEach((token, i) => add(`refresh token #${i + 1}`, token));
  add('client secret', secrets.clientSecret);
  add('webhook secret', secrets.webhookSecret);
  const found = new Set<string>();
  for (const file of dirs.flatMap(filesUnder)) {
    const bytes = readFileSync(file);
    for (const needle of needles) if (bytes.includes(needle.form)) found.add(`${file}: ${needle.kind}`);
  }
  return [...found].sort();
}

/** Call at the end of a run, while the emulator still answers. */
export async function expectNoSecretsOnDisk(portalUrl: string, dirs: string[]): Promise<void> {
  const found = secretsOnDisk(dirs, await issuedSecrets(portalUrl));
  if (found.length > 0) throw new Error(`secrets on disk outside the keychain:\n${found.join('\n')}`);
}
