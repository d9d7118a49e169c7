/** Which link targets portal text may carry: http(s) and mailto only, checked after decoding. */
import { decodeEntities } from './entities';

export type SafeUrl = { kind: 'web' | 'mail'; href: string };

/** The URL if it is safe to show as a link, else null (`javascript:`, `data:`, relative, …). */
export function safeUrl(raw: string | undefined): SafeUrl | null {
  if (!raw) return null;
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so strip
  // them before deciding, and show the stripped form.
  // eslint-disable-next-line no-control-regex
  const cleaned = decodeEntities(raw).replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').replace(/^['"]|['"]$/g, '');
  if (/^https?:\/\/[^/?#]+/i.test(cleaned)) {
    try {
      const url = new URL(cleaned);
      if (url.protocol === 'http:' || url.protocol === 'https:') return { kind: 'web', href: url.href };
    } catch {
      return null;
    }
  }
  if (/^mailto:[^\s<>"]+@[^\s<>"]+$/i.test(cleaned)) return { kind: 'mail', href: cleaned };
  return null;
}

/** The task ID when the URL opens a task on the connected portal. */
export function portalTaskId(href: string, portalUrl: string | undefined): string | null {
  if (!portalUrl) return null;
  try {
    const url = new URL(href);
    if (url.origin !== new URL(portalUrl).origin) return null;
    return /\/tasks\/task\/view\/(\d+)\/?$/.exec(url.pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}
