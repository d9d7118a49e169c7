import { describe, expect, it, vi } from 'vitest';
import { createElement, isValidElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { RichText, renderRichText } from '../../../../src/renderer/text/RichText';
import { parseMarkup, MAX_DEPTH } from '../../../../src/renderer/text/markup-tree';
import { safeUrl } from '../../../../src/renderer/text/safe-url';

const html = (text: string, options: Parameters<typeof renderRichText>[1] = {}) =>
  renderToStaticMarkup(createElement('div', null, ...renderRichText(text, options)));

const ALLOWED_TAGS = new Set(['div', 'strong', 'em', 'u', 's', 'br', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'span', 'button']);
const ALLOWED_ATTRS = new Set(['class', 'title', 'type']);

/** Every tag and attribute in the markup must be on the whitelist. */
function expectOnlyWhitelisted(markup: string) {
  for (const match of markup.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)) {
    expect(ALLOWED_TAGS, `tag <${match[1]}> in ${markup}`).toContain(match[1]!.toLowerCase());
    for (const attr of match[2]!.matchAll(/\s([a-z-]+)=/gi)) expect(ALLOWED_ATTRS, `attribute ${attr[1]} in ${markup}`).toContain(attr[1]!.toLowerCase());
  }
}

describe('safe text rendering', () => {
  it('renders BB-code formatting as whitelisted elements', () => {
    const out = html('[b]жирный[/b] [i]курсив[/i] [u]подч[/u] [s]зачёркн[/s]');
    expect(out).toBe('<div><strong>жирный</strong> <em>курсив</em> <u>подч</u> <s>зачёркн</s></div>');
  });

  it('keeps a <script> inert: shown as text, never an element', () => {
    const out = html('до <script>alert(1)</script> после');
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expectOnlyWhitelisted(out);
  });

  it('keeps <img onerror> inert', () => {
    const out = html('<img src=x onerror="alert(1)"> and <svg onload=alert(1)>');
    expect(out).not.toMatch(/<img|<svg/i);
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expectOnlyWhitelisted(out);
  });

  it('drops javascript: URLs in [url] and <a href>, showing only the label', () => {
    for (const text of ['[url=javascript:alert(1)]жми[/url]', '<a href="javascript:alert(1)">жми</a>', '[url=java&#x09;script:alert(1)]жми[/url]', '[url= JaVaScRiPt:alert(1)]жми[/url]']) {
      const out = html(text);
      expect(out).toBe('<div><span>жми</span></div>');
    }
    const bare = html('[url]javascript:alert(1)[/url]');
    expect(bare).not.toContain('href');
    expectOnlyWhitelisted(bare);
  });

  it('shows a safe link as text with its address, with no href that could navigate the page', () => {
    const out = html('[url=https://example.com/a?b=1]сайт[/url]');
    expect(out).toBe('<div><span class="rich-text__link" title="https://example.com/a?b=1">сайт<span class="rich-text__url"> (https://example.com/a?b=1)</span></span></div>');
    expect(html('<a href="mailto:a@b.ru">a@b.ru</a>')).toBe('<div><span class="rich-text__link" title="mailto:a@b.ru">a@b.ru</span></div>');
  });

  it('opens links to the connected portal tasks inside Pult', () => {
    const onOpenTask = vi.fn();
    const nodes = renderRichText('[url=https://portal.ru/company/personal/user/1/tasks/task/view/42/]задача[/url]', { portalUrl: 'https://portal.ru', onOpenTask });
    const button = nodes[0];
    expect(isValidElement(button) && button.type).toBe('button');
    (button as { props: { onClick: () => void } }).props.onClick();
    expect(onOpenTask).toHaveBeenCalledWith('42');
    expect(html('[url=https://other.ru/tasks/task/view/42/]x[/url]', { portalUrl: 'https://portal.ru', onOpenTask })).not.toContain('<button');
  });

  it('closes unclosed tags at the end and shows stray closing tags as text', () => {
    expect(html('[b]жирный [i]и курсив')).toBe('<div><strong>жирный <em>и курсив</em></strong></div>');
    expect(html('текст[/b] ещё')).toBe('<div>текст[/b] ещё</div>');
    expect(html('[b][i]x[/b] y')).toBe('<div><strong><em>x</em></strong> y</div>');
  });

  it('caps nesting depth', () => {
    const deep = '[b]'.repeat(MAX_DEPTH + 50) + 'x';
    const out = html(deep);
    expect(out.match(/<strong>/g)).toHaveLength(MAX_DEPTH);
    expect(out).toContain('[b]');
  });

  it('decodes entities into text, never into tags', () => {
    expect(html('&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &#1055;&#x440;&#1080;вет &bogus;')).toBe(
      '<div>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; Привет &amp;bogus;</div>',
    );
  });

  it('renders lists, quotes, mentions and verbatim code', () => {
    expect(html('[list][*]один[*]два[/list]')).toBe('<div><ul><li>один</li><li>два</li></ul></div>');
    expect(html('[list=1][*]a[/list]')).toBe('<div><ol><li>a</li></ol></div>');
    expect(html('<ul><li>a<li>b</ul>')).toBe('<div><ul><li>a</li><li>b</li></ul></div>');
    expect(html('[quote]цитата[/quote]')).toBe('<div><blockquote class="rich-text__quote">цитата</blockquote></div>');
    expect(html('[user=5]Мария Лебедева[/user], привет')).toBe('<div><span class="rich-text__mention">Мария Лебедева</span>, привет</div>');
    expect(html('[code][b]не жирный[/b] <script>[/code]')).toBe('<div><pre class="rich-text__code"><code>[b]не жирный[/b] &lt;script&gt;</code></pre></div>');
  });

  it('keeps line breaks and the chat-mode [br] and <br>', () => {
    expect(html('a\nb[br]c<br>d<br/>e')).toBe('<div>a<br/>b<br/>c<br/>d<br/>e</div>');
  });

  it('never loads images from portal text', () => {
    const out = html('[img]https://evil.example/track.png[/img]');
    expect(out).not.toContain('<img');
    expect(out).toContain('https://evil.example/track.png');
  });

  it('leaves unknown tags and attributes out of the DOM for a hostile mix', () => {
    const hostile = '<div onclick="x()" style="background:url(javascript:1)"><b onmouseover=alert(1)>hi</b><iframe src="//evil"></iframe>[url=data:text/html,<script>]d[/url]<style>*{}</style></div>';
    const out = renderToStaticMarkup(<RichText text={hostile} />);
    expectOnlyWhitelisted(out);
    expect(out).not.toMatch(/<(iframe|style|script)/i);
    expect(out).not.toMatch(/onclick=|onmouseover=|style=/i);
  });

  it('produces React elements only, with no raw HTML anywhere', () => {
    const walk = (node: ReactNode): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!isValidElement(node)) return;
      const props = node.props as Record<string, unknown>;
      expect(props).not.toHaveProperty('dangerouslySetInnerHTML');
      expect(typeof node.type).toBe('string');
      walk(props.children as ReactNode);
    };
    walk(renderRichText('[b]x[/b]<i>y</i>[list][*]z[/list][quote]q[/quote]<a href="https://a.ru">l</a>'));
  });

  it('parses into a tree with text and elements only', () => {
    expect(parseMarkup('a[b]b[/b]')).toEqual([
      { type: 'text', text: 'a' },
      { type: 'element', kind: 'bold', attr: undefined, children: [{ type: 'text', text: 'b' }] },
    ]);
  });

  it('accepts only http(s) and mailto URLs', () => {
    expect(safeUrl('https://a.ru/x')?.href).toBe('https://a.ru/x');
    expect(safeUrl('mailto:a@b.ru')?.kind).toBe('mail');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative', '//evil.example', 'http:/x', 'file:///etc/passwd']) expect(safeUrl(bad)).toBeNull();
  });
});
