/**
 * The headless sync command, as a function so tests can run it in-process; `scripts/sync.ts`
 * wires it to argv, stdout and signals. Exit codes: 0 the outbox is empty, 2 bad arguments or
 * enqueue file (nothing enqueued) or the data folder held by another Pult process, 3 intents remain queued / failed / in conflict or the portal
 * could not be synced (the reason goes to stderr), 1 anything else (a broken store, a bug).
 */
import { portalErrorKind, SyncCycleError } from '../../core/sync/portal-port';
import type { SyncStatus } from '../../core/sync/status';
import { ArgsError, parseHeadlessArgs, USAGE, type HeadlessArgs } from './args';
import { BoardSettingsError, boardLine, effectiveSettings, readBoardSettings } from './board';
import type { Settings } from '../../core/domain/settings';
import { EnqueueFileError, enqueueEntries, readEnqueueFile, type EnqueueFile } from './enqueue';
import { buildStack, summarise, type HeadlessStack, type StackDeps } from './stack';
import { TokenFileError } from './token-file';
import { acquireDataLock, DataLockHeldError, type DataLock } from '../data-lock';
import path from 'node:path';

export const EXIT = { ok: 0, failure: 1, usage: 2, pending: 3 } as const;

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  /** Resolves when the long-running mode should stop (SIGINT/SIGTERM). */
  stopSignal: Promise<void>;
  now(): number;
}

function statusLine(status: SyncStatus): string {
  const parts = [`status: ${status.connectivity}`, `queued ${status.queued}`, `failed ${status.failed}`, `conflicts ${status.conflicts}`];
  if (status.firstSync) parts.push(`first sync ${status.firstSync.read}/${status.firstSync.total}`);
  if (status.lastError) parts.push(`last error: ${status.lastError}`);
  return parts.join(', ');
}

function isCycleFailure(error: unknown): boolean {
  return error instanceof SyncCycleError || portalErrorKind(error) !== null;
}

function prepare(argv: readonly string[], io: CommandIo): { args: HeadlessArgs; file: EnqueueFile | null; boardSettings: Settings | null } | number {
  try {
    const args = parseHeadlessArgs(argv);
    const boardSettings = args.board !== null ? readBoardSettings(args.settingsFile) : null;
    return { args, file: args.enqueueFile ? readEnqueueFile(args.enqueueFile) : null, boardSettings };
  } catch (error) {
    if (error instanceof ArgsError) {
      io.err(`sync: ${error.message}`);
      io.err(USAGE);
      return EXIT.usage;
    }
    if (error instanceof EnqueueFileError) {
      io.err(`sync: ${error.message} (nothing was enqueued)`);
      return EXIT.usage;
    }
    if (error instanceof BoardSettingsError) {
      io.err(`sync: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
}

export async function runHeadless(argv: readonly string[], io: CommandIo, deps: StackDeps = {}): Promise<number> {
  const startedAt = io.now();
  const prepared = prepare(argv, io);
  if (typeof prepared === 'number') return prepared;
  const { args, file, boardSettings } = prepared;

  // Before the store opens: another process flushing the same outbox could send an edit twice.
  let lock: DataLock;
  try {
    lock = acquireDataLock(path.dirname(path.resolve(args.db)), 'headless');
  } catch (error) {
    if (!(error instanceof DataLockHeldError)) throw error;
    io.err(`sync: ${error.message}`);
    return EXIT.usage;
  }

  let stack: HeadlessStack;
  try {
    stack = buildStack(args, deps);
  } catch (error) {
    lock.release();
    if (error instanceof TokenFileError) {
      io.err(`sync: ${error.message}`);
      return EXIT.usage;
    }
    io.err(`sync: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  }

  try {
    const { engine } = stack;
    for (const warning of stack.warnings) io.err(`sync: warning: ${warning}`);
    if (file) {
      // The portal refuses a task without a responsible person, and the engine only knows the
      // signed-in user after its first cycle: default to the user the credentials act as.
      const userId = stack.userId;
      const result = enqueueEntries(stack.store, file, (payload) =>
        engine.enqueue(payload.name === 'createTask' && !payload.responsibleId && userId ? { ...payload, responsibleId: userId } : payload),
      );
      io.out(`enqueued ${result.added} new, ${result.skipped} already queued before (${file.path})`);
    }

    const showBoard = (): void => {
      if (args.board === null || !boardSettings) return;
      const settings = effectiveSettings(boardSettings, stack.store, args.board, stack.portalOffsetMinutes(), args.settingsFile !== null);
      io.out(boardLine(engine, stack.store, args.board, settings));
    };

    let last = '';
    engine.onStatus((status) => {
      const line = statusLine(status);
      if (line !== last) io.out(line);
      last = line;
    });
    engine.onNotice((notice) => io.out(`notice: ${notice.kind} task ${notice.taskId}: ${notice.message}${notice.code ? ` (${notice.code})` : ''}`));

    let cycleFailed = false;
    if (args.once) {
      try {
        await engine.runCycle();
        showBoard();
      } catch (error) {
        if (!isCycleFailure(error)) throw error;
        cycleFailed = true;
        io.err(`sync: the cycle did not finish: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else {
      let lastSyncAt: number | null = null;
      engine.onStatus((status) => {
        if (status.lastSyncAt !== lastSyncAt && status.firstSync === null) showBoard();
        lastSyncAt = status.lastSyncAt;
      });
      engine.start();
      await io.stopSignal;
      engine.stop();
      const error = engine.getStatus().lastError;
      if (engine.getStatus().connectivity !== 'online' && error) io.err(`sync: stopped while ${engine.getStatus().connectivity}: ${error}`);
    }

    const summary = summarise(stack, startedAt, io.now());
    if (args.json) io.out(JSON.stringify(summary));
    const pending = summary.queued + summary.failed + summary.conflicts > 0;
    return cycleFailed || pending ? EXIT.pending : EXIT.ok;
  } catch (error) {
    io.err(`sync: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  } finally {
    try {
      stack.close();
    } catch {
      // A cycle still in flight (long-running mode) may hold the store; exiting is safe anyway.
    }
    lock.release();
  }
}
