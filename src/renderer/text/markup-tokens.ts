/**
 * Splits portal text (BB-code, HTML, or both mixed, as legacy and chat comments arrive) into
 * tokens. Only tag names on the whitelist become tag tokens; anything else stays literal text,
 * so `<img onerror=…>` shows as the characters typed and never reaches the DOM as an element.
 */

/** What a tag means, whichever syntax wrote it. */
export type TagKind =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strike'
  | 'link'
  | 'quote'
  | 'code'
  | 'list'
  | 'ordered-list'
  | 'item'
  | 'mention'
  | 'image'
  | 'block'
  | 'inline'
  | 'table'
  | 'row'
  | 'cell'
  | 'header-cell'
  | 'break';

export type Token =
  | { type: 'text'; text: string }
  | { type: 'open'; kind: TagKind; name: string; attr: string | undefined; raw: string }
  | { type: 'close'; kind: TagKind; name: string; raw: string };

const BB_TAGS: Record<string, TagKind> = {
  b: 'bold',
  i: 'italic',
  u: 'underline',
  s: 'strike',
  url: 'link',
  quote: 'quote',
  code: 'code',
  list: 'list',
  '*': 'item',
  user: 'mention',
  img: 'image',
  p: 'block',
  left: 'block',
  center: 'block',
  right: 'block',
  justify: 'block',
  color: 'inline',
  size: 'inline',
  font: 'inline',
  br: 'break',
  table: 'table',
  tr: 'row',
  td: 'cell',
  th: 'header-cell',
};

const HTML_TAGS: Record<string, TagKind> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  s: 'strike',
  strike: 'strike',
  del: 'strike',
  a: 'link',
  blockquote: 'quote',
  code: 'code',
  pre: 'code',
  ul: 'list',
  ol: 'ordered-list',
  li: 'item',
  p: 'block',
  div: 'block',
  span: 'inline',
  font: 'inline',
  br: 'break',
  table: 'table',
  tr: 'row',
  td: 'cell',
  th: 'header-cell',
};

// One pass: a BB tag, an HTML tag (attributes never contain '<' or '>' here), or neither.
const TAG = /\[(\/?)([a-z]{1,10}|\*)(?:=([^\]\n]{0,500}))?\]|<(\/?)([a-z][a-z0-9]{0,10})((?:\s[^<>]{0,1000})?)\/?>/gi;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

function htmlAttr(name: string, attributes: string): string | undefined {
  if (name !== 'a') return undefined;
  const match = HREF.exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  const pushText = (text: string) => {
    if (!text) return;
    const previous = tokens.at(-1);
    if (previous?.type === 'text') previous.text += text;
    else tokens.push({ type: 'text', text });
  };
  for (const match of source.matchAll(TAG)) {
    const raw = match[0];
    const at = match.index;
    const isBb = raw.startsWith('[');
    const closing = (isBb ? match[1] : match[4]) === '/';
    const name = (isBb ? match[2] : match[5])!.toLowerCase();
    const kind = (isBb ? BB_TAGS : HTML_TAGS)[name];
    pushText(source.slice(last, at));
    last = at + raw.length;
    if (!kind) {
      pushText(raw);
      continue;
    }
    if (closing) tokens.push({ type: 'close', kind, name: `${isBb ? 'bb' : 'html'}:${name}`, raw });
    else tokens.push({ type: 'open', kind, name: `${isBb ? 'bb' : 'html'}:${name}`, attr: isBb ? match[3] : htmlAttr(name, match[6] ?? ''), raw });
  }
  pushText(source.slice(last));
  return tokens;
}
