/**
 * Command-line arguments of the headless sync command (`npm run sync -- ...`). Every mistake is
 * an ArgsError with a message a person can act on; the command exits 2 on it.
 */
import { parseArgs } from 'node:util';

export const USAGE =
  'usage: npm run sync -- --portal <url> (--webhook <url> | --token-file <file>) --groups <id,id> --db <file> [--enqueue <intents.json>] [--once] [--json] [--deadline <seconds>] [--board <groupId> [--settings <team-settings.json>]]';

export type Credentials = { kind: 'webhook'; webhookUrl: string } | { kind: 'token-file'; file: string };

export interface HeadlessArgs {
  portalUrl: string;
  credentials: Credentials;
  groupIds: string[];
  db: string;
  enqueueFile: string | null;
  once: boolean;
  json: boolean;
  board: string | null;
  /** A team settings file (stage roles, field mapping, thresholds, SLA) for the --board rules. */
  settingsFile: string | null;
  /** Overall deadline of one HTTP request in ms (--deadline seconds); null: the 60 s default. */
  deadlineMs: number | null;
}

export class ArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgsError';
  }
}

function httpUrl(value: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ArgsError(`${flag} must be an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ArgsError(`${flag} must be an http(s) URL, got "${value}"`);
  return url;
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new ArgsError(`${flag} is required`);
  return value;
}

export function parseHeadlessArgs(argv: readonly string[]): HeadlessArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        portal: { type: 'string' },
        webhook: { type: 'string' },
        'token-file': { type: 'string' },
        groups: { type: 'string' },
        db: { type: 'string' },
        enqueue: { type: 'string' },
        board: { type: 'string' },
        settings: { type: 'string' },
        deadline: { type: 'string' },
        once: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // parseArgs names the unknown or malformed option; keep its words.
    throw new ArgsError(error instanceof Error ? error.message : String(error));
  }

  const portal = httpUrl(required(values.portal, '--portal'), '--portal');
  if (values.webhook !== undefined && values['token-file'] !== undefined) throw new ArgsError('give either --webhook or --token-file, not both');
  let credentials: Credentials;
  if (values.webhook !== undefined) {
    const hook = httpUrl(values.webhook, '--webhook');
    // A webhook of another host would send this portal's edits elsewhere: refuse the mix-up.
    if (hook.origin !== portal.origin) throw new ArgsError(`--webhook (${hook.origin}) is not on the --portal (${portal.origin})`);
    if (!/\/rest\/\d+\/[^/]+\/?$/.test(hook.pathname)) throw new ArgsError('--webhook must look like <portal>/rest/<userId>/<secret>/');
    credentials = { kind: 'webhook', webhookUrl: hook.href };
  } else if (values['token-file'] !== undefined) {
    credentials = { kind: 'token-file', file: required(values['token-file'], '--token-file') };
  } else {
    throw new ArgsError('give --webhook <url> or --token-file <file>');
  }

  const groupIds = required(values.groups, '--groups')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const badGroup = groupIds.find((id) => !/^\d+$/.test(id));
  if (groupIds.length === 0 || badGroup !== undefined) throw new ArgsError(`--groups must be a comma-separated list of numeric group IDs${badGroup ? ` (got "${badGroup}")` : ''}`);

  const board = values.board ?? null;
  if (board !== null && !/^\d+$/.test(board)) throw new ArgsError(`--board must be a numeric group ID, got "${board}"`);
  if (board !== null && !groupIds.includes(board)) throw new ArgsError(`--board ${board} is not one of --groups`);
  if (values.settings !== undefined && board === null) throw new ArgsError('--settings is read only with --board');

  let deadlineMs: number | null = null;
  if (values.deadline !== undefined) {
    const seconds = Number(values.deadline);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new ArgsError(`--deadline must be a number of seconds between 0 and 3600, got "${values.deadline}"`);
    deadlineMs = Math.round(seconds * 1000);
  }

  return {
    portalUrl: portal.href.replace(/\/+$/, ''),
    credentials,
    groupIds: [...new Set(groupIds)],
    db: required(values.db, '--db'),
    enqueueFile: values.enqueue ?? null,
    once: values.once ?? false,
    json: values.json ?? false,
    board,
    settingsFile: values.settings ?? null,
    deadlineMs,
  };
}
