/**
 * The demo must look like a working desk, not a fire: measured with the client's own rules (the
 * board's SLA and forgotten verdicts) on the demo portal as `npm start` seeds it, synced through
 * the client, at several start clocks (a weekday morning and evening, a Monday, a Sunday).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../../src/bitrix-emulator/index';
import { createClock } from '../../../src/bitrix-emulator/clock';
import { buildBoard } from '../../../src/core/domain/board';
import { defaultSettings, type Settings } from '../../../src/core/domain/settings';
import { guessStageRoles } from '../../../src/core/domain/stage-roles';
import { detectServiceDeskFields } from '../../../src/core/domain/field-mapping';
import { slaStatus } from '../../../src/core/domain/sla';
import { createStageMap } from '../../../src/core/domain/stage-map';
import { isTaskDone } from '../../../src/core/domain/task-timeline';
import { TaskStatus, type HistoryEntry } from '../../../src/core/domain/model';
import { engineFor, type EngineRig } from '../sync/support';

/** What the demo starts with (src/node/demo/demo-portal.ts). */
const DEMO = { seed: 1, tasks: 600 };

const STARTS: Record<string, string> = {
  'a Tuesday at 11:00': '2026-03-17T11:00:00+03:00',
  'a Friday at 17:30': '2026-03-20T17:30:00+03:00',
  'a Sunday afternoon': '2026-03-22T14:00:00+03:00',
  'a Monday at 09:20': '2026-03-23T09:20:00+03:00',
};

interface Calibration {
  open: number;
  breached: number;
  risk: number;
  forgotten: number;
  /** Breached by more than the whole target again (used > 2× target). */
  badlyBreached: number;
}

const running: { emulator: EmulatorHandle; rig: EngineRig }[] = [];
afterAll(async () => {
  for (const { emulator, rig } of running) {
    rig.close();
    await emulator.close();
  }
});

async function measure(startIso: string): Promise<Calibration> {
  const clock = createClock((Date.parse(startIso) - Date.now()) / 1000);
  const emulator = await startEmulator({ port: 0, ...DEMO, profile: 'box', clock });
  const rig = engineFor(emulator, { historyWanted: (task) => task.status !== TaskStatus.Completed });
  running.push({ emulator, rig });
  // The first cycle reads the tasks; the next ones catch up their history (SLA reaction, stoppers).
  for (let cycle = 0; cycle < 20; cycle++) await rig.engine.runCycle();
  const result: Calibration = { open: 0, breached: 0, risk: 0, forgotten: 0, badlyBreached: 0 };
  for (const group of emulator.groups) {
    const stages = rig.store.stagesByGroup(group.id);
    const settings: Settings = {
      ...defaultSettings(),
      groupIds: emulator.groups.map((g) => g.id),
      stageRoles: guessStageRoles(stages),
      fields: detectServiceDeskFields(rig.store.userFields()).mapping,
    };
    const tasks = rig.engine.view(group.id);
    const historyByTask = new Map<string, HistoryEntry[]>(tasks.map((t) => [t.id, rig.store.historyByTask(t.id)]));
    const now = clock.now();
    const map = createStageMap(stages, settings.stageRoles);
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const columns = buildBoard({ tasks, stages, settings, historyByTask, users: rig.store.users(), now }).filter((c) => c.groupId === group.id);
    for (const card of columns.flatMap((c) => c.cards)) {
      const task = byId.get(card.id)!;
      if (isTaskDone(task, map)) continue;
      expect(rig.store.historyByTask(task.id).length).toBeGreaterThan(0);
      result.open += 1;
      if (card.forgotten) result.forgotten += 1;
      if (card.sla === 'risk') result.risk += 1;
      if (card.sla === 'breached') {
        result.breached += 1;
        const sla = slaStatus(task, card.kind, historyByTask.get(card.id) ?? [], map, settings, now);
        const worst = [sla.reaction, sla.resolution].some((m) => m.state === 'breached' && m.targetSeconds !== null && m.usedSeconds > 2 * m.targetSeconds);
        if (worst) result.badlyBreached += 1;
      }
    }
  }
  return result;
}

describe('the demo portal is calibrated like a working desk', () => {
  for (const [label, iso] of Object.entries(STARTS)) {
    it(`started on ${label}: at most 15 % of open tasks SLA-breached, 3–8 % forgotten, and the worst still there`, async () => {
      const c = await measure(iso);
      expect(c.open).toBeGreaterThan(150);
      expect(c.breached / c.open).toBeLessThanOrEqual(0.15);
      expect(c.breached).toBeGreaterThanOrEqual(3);
      expect(c.badlyBreached).toBeGreaterThanOrEqual(1);
      expect(c.risk).toBeGreaterThanOrEqual(1);
      expect(c.forgotten / c.open).toBeGreaterThanOrEqual(0.03);
      expect(c.forgotten / c.open).toBeLessThanOrEqual(0.08);
    }, 120_000);
  }
});
