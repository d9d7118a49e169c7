import { describe, expect, it } from 'vitest';
import { englishKeysToRussian, layoutVariants, russianKeysToEnglish } from '../../../../src/core/domain/keyboard-layout';
import { matchesSearch } from '../../../../src/renderer/board/filters';
import { fuzzyFilter, fuzzyScore } from '../../../../src/renderer/palette/fuzzy';

describe('keyboard layout swap', () => {
  it('reads Russian typed with the English layout on', () => {
    expect(englishKeysToRussian('yjdfz')).toBe('новая');
    expect(englishKeysToRussian('ytn')).toBe('нет');
    expect(englishKeysToRussian('Pfzdrf yf ljcneg? cxtn')).toBe('Заявка на доступ? счет');
    expect(englishKeysToRussian('`krf ,f;f')).toBe('ёлка бажа');
  });

  it('reads English typed with the Russian layout on', () => {
    expect(russianKeysToEnglish('ищфкв')).toBe('board');
    expect(russianKeysToEnglish('Ыукмшсу')).toBe('Service');
  });

  it('is a round trip on the letter keys of both layouts', () => {
    const english = "`qwertyuiop[]asdfghjkl;'zxcvbnm,.QWERTYUIOPASDFGHJKLZXCVBNM";
    expect(russianKeysToEnglish(englishKeysToRussian(english))).toBe(english);
    const russian = 'ёйцукенгшщзхъфывапролджэячсмитьбюЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ';
    expect(englishKeysToRussian(russianKeysToEnglish(russian))).toBe(russian);
  });

  it('keeps digits, spaces and other signs as typed', () => {
    expect(englishKeysToRussian('#123 - 2025!')).toBe('#123 - 2025!');
  });

  it('gives the typed query first, then the other readings; a number has none', () => {
    expect(layoutVariants('yjdfz')).toEqual(['yjdfz', 'новая']);
    expect(layoutVariants('нет')).toEqual(['нет', 'ytn']);
    expect(layoutVariants('#123')).toEqual(['#123']);
    expect(layoutVariants('2,5')).toEqual(['2,5']);
  });
});

describe('search in the wrong layout', () => {
  const card = { id: '1042', searchText: 'новая заявка: нет доступа к 1с\nооо «ромашка»' };

  it('the board search finds «новая» from «yjdfz» and «нет» from «ytn»', () => {
    expect(matchesSearch(card, 'yjdfz')).toBe(true);
    expect(matchesSearch(card, 'ytn ljcnegf')).toBe(true);
    expect(matchesSearch(card, 'новая')).toBe(true);
    expect(matchesSearch(card, 'qwzx')).toBe(false);
    // A layout switched mid-query: only the wrong-layout letters are read again.
    expect(matchesSearch(card, 'новая ljcnegf')).toBe(true);
    expect(matchesSearch(card, 'новая ljcnegfq')).toBe(false);
    expect(matchesSearch(card, '104')).toBe(true);
  });

  it('the palette finds a Russian action typed in English keys, and an English one typed in Russian keys', () => {
    const items = [
      { id: 'a', label: 'Открыть настройки', keywords: 'settings' },
      { id: 'b', label: 'Новая заявка', keywords: 'new request' },
    ];
    expect(fuzzyFilter(items, 'yfcnhjqrb').map((item) => item.id)).toEqual(['a']);
    expect(fuzzyFilter(items, 'ыуеештпы').map((item) => item.id)).toEqual(['a']);
    expect(fuzzyFilter(items, 'yjdfz').map((item) => item.id)).toEqual(['b']);
  });

  it('a match of the query as typed scores above the same match read in the other layout', () => {
    expect(fuzzyScore('нет', 'нет доступа')!).toBeGreaterThan(fuzzyScore('ytn', 'нет доступа')!);
  });
});
