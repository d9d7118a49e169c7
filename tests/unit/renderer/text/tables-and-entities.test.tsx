import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { renderRichText } from '../../../../src/renderer/text/RichText';
import { decodeEntities } from '../../../../src/renderer/text/entities';
import { NAMED_ENTITIES_PACKED } from '../../../../src/renderer/text/entity-table';

const html = (text: string) => renderToStaticMarkup(createElement('div', null, ...renderRichText(text)));

describe('[TABLE] in portal text', () => {
  it('renders rows and cells as a table, header cells as th, the line breaks between tags dropped', () => {
    const source = '[TABLE]\n[TR]\n[TH]Сервер[/TH][TH]Статус[/TH]\n[/TR]\n[TR][TD][B]db-01[/B][/TD][TD]не отвечает[/TD][/TR]\n[/TABLE]';
    expect(html(source)).toBe(
      '<div><table class="rich-text__table"><tbody><tr><th>Сервер</th><th>Статус</th></tr><tr><td><strong>db-01</strong></td><td>не отвечает</td></tr></tbody></table></div>',
    );
  });

  it('reads the HTML spelling and lower case too', () => {
    expect(html('<table><tr><td>a</td></tr></table>[table][tr][td]b[/td][/tr][/table]')).toBe(
      '<div><table class="rich-text__table"><tbody><tr><td>a</td></tr></tbody></table><table class="rich-text__table"><tbody><tr><td>b</td></tr></tbody></table></div>',
    );
  });

  it('keeps stray text inside a table in a row or cell of its own, and closes what was left open', () => {
    expect(html('[TABLE]итого[TR][TD]1[TD]2[TR][TH]3[/TABLE] после')).toBe(
      '<div><table class="rich-text__table"><tbody><tr><td>итого</td></tr><tr><td>1</td><td>2</td></tr><tr><th>3</th></tr></tbody></table> после</div>',
    );
    // A table inside a cell is its own: its rows do not end the outer row.
    expect(html('[TABLE][TR][TD][TABLE][TR][TD]в[/TD][/TR][/TABLE][/TD][TD]с[/TD][/TR][/TABLE]')).toBe(
      '<div><table class="rich-text__table"><tbody><tr><td><table class="rich-text__table"><tbody><tr><td>в</td></tr></tbody></table></td><td>с</td></tr></tbody></table></div>',
    );
    // Rows and cells outside a table show their text inline.
    expect(html('[TR][TD]одна[/TD][/TR]')).toBe('<div><span class="rich-text__block"><span class="rich-text__block">одна</span></span></div>');
  });

  it('keeps hostile content in cells inert', () => {
    const out = html('[TABLE][TR][TD]<script>alert(1)</script>[/TD][TD onclick=x]<img src=x onerror=alert(1)>[/TD][/TR][/TABLE]');
    // Only the table's own tags are elements; the rest is text.
    expect([...out.matchAll(/<([a-z]+)[\s>]/g)].map((m) => m[1])).toEqual(['div', 'table', 'tbody', 'tr', 'td', 'td']);
    expect(out).not.toMatch(/<[^>]*(onclick|onerror)/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('HTML entities', () => {
  it('carries the whole named list of HTML (2,125 names with a semicolon)', () => {
    expect(NAMED_ENTITIES_PACKED.split('\u0002').filter(Boolean)).toHaveLength(2125);
  });

  it('decodes named ones, case-sensitively, multi-character ones whole', () => {
    expect(decodeEntities('&Auml;&auml; &frac12; &CounterClockwiseContourIntegral; &NotEqualTilde; &fjlig; &rarr; &laquo;x&raquo; &nbsp;')).toBe('Ää ½ ∳ ≂̸ fj → «x» \u00a0');
    // An all-capitals name older portals write still reads; an unknown one stays as written.
    expect(decodeEntities('&NBSP;&AMP;&bogus; &amp')).toBe('\u00a0&&bogus; &amp');
  });

  it('decodes decimal and hex, replacing NUL, surrogates and out-of-range code points', () => {
    expect(decodeEntities('&#1055;&#x440;&#X438;&#0; &#xD800; &#x110000; &#128512;')).toBe('При\ufffd \ufffd \ufffd 😀');
  });

  it('decodes once: an encoded entity comes out as text, never decoded twice into a tag', () => {
    expect(decodeEntities('&amp;lt;script&amp;gt;')).toBe('&lt;script&gt;');
    expect(html('&lt;b&gt;не жирный&lt;/b&gt; &amp;lt;i&amp;gt;')).toBe('<div>&lt;b&gt;не жирный&lt;/b&gt; &amp;lt;i&amp;gt;</div>');
    expect(decodeEntities('&constructor; &__proto__; &toString;')).toBe('&constructor; &__proto__; &toString;');
  });
});
