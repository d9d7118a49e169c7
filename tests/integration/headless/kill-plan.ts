/**
 * The edits of the kill trials and the checks that they reached the portal exactly once.
 * Every text, title and clientId carries the seed and the round, so a duplicate cannot hide
 * behind an earlier round's copy.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { EmulatorHandle } from '../../../src/bitrix-emulator/index';
import type { IntentPayload } from '../../../src/core/sync/intents';
import { portalComments, portalTasks, portalTimeRecords, type PortalTask } from './support';

export interface PoolTask {
  id: string;
  groupId: string;
}

export interface EditPlan {
  file: string;
  hash: string;
  entries: IntentPayload[];
  stageOf: Map<string, string>;
  fieldsOf: Map<string, { title?: string; priority?: string }>;
  comments: { taskId: string; text: string }[];
  times: { taskId: string; comment: string }[];
  clientIds: string[];
}

function emptyPlan(file: string): EditPlan {
  return { file, hash: '', entries: [], stageOf: new Map(), fieldsOf: new Map(), comments: [], times: [], clientIds: [] };
}

function save(plan: EditPlan): EditPlan {
  const bytes = `${JSON.stringify(plan.entries, null, 1)}\n`;
  writeFileSync(plan.file, bytes);
  return { ...plan, hash: createHash('sha256').update(bytes).digest('hex') };
}

function setField(plan: EditPlan, taskId: string, patch: { title?: string; priority?: string }): void {
  plan.fieldsOf.set(taskId, { ...plan.fieldsOf.get(taskId), ...patch });
}

/** Absolute writes only: safe to resend from a fresh database in every first-sync trial. */
export function firstSyncPlan(file: string, tasks: readonly PoolTask[], stages: Map<string, string[]>, seed: number): EditPlan {
  const plan = emptyPlan(file);
  tasks.forEach((task, i) => {
    const groupStages = stages.get(task.groupId)!;
    const stageId = groupStages[(i + 2) % groupStages.length]!;
    const title = `kill A s${seed} t${task.id}`;
    plan.entries.push({ name: 'moveCard', taskId: task.id, stageId }, { name: 'updateFields', taskId: task.id, fields: { TITLE: title, PRIORITY: '2' } });
    plan.stageOf.set(task.id, stageId);
    setField(plan, task.id, { title, priority: '2' });
  });
  return save(plan);
}

/**
 * One round of the flush trials across 30 tasks: a move per task, titles, priorities, comments,
 * time records and creates. One edit per task and field, so the last value is unambiguous.
 */
export function flushPlan(file: string, tasks: readonly PoolTask[], stages: Map<string, string[]>, seed: number, round: number): EditPlan {
  const plan = emptyPlan(file);
  const tag = `s${seed} r${round}`;
  for (let c = 0; c < 6; c++) {
    const clientId = `kill-s${seed}-r${round}-c${c}`;
    plan.entries.push({ name: 'createTask', clientId, groupId: tasks[c % 2]!.groupId, title: `kill create ${tag} #${c}` });
    plan.clientIds.push(clientId);
  }
  tasks.forEach((task, i) => {
    const groupStages = stages.get(task.groupId)!;
    const stageId = groupStages[(round + i + 1) % groupStages.length]!;
    plan.entries.push({ name: 'moveCard', taskId: task.id, stageId });
    plan.stageOf.set(task.id, stageId);
    if (i < 15) {
      const title = `kill title ${tag} t${task.id}`;
      plan.entries.push({ name: 'updateFields', taskId: task.id, fields: { TITLE: title } });
      setField(plan, task.id, { title });
    }
    if (i >= 10 && i < 25) {
      const priority = String((round + i) % 3);
      plan.entries.push({ name: 'updateFields', taskId: task.id, fields: { PRIORITY: priority } });
      setField(plan, task.id, { priority });
    }
    if (i < 10) {
      const text = `kill comment ${tag} t${task.id}`;
      plan.entries.push({ name: 'addComment', taskId: task.id, text });
      plan.comments.push({ taskId: task.id, text });
    }
    if (i >= 20 && i < 28) {
      const comment = `kill time ${tag} t${task.id}`;
      plan.entries.push({ name: 'logTime', taskId: task.id, seconds: 60 * (1 + (i % 5)), comment });
      plan.times.push({ taskId: task.id, comment });
    }
  });
  return save(plan);
}

/** Every move's stage and every field value of the plan is on the portal. */
export async function expectAbsoluteWritesOnPortal(emulator: EmulatorHandle, plan: EditPlan, context: string): Promise<void> {
  const ids = [...new Set([...plan.stageOf.keys(), ...plan.fieldsOf.keys()])];
  const byId = new Map<string, PortalTask>((await portalTasks(emulator, { ID: ids })).map((t) => [t.id, t]));
  for (const [taskId, stageId] of plan.stageOf) expect(byId.get(taskId)?.stageId, `${context}: stage of task ${taskId}`).toBe(stageId);
  for (const [taskId, fields] of plan.fieldsOf) {
    if (fields.title !== undefined) expect(byId.get(taskId)?.title, `${context}: title of task ${taskId}`).toBe(fields.title);
    if (fields.priority !== undefined) expect(byId.get(taskId)?.priority, `${context}: priority of task ${taskId}`).toBe(fields.priority);
  }
}

function countOf(values: readonly string[], wanted: string): number {
  return values.filter((v) => v === wanted).length;
}

/** Each create, comment and time record of every plan exists on the portal exactly once. */
export async function expectAppendsExactlyOnce(emulator: EmulatorHandle, plans: readonly EditPlan[], groupIds: readonly string[], firstNewId: number, context: string): Promise<{ creates: number; comments: number; times: number }> {
  const created = await portalTasks(emulator, { GROUP_ID: [...groupIds], '>=ID': firstNewId });
  const markers = created.map((t) => t.xmlId ?? '');
  const commentCache = new Map<string, string[]>();
  const timeCache = new Map<string, string[]>();
  const totals = { creates: 0, comments: 0, times: 0 };
  for (const plan of plans) {
    for (const clientId of plan.clientIds) expect(countOf(markers, `pult:${clientId}`), `${context}: tasks created for ${clientId}`).toBe(1);
    for (const { taskId, text } of plan.comments) {
      if (!commentCache.has(taskId)) commentCache.set(taskId, await portalComments(emulator, taskId));
      expect(countOf(commentCache.get(taskId)!, text), `${context}: copies of "${text}"`).toBe(1);
    }
    for (const { taskId, comment } of plan.times) {
      if (!timeCache.has(taskId)) timeCache.set(taskId, await portalTimeRecords(emulator, taskId));
      expect(countOf(timeCache.get(taskId)!, comment), `${context}: copies of time record "${comment}"`).toBe(1);
    }
    totals.creates += plan.clientIds.length;
    totals.comments += plan.comments.length;
    totals.times += plan.times.length;
  }
  // Nothing else was created: every new task is one of ours.
  expect(created.length, `${context}: tasks created on the portal`).toBe(totals.creates);
  return totals;
}
