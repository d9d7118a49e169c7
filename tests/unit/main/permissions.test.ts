import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, restrictConsolePermissions, type PermissionSession } from '../../../src/main/permissions';
import { createTrustedUrlCheck } from '../../../src/main/security';

/** A session typed from electron.d.ts that keeps the handlers main installs. */
function fakeSession() {
  const session = {
    setPermissionRequestHandler: vi.fn<PermissionSession['setPermissionRequestHandler']>(),
    setPermissionCheckHandler: vi.fn<PermissionSession['setPermissionCheckHandler']>(),
  } satisfies PermissionSession;
  type Permission = Parameters<NonNullable<Parameters<PermissionSession['setPermissionCheckHandler']>[0]>>[1];
  const asked = (permission: Permission, requestingUrl: string) => {
    let granted: boolean | null = null;
    session.setPermissionRequestHandler.mock.calls.at(-1)![0]!({} as Electron.WebContents, permission, (allowed) => (granted = allowed), { requestingUrl, isMainFrame: true });
    return granted;
  };
  const checked = (permission: Permission, requestingUrl: string) =>
    session.setPermissionCheckHandler.mock.calls.at(-1)![0]!(null, permission, new URL(requestingUrl).origin, { requestingUrl, isMainFrame: true });
  return { session, asked, checked };
}

const rendererUrl = 'file:///opt/pult/out/renderer/index.html';

describe('web permissions', () => {
  it('the console may write plain text to the clipboard from its own pages, and nothing else', () => {
    const { session, asked, checked } = fakeSession();
    restrictConsolePermissions(session, createTrustedUrlCheck(rendererUrl));
    expect(asked('clipboard-sanitized-write', rendererUrl)).toBe(true);
    expect(checked('clipboard-sanitized-write', `${rendererUrl}#/board`)).toBe(true);
    expect(asked('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(checked('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    for (const permission of ['notifications', 'clipboard-read', 'media', 'geolocation', 'openExternal'] as const) {
      expect(asked(permission, rendererUrl)).toBe(false);
      expect(checked(permission, rendererUrl)).toBe(false);
    }
  });

  it('a session for someone else’s pages grants nothing', () => {
    const { session, asked, checked } = fakeSession();
    denyAllPermissions(session);
    expect(asked('clipboard-sanitized-write', 'https://portal.example.ru/')).toBe(false);
    expect(checked('notifications', 'https://portal.example.ru/')).toBe(false);
  });
});
