/** Small JSON state files in the data dir: atomic replace, and a broken file reads as absent. */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';

export type JsonRead<T> = { value: T; problem: string | null };

/** Reads and validates; a missing file is no problem, a corrupt one is reported and ignored. */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>, empty: () => T): JsonRead<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { value: empty(), problem: null };
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return { value: parsed.data, problem: null };
    return { value: empty(), problem: `${file} does not have the expected shape; starting empty` };
  } catch {
    return { value: empty(), problem: `${file} is not valid JSON; starting empty` };
  }
}

/** Write to a temp file beside the target, then rename: a crash leaves the old or the new file, never half of one. */
export function writeJsonFileAtomic(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(value, null, 1)}\n`, { mode: 0o600 });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
