/**
 * Web permissions: Electron grants every permission a page asks for unless the session says
 * otherwise. The console needs one — writing plain text to the clipboard (the first-run "copy"
 * button) — and only for Pult's own pages; its reminders are native, not web notifications.
 */
import type { Session } from 'electron';

export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

const CONSOLE_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** The console's session: the clipboard write for Pult's pages, nothing else, asked or checked. */
export function restrictConsolePermissions(session: PermissionSession, isTrustedUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(CONSOLE_PERMISSIONS.has(permission) && isTrustedUrl(details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, _origin, details) => CONSOLE_PERMISSIONS.has(permission) && isTrustedUrl(details.requestingUrl ?? ''));
}

/** A session that shows someone else's pages (the portal's sign-in): no permission at all. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
