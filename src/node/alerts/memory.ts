/**
 * What the alert engine remembers across restarts: which conditions are already announced (so a
 * task alerts once per threshold crossing), snoozed tasks, the global pause, and alerts held
 * during quiet hours.
 */
import path from 'node:path';
import { z } from 'zod';
import { ALERT_KINDS } from './types';
import { readJsonFile, writeJsonFileAtomic } from '../files/json-file';

const conditionSchema = z.object({
  taskId: z.string(),
  groupId: z.string(),
  title: z.string(),
  kind: z.enum(ALERT_KINDS as [string, ...string[]]).transform((kind) => kind as (typeof ALERT_KINDS)[number]),
  reason: z.enum(['lu-alert', 'no-responsible', 'stopper-too-long', 'reaction', 'resolution']).nullable(),
  seconds: z.number(),
  thresholdSeconds: z.number().nullable(),
  stopper: z.string().optional(),
});

const memorySchema = z.object({
  version: z.literal(1),
  /** Condition key (`taskId|kind`) → when it was first seen true (portal ms). */
  active: z.record(z.string(), z.number()),
  /** Task id → snoozed until (portal ms). */
  snoozes: z.record(z.string(), z.number()),
  pausedUntil: z.number().nullable(),
  held: z.array(conditionSchema),
});

export type AlertMemory = z.infer<typeof memorySchema>;

export function emptyMemory(): AlertMemory {
  return { version: 1, active: {}, snoozes: {}, pausedUntil: null, held: [] };
}

export interface MemoryStore {
  load(): AlertMemory;
  save(memory: AlertMemory): void;
  /** Why the stored memory could not be used, if it could not. */
  readonly problem: string | null;
}

export const ALERT_MEMORY_FILE = 'alert-memory.json';

export function fileMemoryStore(dataDir: string, onWriteError?: (error: unknown) => void): MemoryStore {
  const file = path.join(dataDir, ALERT_MEMORY_FILE);
  let problem: string | null = null;
  return {
    get problem() {
      return problem;
    },
    load() {
      const read = readJsonFile(file, memorySchema, emptyMemory);
      problem = read.problem;
      return read.value;
    },
    save(memory) {
      try {
        writeJsonFileAtomic(file, memory);
      } catch (error) {
        // A full disk must not stop notifications; the memory lives on in the process.
        onWriteError?.(error);
      }
    },
  };
}
