/** The name a file is reserved under is the one Disk stores (Ui\Text::correctFilename). */
import { describe, expect, it } from 'vitest';
import { diskFileName } from '../../../src/core/bitrix/comment-uploads';

describe('diskFileName', () => {
  it('trims, and turns control characters, <>:"|?*\\/ and emoji into "_"', () => {
    expect(diskFileName('  Акт сверки.pdf ')).toBe('Акт сверки.pdf');
    expect(diskFileName('a<b>c:d"e|f?g*h\\i/j.txt')).toBe('a_b_c_d_e_f_g_h_i_j.txt');
    expect(diskFileName('tab\there.log')).toBe('tab_here.log');
    expect(diskFileName('ok 🙂.png')).toBe('ok _.png');
    expect(diskFileName('скрин (1).png')).toBe('скрин (1).png');
  });
});
