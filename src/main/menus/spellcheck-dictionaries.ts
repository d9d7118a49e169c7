/**
 * Where Chromium fetches its Hunspell dictionaries (Windows and Linux; macOS uses the system's
 * checker). By default that is Google's CDN, which a workstation in a closed network cannot
 * reach: spelling then silently does nothing. The admin can host the `hunspell_dictionaries.zip`
 * that Electron publishes with each release (unpacked) on the same internal web server as the
 * updates, and name it in the policy file (`{"spellcheck":{"dictionariesUrl":"https://…/"}}`)
 * or in PULT_SPELLCHECK_DICTIONARIES_URL. Pure: the file read is passed in.
 */
import { feedUrlProblem, policyFilePath, type FeedSources } from '../updates/update-feed';

export const DICTIONARIES_URL_ENV = 'PULT_SPELLCHECK_DICTIONARIES_URL';

export type DictionariesSource = { kind: 'default' } | { kind: 'set'; url: string; from: string } | { kind: 'invalid'; from: string; reason: string };

export function readDictionariesSource({ platform, env, readFile }: FeedSources): DictionariesSource {
  const file = policyFilePath(platform, env);
  let raw: unknown;
  try {
    const text = readFile(file);
    raw = text === null ? undefined : (JSON.parse(text) as { spellcheck?: { dictionariesUrl?: unknown } } | null)?.spellcheck?.dictionariesUrl;
  } catch (error) {
    return { kind: 'invalid', from: file, reason: `cannot read the policy file: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (raw !== undefined && typeof raw !== 'string') return { kind: 'invalid', from: file, reason: '"spellcheck.dictionariesUrl" must be a string' };
  const [url, from] = typeof raw === 'string' && raw.trim() ? [raw.trim(), file] : [env[DICTIONARIES_URL_ENV]?.trim() ?? '', DICTIONARIES_URL_ENV];
  if (!url) return { kind: 'default' };
  const problem = feedUrlProblem(url, false);
  if (problem) return { kind: 'invalid', from, reason: problem };
  // Chromium appends the file name to the base: without the slash the last segment is lost.
  return { kind: 'set', url: url.endsWith('/') ? url : `${url}/`, from };
}
