/**
 * `--board <groupId>`: HOOK for the board line. The board's rules belong to the domain module
 * `src/core/domain/board.ts` (`projectBoard`), written by another engineer; the headless command
 * only prints what it projects. Until that module exists the flag is skipped with a clear message.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Stage } from '../../core/domain/model';
import type { BoardTask } from '../../core/sync/rebase';

export interface BoardContext {
  groupId: string;
  /** Server state with the outbox replayed over it (SyncEngine.view). */
  tasks: BoardTask[];
  stages: Stage[];
  /** Portal time (ms). */
  now: number;
}

export type ProjectBoard = (context: BoardContext) => unknown;

/** Where the domain module will live, resolved from this file so it works from any cwd. */
const BOARD_MODULE = new URL('../../core/domain/board.ts', import.meta.url);

/**
 * The domain's `projectBoard`, or null while the module does not exist (or does not export it).
 * Loaded by URL at run time so this file compiles before the module is written.
 */
export async function loadProjectBoard(): Promise<ProjectBoard | null> {
  if (!existsSync(fileURLToPath(BOARD_MODULE))) return null;
  const module = (await import(/* @vite-ignore */ BOARD_MODULE.href)) as { projectBoard?: unknown };
  return typeof module.projectBoard === 'function' ? (module.projectBoard as ProjectBoard) : null;
}

/**
 * Prints one board line. HOOK: the board engineer shapes this line to what `projectBoard`
 * returns; for now it prints the projection as JSON under a `board` key.
 */
export function printBoard(projectBoard: ProjectBoard, context: BoardContext, write: (line: string) => void): void {
  write(JSON.stringify({ board: context.groupId, projection: projectBoard(context) }));
}
