/**
 * `--board <groupId>`: the board as the console computes it (card kinds, LU/WIA, forgotten, SLA)
 * from the local store with the portal's clock, as one JSON line. Rules come from a team settings
 * file (`--settings`) or, without one, from the defaults with stage roles and Service Desk fields
 * guessed from the portal, as the first-run screen proposes them.
 */
import { readFileSync } from 'node:fs';
import { buildBoard } from '../../core/domain/board';
import { defaultSettings, type Settings } from '../../core/domain/settings';
import { readSettingsJson } from '../../core/domain/settings-io';
import { guessStageRoles } from '../../core/domain/stage-roles';
import { detectServiceDeskFields } from '../../core/domain/field-mapping';
import type { HistoryEntry } from '../../core/domain/model';
import type { SyncEngine } from '../../core/sync/engine';
import type { SyncStore } from '../../core/sync/store';

export class BoardSettingsError extends Error {}

export function readBoardSettings(file: string | null): Settings {
  if (file === null) return defaultSettings();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BoardSettingsError(`cannot read --settings ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = readSettingsJson(text);
  if (!result.ok) throw new BoardSettingsError(`--settings ${file} is invalid: ${result.error}`);
  return result.settings;
}

/** Fills what the file leaves open from the portal: stage roles, field mapping, time zone. */
export function effectiveSettings(base: Settings, store: SyncStore, groupId: string, portalOffsetMinutes: number, fromFile: boolean): Settings {
  const stages = store.stagesByGroup(groupId);
  const guessed = guessStageRoles(stages, base.stageRoleOverrides);
  const detected = detectServiceDeskFields(store.userFields()).mapping;
  return {
    ...base,
    stageRoles: { ...guessed, ...base.stageRoles },
    fields: { type: base.fields.type ?? detected.type, blocker: base.fields.blocker ?? detected.blocker, estimate: base.fields.estimate ?? detected.estimate },
    calendar: fromFile ? base.calendar : { ...base.calendar, utcOffsetMinutes: portalOffsetMinutes },
  };
}

function isoWithOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function boardLine(engine: SyncEngine, store: SyncStore, groupId: string, settings: Settings): string {
  const tasks = engine.view(groupId);
  const historyByTask = new Map<string, HistoryEntry[]>(tasks.map((t) => [t.id, store.historyByTask(t.id)]));
  const now = engine.portalClock.now();
  const columns = buildBoard({ tasks, stages: store.stagesByGroup(groupId), settings, historyByTask, users: store.users(), now }).filter((c) => c.groupId === groupId);
  return JSON.stringify({
    board: {
      groupId,
      now: isoWithOffset(now, settings.calendar.utcOffsetMinutes),
      columns: columns.map((c) => ({ stageId: c.stageId, title: c.title, role: c.role, cards: c.cards })),
    },
  });
}
