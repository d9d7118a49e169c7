/**
 * Text typed in the wrong keyboard layout, read as meant: the same keys on the Russian ЙЦУКЕН and
 * the English QWERTY layouts («yjdfz» is «новая» typed with the English layout on, «ищфкв» is
 * "board" with the Russian one). Pure key-for-key swaps; other characters stay as typed.
 */
const ENGLISH_KEYS = "`qwertyuiop[]asdfghjkl;'zxcvbnm,.~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>";
const RUSSIAN_KEYS = 'ёйцукенгшщзхъфывапролджэячсмитьбюЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ';

const toRussian = new Map([...ENGLISH_KEYS].map((key, i) => [key, RUSSIAN_KEYS[i]!]));
const toEnglish = new Map([...RUSSIAN_KEYS].map((key, i) => [key, ENGLISH_KEYS[i]!]));

/** What English-layout keystrokes would have typed with the Russian layout on. */
export function englishKeysToRussian(text: string): string {
  return [...text].map((char) => toRussian.get(char) ?? char).join('');
}

/** What Russian-layout keystrokes would have typed with the English layout on. */
export function russianKeysToEnglish(text: string): string {
  return [...text].map((char) => toEnglish.get(char) ?? char).join('');
}

/**
 * The query as typed, then as it would read in the other layout (each distinct one once): a
 * search matches if any of them does. Only letters are swapped for the alternatives to count, so
 * "#123" or "2,5" has no alternative.
 */
export function layoutVariants(query: string): string[] {
  const variants = [query];
  for (const swapped of [englishKeysToRussian(query), russianKeysToEnglish(query)]) {
    if (swapped !== query && /\p{L}/u.test(query) && !variants.includes(swapped)) variants.push(swapped);
  }
  return variants;
}
