import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../../src/core/domain/csv';

describe('toCsv', () => {
  it('starts with a BOM, separates by ; and ends lines with CRLF', () => {
    expect(toCsv([['Сотрудник', 'План'], ['Иванов', 8]])).toBe('\uFEFFСотрудник;План\r\nИванов;8\r\n');
  });

  it.each([
    ['plain', 'plain'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+7 495', "'+7 495"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['=1;2', `"'=1;2"`],
    [2.5, '2,5'],
    [-3, '-3'],
    [Number.NaN, ''],
    [null, ''],
    [undefined, ''],
    [true, '1'],
  ])('%j -> %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});
