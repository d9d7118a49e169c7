/**
 * Where the update address comes from: a value the admin sets, never a user toggle. A policy file
 * in a system location (writable by administrators only) wins; else the PULT_UPDATE_URL variable
 * (set machine-wide, e.g. by group policy or /etc/environment). Pure: the file read is passed in.
 */

export const UPDATE_URL_ENV = 'PULT_UPDATE_URL';
/** `1` lets PULT_UPDATE_URL be plain http:// (the policy file's `allowHttp` does the same). */
export const UPDATE_ALLOW_HTTP_ENV = 'PULT_UPDATE_ALLOW_HTTP';

export type UpdateFeed =
  | { kind: 'none' }
  | { kind: 'set'; url: string; from: string }
  | { kind: 'invalid'; from: string; reason: string };

/** The system-wide policy file: outside the per-user install folder, which the user (and an update) can rewrite. */
export function policyFilePath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') return `${env.ProgramData ?? 'C:\\ProgramData'}\\Pult\\policy.json`;
  if (platform === 'darwin') return '/Library/Application Support/Pult/policy.json';
  return '/etc/pult/policy.json';
}

export interface FeedSources {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The file's text, or null when it does not exist. Other read errors throw. */
  readFile(file: string): string | null;
}

export function readUpdateFeed({ platform, env, readFile }: FeedSources): UpdateFeed {
  const file = policyFilePath(platform, env);
  let text: string | null;
  try {
    text = readFile(file);
  } catch (error) {
    return { kind: 'invalid', from: file, reason: `cannot read the policy file: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (text !== null) {
    const policy = readPolicy(text);
    if (typeof policy === 'string') return { kind: 'invalid', from: file, reason: policy };
    if (policy.url !== undefined) return checked(policy.url, policy.allowHttp, file);
  }
  const fromEnv = env[UPDATE_URL_ENV]?.trim();
  if (fromEnv) return checked(fromEnv, env[UPDATE_ALLOW_HTTP_ENV] === '1', UPDATE_URL_ENV);
  return { kind: 'none' };
}

/** `{ "updates": { "url": "https://…", "allowHttp": false } }`; a string is what is wrong with it. */
function readPolicy(text: string): { url?: string; allowHttp: boolean } | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `the policy file is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (!isRecord(json)) return 'the policy file must hold a JSON object';
  const updates = json.updates;
  if (updates === undefined) return { allowHttp: false };
  if (!isRecord(updates)) return '"updates" must be an object like { "url": "https://…" }';
  if (updates.url !== undefined && typeof updates.url !== 'string') return '"updates.url" must be a string';
  if (updates.allowHttp !== undefined && typeof updates.allowHttp !== 'boolean') return '"updates.allowHttp" must be true or false';
  const url = typeof updates.url === 'string' && updates.url.trim() ? updates.url.trim() : undefined;
  return { ...(url ? { url } : {}), allowHttp: updates.allowHttp === true };
}

function checked(raw: string, allowHttp: boolean, from: string): UpdateFeed {
  const problem = feedUrlProblem(raw, allowHttp);
  return problem ? { kind: 'invalid', from, reason: problem } : { kind: 'set', url: raw, from };
}

/**
 * What is wrong with an update address, or null. electron-updater's generic provider fetches
 * latest*.yml and the installers over HTTP(S) only, so a file share must be served by a web server.
 * Plain http:// is refused unless loopback or explicitly allowed: the installer's checksum sits in
 * latest*.yml, so whoever can alter the traffic can swap both.
 */
export function feedUrlProblem(raw: string, allowHttp: boolean): string | null {
  if (/^\\\\|^[a-z]:[\\/]/i.test(raw) || /^(file|smb):/i.test(raw)) {
    return `"${raw}" is a file path or file share: the updater downloads over https:// only, so serve the folder through an internal web server`;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not a web address (expected https://host/path/)`;
  }
  if (url.username || url.password) return 'the address must not hold a user name or password (it would be written to logs)';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') {
    if (allowHttp || isLoopback(url.hostname)) return null;
    return `"${raw}" is plain http://: use https://, or allow http explicitly ("allowHttp": true in the policy file, or ${UPDATE_ALLOW_HTTP_ENV}=1)`;
  }
  return `"${raw}" uses ${url.protocol}//: the updater downloads over https:// (or http://) only`;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
