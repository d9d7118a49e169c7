/**
 * Issue 12, kill trials at scale: ≥ 100 SIGKILLs of the headless command (bundled once with
 * esbuild, so a trial costs a process start of a tenth of a second, not tsx's compile) during
 * first sync and during flush, a third of them with lost answers (drop-after) armed. Every kill:
 * PRAGMA integrity_check and the store opens; every round: the outbox drains and the emulator
 * holds each edit exactly once. The runner is shared with `npm run bench -- kill-trials` (500).
 * Seeded: PULT_KILL_SEED=<seed> replays a failing run.
 */
import { describe, expect, it } from 'vitest';
import { runKillTrials } from '../../../bench/kill-trials';

const TRIALS = 100;

describe('kill -9 trials at scale', () => {
  it(`${TRIALS} kills during first sync and flush, with lost answers: nothing lost, nothing duplicated, every store intact`, async () => {
    const seed = Number(process.env.PULT_KILL_SEED ?? Date.now() % 1_000_000);
    const report = await runKillTrials({ trials: TRIALS, seed });
    console.info(
      `kill trials: seed ${seed}; ${report.trials} kills (${report.firstSyncTrials} during first sync, ${report.flushTrials} during flush, ` +
        `${report.withLostAnswers} with drop-after armed); lost ${report.lost}, duplicated ${report.duplicated}, integrity failures ${report.integrityFailures}; ${report.seconds} s`,
    );
    expect(report.problems).toEqual([]);
    expect({ lost: report.lost, duplicated: report.duplicated, integrityFailures: report.integrityFailures }).toEqual({ lost: 0, duplicated: 0, integrityFailures: 0 });
    expect(report.trials).toBeGreaterThanOrEqual(TRIALS);
    // The kills landed where they were aimed, and lost answers were part of it.
    expect(report.firstSyncTrials, `seed ${seed}`).toBeGreaterThanOrEqual(25);
    expect(report.flushTrials, `seed ${seed}`).toBeGreaterThanOrEqual(60);
    expect(report.withLostAnswers, `seed ${seed}`).toBeGreaterThanOrEqual(15);
  }, 180_000);
});
