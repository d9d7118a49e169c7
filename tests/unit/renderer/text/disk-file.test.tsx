import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { renderRichText } from '../../../../src/renderer/text/RichText';
import { diskIdMatches, splitDiskFileTags } from '../../../../src/renderer/text/disk-file';

const html = (text: string, options: Parameters<typeof renderRichText>[1] = {}) => renderToStaticMarkup(createElement('div', null, ...renderRichText(text, options)));

describe('[DISK FILE ID=…]', () => {
  it('splits the tags out of text, whatever the case and spacing, n-IDs kept', () => {
    expect(splitDiskFileTags('См. [DISK FILE ID=n123] и [disk file id = 45].')).toEqual([
      { kind: 'text', text: 'См. ' },
      { kind: 'file', id: 'n123', source: '[DISK FILE ID=n123]' },
      { kind: 'text', text: ' и ' },
      { kind: 'file', id: '45', source: '[disk file id = 45]' },
      { kind: 'text', text: '.' },
    ]);
    expect(splitDiskFileTags('[DISK FILE ID=abc]')).toEqual([{ kind: 'text', text: '[DISK FILE ID=abc]' }]);
  });

  it('an n-ID names the Disk file, a bare one the attachment', () => {
    const file = { attachmentId: '318', objectId: '13215' };
    expect(diskIdMatches('n13215', file)).toBe(true);
    expect(diskIdMatches('318', file)).toBe(true);
    expect(diskIdMatches('13215', file)).toBe(false);
    expect(diskIdMatches('n318', file)).toBe(false);
  });

  it('RichText shows the tag as the attachment when it can, inside bold too, and leaves it as text otherwise', () => {
    const renderDiskFile = (id: string, key: string) => createElement('button', { key, type: 'button' }, `file ${id}`);
    expect(html('Вот [B][DISK FILE ID=n7][/B]', { renderDiskFile })).toBe('<div>Вот <strong><button type="button">file n7</button></strong></div>');
    expect(html('Вот [DISK FILE ID=n7]')).toBe('<div>Вот [DISK FILE ID=n7]</div>');
    expect(html('a\n[DISK FILE ID=9]\nb', { renderDiskFile })).toBe('<div>a<br/><button type="button">file 9</button><br/>b</div>');
  });
});
