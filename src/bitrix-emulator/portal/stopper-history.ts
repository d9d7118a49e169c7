/**
 * Stopper episodes in the demo's history, as a box portal logs a user-field change: one entry per
 * change of the Тип стоппера field, FIELD = the UF_ name, values the enum item IDs, and '' for an
 * empty side (CTaskLog::GetChanges writes `false` for an empty value, which the text column keeps
 * as ''; tasks/classes/general/tasklog.php, tasks/lib/internals/task/log.php). Drawn from their
 * own seeded stream, so the rest of a task's life stays exactly as before.
 */
import type { SimHistory } from './simulate';
import { Prng, mixSeed } from './prng';

const STOPPER_SALT = 0x5709;

/** An episode needs a stretch of at least this long between taking up and finishing. */
const MIN_SPAN_MS = 3_600_000;

/**
 * Adds stopper history to one simulated task. A finished task was sometimes blocked on its way
 * (set, maybe changed to another type, then cleared before completion); an open task blocked now
 * sometimes had another type first. Returns the history in time order.
 */
export function withStopperHistory(
  history: SimHistory[],
  options: { seed: number; index: number; field: string; items: readonly number[]; done: boolean; userId: number },
): SimHistory[] {
  const { field, items, userId } = options;
  if (items.length < 2) return history;
  const rng = new Prng(mixSeed(options.seed ^ STOPPER_SALT, options.index + 1));
  const added: SimHistory[] = [];
  if (options.done) {
    const takenUp = history.find((h) => h.field === 'STAGE_ID' && h.from !== '0');
    const finished = history.find((h) => h.field === 'STATUS' && h.to === '5');
    if (!takenUp || !finished || finished.createdDate - takenUp.createdDate < MIN_SPAN_MS || !rng.chance(0.35)) return history;
    const span = finished.createdDate - takenUp.createdDate;
    const start = second(takenUp.createdDate + span * (0.05 + rng.next() * 0.4));
    const end = second(start + (finished.createdDate - start) * (0.2 + rng.next() * 0.6));
    const first = String(rng.pick(items));
    let last = first;
    added.push({ createdDate: start, field, from: '', to: first, userId });
    if (rng.chance(0.35)) {
      const other = String(rng.pick(items.filter((item) => String(item) !== first)));
      added.push({ createdDate: second(start + (end - start) * (0.3 + rng.next() * 0.4)), field, from: first, to: other, userId });
      last = other;
    }
    added.push({ createdDate: end, field, from: last, to: '', userId });
  } else {
    const setNow = history.findIndex((h) => h.field === field);
    const current = history[setNow];
    const previous = history[setNow - 1];
    if (!current || !previous || !rng.chance(0.3)) return history;
    const earlier = String(rng.pick(items.filter((item) => String(item) !== current.to)));
    const at = second(previous.createdDate + (current.createdDate - previous.createdDate) * (0.2 + rng.next() * 0.5));
    if (at <= previous.createdDate || at >= current.createdDate) return history;
    added.push({ createdDate: at, field, from: '', to: earlier, userId });
    history[setNow] = { ...current, from: earlier };
  }
  // A stable sort: entries at the same instant keep their order.
  return [...history, ...added].map((h, i) => ({ h, i })).sort((a, b) => a.h.createdDate - b.h.createdDate || a.i - b.i).map(({ h }) => h);
}

function second(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
