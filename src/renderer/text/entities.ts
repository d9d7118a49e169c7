/**
 * HTML character references in portal text: every named one of HTML, decimal and hex. Decoding
 * happens after tokenizing and the result is only ever text, so `&lt;script&gt;` becomes the
 * visible text "<script>", never a tag.
 */
import { NAMED_ENTITIES_PACKED } from './entity-table';

let named: Map<string, string> | null = null;

function namedEntities(): Map<string, string> {
  if (!named) {
    named = new Map();
    for (const entry of NAMED_ENTITIES_PACKED.split('\u0002')) {
      const at = entry.indexOf('\u0001');
      if (at > 0) named.set(entry.slice(0, at), entry.slice(at + 1));
    }
  }
  return named;
}

function fromCodePoint(code: number): string {
  // Null, surrogates and out-of-range code points are what browsers replace too.
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return fromCodePoint(code);
    }
    // Names are case-sensitive (&Auml; is not &auml;); an all-capitals &NBSP; as older portals write it still reads.
    const table = namedEntities();
    return table.get(body) ?? table.get(body.toLowerCase()) ?? whole;
  });
}
