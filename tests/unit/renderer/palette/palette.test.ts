import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from '../../../../src/renderer/palette/fuzzy';
import { shortcutFor } from '../../../../src/renderer/palette/shortcuts';
import { toggledTheme } from '../../../../src/renderer/palette/palette-items';

const items = [
  { id: 'a', label: 'Новая заявка', keywords: 'new request create' },
  { id: 'b', label: 'Перейти к доске', keywords: 'board' },
  { id: 'c', label: 'Открыть настройки', keywords: 'settings' },
  { id: 't1', label: '#12 Не работает почта', taskId: '12' },
  { id: 't2', label: '#123 Ёлка в офисе', taskId: '123' },
  { id: 't3', label: '#1234 Принтер 12 этажа', taskId: '1234' },
];

describe('palette fuzzy search', () => {
  it('finds by substring, ignoring case and ё/е', () => {
    expect(fuzzyFilter(items, 'елка').map((item) => item.id)).toEqual(['t2']);
    expect(fuzzyFilter(items, 'НАСТР').map((item) => item.id)).toEqual(['c']);
  });

  it('finds by letters in order and by English keywords', () => {
    expect(fuzzyFilter(items, 'нвзя').map((item) => item.id)).toEqual(['a']);
    expect(fuzzyFilter(items, 'settings').map((item) => item.id)).toEqual(['c']);
  });

  it('needs every word of the query', () => {
    expect(fuzzyFilter(items, 'не почта').map((item) => item.id)).toEqual(['t1']);
    expect(fuzzyFilter(items, 'почта доска')).toEqual([]);
  });

  it('puts an exact task ID first, then IDs that start with it', () => {
    expect(fuzzyFilter(items, '12').map((item) => item.id)).toEqual(['t1', 't2', 't3']);
    expect(fuzzyFilter(items, '#123').map((item) => item.id)[0]).toBe('t2');
    expect(fuzzyFilter(items, '1234').map((item) => item.id)[0]).toBe('t3');
  });

  it('ranks a word start above a match inside a word', () => {
    expect(fuzzyScore('раб', 'не работает')!).toBeGreaterThan(fuzzyScore('раб', 'заработок')!);
    expect(fuzzyScore('xyz', 'abc')).toBeNull();
  });

  it('returns everything for an empty query, up to the limit', () => {
    expect(fuzzyFilter(items, '   ', 2).map((item) => item.id)).toEqual(['a', 'b']);
  });
});

describe('shortcuts', () => {
  const key = (init: Partial<Parameters<typeof shortcutFor>[0]>) => shortcutFor({ key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: null, ...init });

  it('maps Ctrl/Cmd+K, N, Ctrl+Alt+N, ?, F1 and Esc', () => {
    expect(key({ key: 'k', code: 'KeyK', ctrlKey: true })).toBe('palette');
    expect(key({ key: 'л', code: 'KeyK', metaKey: true })).toBe('palette');
    expect(key({ key: 'n', code: 'KeyN' })).toBe('create');
    expect(key({ key: 'т', code: 'KeyN' })).toBe('create');
    expect(key({ key: 'n', code: 'KeyN', ctrlKey: true, altKey: true })).toBe('create');
    expect(key({ key: '?', code: 'Slash', shiftKey: true })).toBe('help');
    expect(key({ key: 'F1', code: 'F1' })).toBe('help');
    expect(key({ key: 'Escape', code: 'Escape' })).toBe('escape');
    expect(key({ key: 'n', code: 'KeyN', ctrlKey: true })).toBeNull();
  });
});

describe('theme toggle', () => {
  it('flips the theme the user sees', () => {
    expect(toggledTheme('dark', false)).toBe('light');
    expect(toggledTheme('light', true)).toBe('dark');
    expect(toggledTheme('system', true)).toBe('light');
    expect(toggledTheme('system', false)).toBe('dark');
  });
});

describe('shortcuts leave typing alone', () => {
  const typed = (tagName: string, key: string, code: string, type?: string) =>
    shortcutFor({ key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: { tagName, type } as unknown as EventTarget });

  it('ignores N and ? typed into text fields, but not Ctrl+K or a checkbox', () => {
    expect(typed('INPUT', 'n', 'KeyN', 'text')).toBeNull();
    expect(typed('TEXTAREA', '?', 'Slash')).toBeNull();
    expect(typed('INPUT', 'n', 'KeyN', 'checkbox')).toBe('create');
    expect(shortcutFor({ key: 'k', code: 'KeyK', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false, target: { tagName: 'INPUT', type: 'text' } as unknown as EventTarget })).toBe('palette');
  });
});
