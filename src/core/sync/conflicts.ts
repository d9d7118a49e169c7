/**
 * Conflict rules. A field someone else changed since the edit was made is a conflict the user
 * settles; other fields merge. For moves, the later move wins and the agent is told.
 */
import type { Task } from '../domain/model';
import type { Intent, TaskFieldPatch } from './intents';
import { applyFieldPatch } from './rebase';

/** The server's current value of one portal field, in patch form, for comparison. */
export function currentFieldValue(task: Task, field: string): TaskFieldPatch[string] {
  switch (field) {
    case 'TITLE':
      return task.title;
    case 'DESCRIPTION':
      return task.description;
    case 'PRIORITY':
      return String(task.priority);
    case 'DEADLINE':
      return task.deadline === null ? null : String(task.deadline);
    case 'RESPONSIBLE_ID':
      return task.responsibleId;
    case 'TIME_ESTIMATE':
      return String(task.timeEstimateSeconds);
    case 'STAGE_ID':
      return task.stageId;
    case 'UF_CRM_TASK':
      return task.crmLinks.length ? [...task.crmLinks] : null;
    default:
      return task.userFields[field] ?? null;
  }
}

export function baseValuesFor(task: Task, fields: readonly string[]): TaskFieldPatch {
  const base: TaskFieldPatch = {};
  for (const field of fields) base[field] = currentFieldValue(task, field);
  return base;
}

function same(a: TaskFieldPatch[string], b: TaskFieldPatch[string]): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Compares in the server's representation (dates as ms), so "2026-02-01T18:00+03:00" equals its ms. */
function normalised(task: Task, field: string, value: TaskFieldPatch[string]): TaskFieldPatch[string] {
  return currentFieldValue(applyFieldPatch(task, { [field]: value }), field);
}

export interface FieldSplit {
  /** Fields nobody else touched, or touched to the same value: send them. */
  clean: TaskFieldPatch;
  /** Fields changed on the portal since the edit's base, to something else: ask the user. */
  conflicting: TaskFieldPatch;
}

export function splitFieldConflicts(intent: Intent, fields: TaskFieldPatch, server: Task): FieldSplit {
  const clean: TaskFieldPatch = {};
  const conflicting: TaskFieldPatch = {};
  for (const [field, mine] of Object.entries(fields)) {
    const base = intent.baseValues?.[field];
    const theirs = currentFieldValue(server, field);
    const changedRemotely = intent.baseValues !== null && field in intent.baseValues && !same(base ?? null, theirs);
    if (changedRemotely && !same(normalised(server, field, mine), theirs)) conflicting[field] = mine;
    else clean[field] = mine;
  }
  return { clean, conflicting };
}

export type MoveDecision = 'send' | 'already-there' | 'remote-wins' | 'mine-wins';

/** A card moved on the portal while it was moved offline: the later move wins. */
export function decideMove(intent: Intent, stageId: string, server: Task): MoveDecision {
  if (server.stageId === stageId) return 'already-there';
  const baseStage = intent.baseValues?.STAGE_ID;
  if (baseStage === undefined || baseStage === server.stageId) return 'send';
  return server.changedAt > intent.createdAt ? 'remote-wins' : 'mine-wins';
}
