/**
 * The log as the shells use it: the folder inside the data folder, the host's Logger port over
 * a log file, and the process's last-resort errors. The desktop app and browser mode share it.
 */
import path from 'node:path';
import type { Logger } from '../../core/ports';
import type { LogFile, LogLevel } from './log-file';

export { openLogFile, envLogLevel, type LogFile, type LogLevel, type LogEntry } from './log-file';
export { redactText, redactValue } from './redact';

/**
 * `<data folder>/logs` in both shells: one place to look whichever shell ran, next to the
 * settings an admin already finds, and browser mode (plain Node) has no app.getPath('logs').
 */
export function logDirIn(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

export function loggerFor(file: LogFile, source: string): Logger {
  return {
    debug: (message, data) => file.write('debug', source, message, data),
    info: (message, data) => file.write('info', source, message, data),
    warn: (message, data) => file.write('warn', source, message, data),
    error: (message, data) => file.write('error', source, message, data),
  };
}

/** The host worker client's `log` option. */
export function logFunction(file: LogFile, source: string): (level: LogLevel, message: string, data?: Record<string, unknown>) => void {
  return (level, message, data) => file.write(level, source, message, data);
}

export interface ProcessLike {
  on(event: 'uncaughtExceptionMonitor', listener: (error: Error, origin: string) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtExceptionMonitor', listener: (error: Error, origin: string) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/**
 * Uncaught errors and unhandled rejections, logged. The exception is only watched (the monitor
 * event): what happens next stays the runtime's (Electron shows its dialog, Node exits), so it
 * is written at once. A rejection nobody handled is logged and the process goes on.
 */
export function logProcessErrors(proc: ProcessLike, file: LogFile, source: string): () => void {
  const onException = (error: Error, origin: string) => file.writeSync('error', source, 'uncaught exception', { origin, error });
  const onRejection = (reason: unknown) => file.write('error', source, 'unhandled promise rejection', { reason });
  proc.on('uncaughtExceptionMonitor', onException);
  proc.on('unhandledRejection', onRejection);
  return () => {
    proc.off('uncaughtExceptionMonitor', onException);
    proc.off('unhandledRejection', onRejection);
  };
}
