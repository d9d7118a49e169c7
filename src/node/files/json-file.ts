/**
 * The small JSON files Pult keeps in its data folder (settings, window state, desktop preferences,
 * alert memory): replaced atomically, validated on read, a broken one never fatal.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-file';

export type JsonText = { kind: 'missing' } | { kind: 'unreadable'; reason: string } | { kind: 'ok'; value: unknown };

/** What is in the file: nothing yet, something that cannot be read as JSON, or a JSON value. */
export function readJsonText(file: string): JsonText {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: code ?? (error as Error).message };
  }
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'unreadable', reason: `not valid JSON: ${(error as Error).message}` };
  }
}

export type JsonRead<T> = { value: T; problem: string | null };

/** Reads and validates; a missing file is no problem, a broken one is reported and ignored. */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>, empty: () => T): JsonRead<T> {
  const read = readJsonText(file);
  if (read.kind === 'missing') return { value: empty(), problem: null };
  if (read.kind === 'unreadable') return { value: empty(), problem: `${file} cannot be read (${read.reason}); starting empty` };
  const parsed = schema.safeParse(read.value);
  if (parsed.success) return { value: parsed.data, problem: null };
  return { value: empty(), problem: `${file} does not have the expected shape; starting empty` };
}

export function writeJsonFileAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
