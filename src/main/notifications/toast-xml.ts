/**
 * A Windows toast written out (Electron's `toastXml`) for one thing Electron's own template
 * leaves out: launch arguments on the toast's body. Electron's activator reads
 * `type=<click|action>&action=<index>&tag=<id>` and hands them to `Notification.handleActivation`,
 * so a click in the Action Center after Pult restarted still names the notification.
 * The rest follows Electron's template (ToastGeneric, app logo, buttons, silent audio).
 */

export interface ToastContent {
  id: string | undefined;
  title: string;
  body: string;
  silent: boolean;
  icon?: string;
  /** Button labels, in order (their index is the `action` event's `actionIndex`). */
  actions: readonly string[];
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** What Electron's activator parses; an id with `&` or `=` would break it (ours are URI-encoded). */
function activationArguments(type: 'click' | 'action', id: string | undefined, action?: number): string {
  return [`type=${type}`, ...(action !== undefined ? [`action=${action}`] : []), ...(id ? [`tag=${id}`] : [])].join('&');
}

export function toastXml(content: ToastContent): string {
  const attr = (name: string, value: string) => ` ${name}="${escapeXml(value)}"`;
  const texts = [content.title, content.body].filter((line) => line !== '');
  const image = content.icon ? `<image${attr('id', '1')}${attr('placement', 'appLogoOverride')}${attr('hint-crop', 'none')}${attr('src', content.icon)}/>` : '';
  const actions = content.actions.length
    ? `<actions>${content.actions.map((text, index) => `<action${attr('activationType', 'foreground')}${attr('arguments', activationArguments('action', content.id, index))}${attr('content', text)}/>`).join('')}</actions>`
    : '';
  return (
    `<toast${attr('launch', activationArguments('click', content.id))}${attr('activationType', 'foreground')}>` +
    `<visual><binding${attr('template', 'ToastGeneric')}>${(texts.length ? texts : ['Pult']).map((line) => `<text>${escapeXml(line)}</text>`).join('')}${image}</binding></visual>` +
    actions +
    (content.silent ? `<audio${attr('silent', 'true')}/>` : '') +
    `</toast>`
  );
}

/** The activator's arguments, split as Electron splits them (`&`, then `=`). */
export function parseToastArguments(text: string): { type?: string; action?: string; tag?: string } {
  const parsed: Record<string, string> = {};
  for (const pair of text.split('&')) {
    const parts = pair.split('=');
    if (parts.length === 2 && parts[0] && parts[1]) parsed[parts[0]] = parts[1];
  }
  return parsed;
}
