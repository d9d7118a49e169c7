/**
 * Pult's log files: one JSON line per entry in `<dir>/pult-YYYY-MM-DD.log` (the local day), a new
 * part (`pult-YYYY-MM-DD.1.log`…) when a file reaches its size, a cap on parts a day, and only the
 * last days kept. Everything is redacted before it is queued. Writes are queued and appended
 * asynchronously, so logging never waits for the disk; a folder that cannot be written (full
 * disk, no rights) turns the log to stderr, said once, instead of failing the app.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { redactText, redactValue } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface LogEntry {
  time: string;
  level: LogLevel;
  source: string;
  message: string;
  data?: unknown;
}

export interface LogFileOptions {
  dir: string;
  /** The clock (tests move it across midnight). */
  now?: () => Date;
  /** Bytes per file before the next part starts (default 10 MB). */
  maxFileBytes?: number;
  /** Parts per day (default 5): beyond them the day's entries are dropped, said once. */
  maxFilesPerDay?: number;
  /** Days kept, today included (default 14). */
  keepDays?: number;
  /** Entries below this level are not written (default info; PULT_LOG_LEVEL=debug for more). */
  minLevel?: LogLevel;
  /** Entries waiting for the disk before new ones are dropped (default 5000). */
  maxQueued?: number;
  /** Where lines go once the folder cannot be written (default stderr). */
  fallback?(text: string): void;
  /** Also shown here (e.g. a terminal), already redacted. */
  mirror?(entry: LogEntry, line: string): void;
}

export interface LogFile {
  readonly dir: string;
  write(level: LogLevel, source: string, message: string, data?: unknown): void;
  /** For the last words before a crash: appended at once, bypassing the queue. */
  writeSync(level: LogLevel, source: string, message: string, data?: unknown): void;
  /** Resolves when everything queued so far is on disk (or has gone to the fallback). */
  flush(): Promise<void>;
  /** True once the folder could not be written and lines go to the fallback. */
  readonly degraded: boolean;
}

/** Logs may name the portal and its users: only the account that runs Pult reads them. */
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

const FILE_NAME = /^pult-(\d{4}-\d{2}-\d{2})(?:\.(\d+))?\.log$/;

export function logFileName(day: string, part = 0): string {
  return part === 0 ? `pult-${day}.log` : `pult-${day}.${part}.log`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local calendar day, YYYY-MM-DD. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local time with its UTC offset, so a line reads as the clock on the wall did. */
export function localTimestamp(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${localDay(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function firstKeptDay(today: Date, keepDays: number): string {
  return localDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - (keepDays - 1)));
}

export function envLogLevel(value: string | undefined): LogLevel | undefined {
  return value === 'debug' || value === 'info' || value === 'warn' || value === 'error' ? value : undefined;
}

export function openLogFile(options: LogFileOptions): LogFile {
  const dir = options.dir;
  const now = options.now ?? (() => new Date());
  const maxFileBytes = options.maxFileBytes ?? 10 * 1024 * 1024;
  const maxFilesPerDay = options.maxFilesPerDay ?? 5;
  const keepDays = options.keepDays ?? 14;
  const minRank = RANK[options.minLevel ?? 'info'];
  const maxQueued = options.maxQueued ?? 5000;
  const fallback = options.fallback ?? ((text: string) => void process.stderr.write(text));

  const queue: { day: string; line: string }[] = [];
  let draining: Promise<void> | null = null;
  let degraded = false;
  let dropped = 0;
  /** The file being appended to: its day, part and size so far. */
  let current: { day: string; part: number; size: number; full: boolean } | null = null;

  function format(level: LogLevel, source: string, message: string, data: unknown, time: Date): { entry: LogEntry; line: string } {
    const entry: LogEntry = { time: localTimestamp(time), level, source, message: redactText(message) };
    if (data !== undefined) entry.data = redactValue(data);
    return { entry, line: `${JSON.stringify(entry)}\n` };
  }

  function degrade(error: unknown, pending: string): void {
    if (!degraded) {
      degraded = true;
      const code = (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
      fallback(`pult: cannot write the log in ${dir} (${code}); logging to stderr from now on\n`);
    }
    fallback(pending);
  }

  /** Opens the day: the folder, old days removed, and the part to continue with. */
  async function openDay(day: string, today: Date): Promise<void> {
    await fsp.mkdir(dir, { recursive: true, mode: DIR_MODE });
    // mkdir's mode is masked by the umask and ignored for a folder made by an older version.
    await fsp.chmod(dir, DIR_MODE).catch(() => undefined);
    const names = await fsp.readdir(dir);
    const keepFrom = firstKeptDay(today, keepDays);
    let part = 0;
    for (const name of names) {
      const match = FILE_NAME.exec(name);
      if (!match) continue;
      if (match[1]! < keepFrom) await fsp.rm(path.join(dir, name), { force: true }).catch(() => undefined);
      else {
        if (match[1] === day) part = Math.max(part, Number(match[2] ?? 0));
        await fsp.chmod(path.join(dir, name), FILE_MODE).catch(() => undefined);
      }
    }
    const size = await fsp.stat(path.join(dir, logFileName(day, part))).then((stat) => stat.size, () => 0);
    current = { day, part, size, full: false };
  }

  async function append(day: string, text: string): Promise<void> {
    if (current?.day !== day) await openDay(day, now());
    const file = current!;
    if (file.full) return;
    const bytes = Buffer.byteLength(text);
    if (file.size > 0 && file.size + bytes > maxFileBytes) {
      if (file.part + 1 >= maxFilesPerDay) {
        // The last part takes one more line saying so; the rest of the day is dropped.
        file.full = true;
        text = `${format('warn', 'log', `the log reached its limit for ${day}; entries are dropped until tomorrow`, undefined, now()).line}`;
      } else {
        file.part += 1;
        file.size = 0;
      }
    }
    await fsp.appendFile(path.join(dir, logFileName(day, file.part)), text, { mode: FILE_MODE });
    file.size += Buffer.byteLength(text);
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const day = queue[0]!.day;
      let count = 0;
      while (count < queue.length && queue[count]!.day === day) count++;
      let text = queue.splice(0, count).map((item) => item.line).join('');
      if (dropped > 0) {
        text += format('warn', 'log', `${dropped} entries were dropped: the disk was slower than the log`, undefined, now()).line;
        dropped = 0;
      }
      if (degraded) {
        fallback(text);
        continue;
      }
      try {
        await append(day, text);
      } catch (error) {
        degrade(error, text);
      }
    }
  }

  function accept(level: LogLevel, source: string, message: string, data: unknown): { day: string; line: string } | null {
    if (RANK[level] < minRank) return null;
    const time = now();
    const { entry, line } = format(level, source, message, data, time);
    options.mirror?.(entry, line);
    return { day: localDay(time), line };
  }

  return {
    dir,
    get degraded() {
      return degraded;
    },
    write(level, source, message, data) {
      const item = accept(level, source, message, data);
      if (!item) return;
      if (queue.length >= maxQueued) {
        dropped++;
        return;
      }
      queue.push(item);
      draining ??= drain().finally(() => (draining = null));
    },
    writeSync(level, source, message, data) {
      const item = accept(level, source, message, data);
      if (!item) return;
      if (degraded) return fallback(item.line);
      try {
        fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
        const part = current?.day === item.day ? current.part : 0;
        fs.appendFileSync(path.join(dir, logFileName(item.day, part)), item.line, { mode: FILE_MODE });
      } catch (error) {
        degrade(error, item.line);
      }
    },
    async flush() {
      while (draining) await draining;
    },
  };
}
