/**
 * Fuzzy matching for the palette: every word of the query must occur in the text, as a substring
 * (best) or as letters in order (weaker, better at word starts and in runs). Case and ё/е are
 * ignored. Higher scores first; null means no match.
 */
import { layoutVariants } from '../../core/domain/keyboard-layout';

export function normaliseForSearch(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

function wordScore(word: string, text: string): number | null {
  const index = text.indexOf(word);
  if (index === 0) return 300 + word.length * 4;
  if (index > 0) {
    const atWordStart = /[\s\-—«"(#/.,:]/.test(text[index - 1]!);
    return (atWordStart ? 220 : 150) + word.length * 4 - Math.min(index, 50) / 10;
  }
  // Letters in order: reward runs and word starts, punish gaps.
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const letter of word) {
    const at = text.indexOf(letter, from);
    if (at < 0) return null;
    score += at === previous + 1 ? 6 : 1;
    if (at === 0 || /[\s\-—«"(#/]/.test(text[at - 1]!)) score += 4;
    score -= Math.min(at - from, 10) / 5;
    previous = at;
    from = at + 1;
  }
  return score;
}

/**
 * The best score of the query as typed and as it reads in the other keyboard layout («ytn» →
 * «нет»); a swapped reading scores a little lower, so a real match of the typed text wins.
 */
export function fuzzyScore(query: string, text: string): number | null {
  let best: number | null = null;
  layoutVariants(query).forEach((variant, index) => {
    const score = typedScore(variant, text);
    if (score !== null && (best === null || score - index > best)) best = score - index;
  });
  return best;
}

function typedScore(query: string, text: string): number | null {
  const words = normaliseForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const haystack = normaliseForSearch(text);
  let total = 0;
  for (const word of words) {
    const score = wordScore(word, haystack);
    if (score === null) return null;
    total += score;
  }
  return total;
}

export interface Searchable {
  id: string;
  /** What the user sees and what is matched. */
  label: string;
  /** Extra words that match but are not shown (English names of a Russian action, …). */
  keywords?: string;
  /** A task ID: an exact ID in the query puts the task first. */
  taskId?: string;
}

/** Items that match, best first (ties keep their order), at most `limit`. */
export function fuzzyFilter<T extends Searchable>(items: readonly T[], query: string, limit = 50): T[] {
  const trimmed = query.trim().replace(/^#/, '');
  if (!trimmed) return items.slice(0, limit);
  const scored: { item: T; score: number; order: number }[] = [];
  items.forEach((item, order) => {
    let score = fuzzyScore(trimmed, `${item.label} ${item.keywords ?? ''}`);
    if (item.taskId !== undefined && /^\d+$/.test(trimmed)) {
      if (item.taskId === trimmed) score = 10_000;
      else if (item.taskId.startsWith(trimmed)) score = Math.max(score ?? 0, 5_000 - item.taskId.length);
    }
    if (score !== null) scored.push({ item, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, limit).map((entry) => entry.item);
}
