import { describe, expect, it, vi } from 'vitest';
import { isAllowedSignInUrl, openSignInWindow } from '../../../src/main/sign-in-window';

function fakeWindow() {
  const handlers = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
  let closed: (() => void) | null = null;
  let destroyed = false;
  const window = {
    loaded: [] as string[],
    webContents: {
      on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) => void handlers.set(event, listener),
      setWindowOpenHandler: vi.fn(),
    },
    loadURL: async (url: string) => void window.loaded.push(url),
    on: (_event: 'closed', listener: () => void) => void (closed = listener),
    close: () => {
      destroyed = true;
      closed?.();
    },
    isDestroyed: () => destroyed,
  };
  return { window, handlers };
}

describe('sign-in window', () => {
  it('allows the portal and the loopback redirect only', () => {
    const prefix = 'http://127.0.0.1:45678/oauth/callback';
    expect(isAllowedSignInUrl('https://portal.example.ru/auth/?x=1', 'https://portal.example.ru', prefix)).toBe(true);
    expect(isAllowedSignInUrl(`${prefix}?code=1&state=2`, 'https://portal.example.ru', prefix)).toBe(true);
    expect(isAllowedSignInUrl('https://evil.example/', 'https://portal.example.ru', prefix)).toBe(false);
    expect(isAllowedSignInUrl('file:///etc/passwd', 'https://portal.example.ru', prefix)).toBe(false);
  });

  it('loads the authorize page, blocks other sites, closes after the redirect', async () => {
    vi.useFakeTimers();
    try {
      const { window, handlers } = fakeWindow();
      const done = openSignInWindow({ createWindow: () => window }, 'https://portal.example.ru/oauth/authorize/?client_id=a&state=b', 'http://127.0.0.1:45678/oauth/callback');
      expect(window.loaded).toEqual(['https://portal.example.ru/oauth/authorize/?client_id=a&state=b']);
      const prevent = vi.fn();
      handlers.get('will-navigate')!({ preventDefault: prevent }, 'https://evil.example/');
      expect(prevent).toHaveBeenCalledTimes(1);
      handlers.get('will-redirect')!({ preventDefault: prevent }, 'http://127.0.0.1:45678/oauth/callback?code=1');
      expect(prevent).toHaveBeenCalledTimes(1);
      handlers.get('did-navigate')!({ preventDefault: prevent }, 'http://127.0.0.1:45678/oauth/callback?code=1');
      vi.advanceTimersByTime(300);
      await done;
      expect(window.isDestroyed()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
