import { COMMENT_TEXTS, DEPT, DESCRIPTIONS, ELAPSED_TEXTS, TITLES } from './demo-data';
import type { GenContext } from './gen-context';
import type { Task } from './model';
import { GROUP_IDS } from './generate-org';
import { openLife } from './open-life';
import { Prng, mixSeed } from './prng';
import { withStopperHistory } from './stopper-history';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** One thing that happened to a task before the portal started. */
interface Step {
  field: string;
  from: string | null;
  to: string | null;
  userId: number;
  text?: string;
  seconds?: number;
}

export interface SimHistory { createdDate: number; field: string; from: string | null; to: string | null; userId: number; commentIndex?: number }
export interface SimComment { postDate: number; authorId: number; message: string }
export interface SimElapsed { createdDate: number; userId: number; seconds: number; commentText: string }

/** The stored task's own fields as a simulated life leaves them (the portal adds the rest). */
export type SimTask = Pick<
  Task,
  | 'title' | 'description' | 'status' | 'priority' | 'groupId' | 'stageId' | 'responsibleId' | 'createdBy' | 'changedBy'
  | 'closedBy' | 'createdDate' | 'changedDate' | 'statusChangedDate' | 'dateStart' | 'closedDate' | 'deadline'
  | 'timeEstimate' | 'taskControl' | 'accomplices' | 'auditors' | 'uf'
>;

export interface Simulation {
  task: SimTask;
  history: SimHistory[];
  comments: SimComment[];
  elapsed: SimElapsed[];
  elapsedSeconds: number;
}

const ESTIMATES = [1.5, 2, 4, 6, 8, 12, 16, 24, 40];
/** Open requests' timing has its own stream, so the rest of a task's life stays as it was. */
const TIMING_SALT = 0x71e5;

function numberString(n: number): string {
  return String(n); // PHP prints doubles without trailing zeros: 8, 12.5
}

/** Replays one task's life from its seed. Pure: the same context and index give the same result. */
export function simulateTask(ctx: GenContext, index: number): Simulation {
  const rng = new Prng(mixSeed(ctx.seed, index + 1));
  const kind = rng.weighted([55, 20, 25]); // 0 service request, 1 incident, 2 change request
  const placement = rng.weighted([45, 35, 8, 12]);
  const groupId = [GROUP_IDS.sdFirstLine, GROUP_IDS.sdDevelopment, GROUP_IDS.internal, 0][placement] ?? 0;
  const dept = placement === 0 ? rng.pick([DEPT.firstLine, DEPT.firstLine, DEPT.firstLine, DEPT.sysadmin, DEPT.sysadmin, DEPT.facilities])
    : placement === 1 ? DEPT.development
    : rng.pick([DEPT.development, DEPT.firstLine, DEPT.sysadmin, DEPT.facilities]);
  const team = ctx.employeesByDept.get(dept) ?? [2];
  const firstLine = ctx.employeesByDept.get(DEPT.firstLine) ?? [2];
  const sd = placement <= 1;
  const company = sd && rng.chance(0.85) ? rng.pick(ctx.companies) : null;
  const createdBy = company && company.extranet.length > 0 && rng.chance(0.7) ? rng.pick(company.extranet) : sd ? rng.pick(firstLine) : rng.pick(team);
  let responsibleId = rng.pick(team);
  const stages = ctx.stagesByGroup.get(groupId);
  const finalStage = rng.weighted([14, 12, 12, 18, 44]);
  // Open work is mostly recent, with a tail of old, stuck tasks (as on a live Service Desk):
  // squaring the draw skews it towards today. Done work spreads over half a year.
  const skew = rng.next() ** 2;
  const ageDays = finalStage === 4 ? 3 + rng.next() * 177 : finalStage === 0 ? 0.02 + skew * 4 : 0.3 + skew * 40;
  let createdDate = Math.floor((ctx.now - ageDays * DAY) / 1000) * 1000;
  const end = finalStage === 4
    ? createdDate + Math.floor((0.1 + rng.next() * 0.8) * (ctx.now - createdDate))
    : Math.max(createdDate + MINUTE, ctx.now - rng.int(5, 600) * MINUTE);
  let priority = kind === 1 ? 2 : rng.chance(0.1) ? 0 : 1;
  const title = rng.pick(TITLES[dept] ?? TITLES[DEPT.firstLine] ?? ['Заявка']);
  const description = rng.pick(DESCRIPTIONS);
  let deadline: number | null = rng.chance(0.6) ? createdDate + rng.int(1, 14) * DAY : null;
  const estimate = kind === 2 ? rng.pick(ESTIMATES) : null;
  const accomplices = rng.chance(0.1) ? [rng.pick(team)].filter((u) => u !== responsibleId) : [];
  const head = ctx.deptHead.get(dept);
  const auditors = head !== undefined && head !== responsibleId && rng.chance(0.2) ? [head] : [];
  const taskControl = rng.chance(0.08);

  const steps: Step[] = [{ field: 'NEW', from: null, to: null, userId: createdBy }];
  const comment = (userId: number, text?: string): void => { steps.push({ field: 'COMMENT', from: null, to: null, userId, text: text ?? rng.pick(COMMENT_TEXTS) }); };
  let stageId = 0;
  let status = 2;
  let stopper: number | null = null;
  let uf: { estimate: number | null } = { estimate: null };
  let stopperStep: number | null = null;
  const moveTo = (stageIndex: number, userId: number): void => {
    const target = stages?.[stageIndex];
    if (target === undefined) return;
    steps.push({ field: 'STAGE_ID', from: String(stageId), to: String(target), userId });
    stageId = target;
  };
  const setStatus = (to: number, userId: number): void => {
    steps.push({ field: 'STATUS', from: String(status), to: String(to), userId });
    status = to;
  };
  const clientSide = company && company.extranet.includes(createdBy) ? createdBy : rng.pick(firstLine);

  if (rng.chance(0.4)) comment(createdBy);
  if (finalStage === 0 && stages && rng.chance(0.5)) moveTo(0, rng.pick(firstLine));
  if (finalStage >= 1) {
    moveTo(1, rng.pick(firstLine));
    comment(responsibleId, 'Уточните, пожалуйста, детали: когда проблема появилась впервые?');
    if (rng.chance(0.6)) comment(clientSide);
    if (estimate !== null) {
      steps.push({ field: ctx.fields.estimate, from: null, to: numberString(estimate), userId: responsibleId });
      steps.push({ field: 'TIME_ESTIMATE', from: '0', to: String(estimate * 3600), userId: responsibleId });
      uf = { estimate };
    }
  }
  if (finalStage >= 2) {
    moveTo(2, rng.pick(firstLine));
    if (rng.chance(0.1)) { steps.push({ field: 'PRIORITY', from: String(priority), to: '2', userId: responsibleId }); priority = 2; }
    if (rng.chance(0.15)) {
      const other = rng.pick(team);
      if (other !== responsibleId) { steps.push({ field: 'RESPONSIBLE_ID', from: String(responsibleId), to: String(other), userId: rng.pick(firstLine) }); responsibleId = other; }
    }
  }
  let deadlineStep: Step | null = null;
  let firstDeadline = deadline;
  if (deadline !== null && rng.chance(0.2)) {
    const moved = deadline + rng.int(1, 7) * DAY;
    deadlineStep = { field: 'DEADLINE', from: String(deadline / 1000), to: String(moved / 1000), userId: responsibleId };
    steps.push(deadlineStep);
    deadline = moved;
  }
  if (finalStage >= 3) {
    moveTo(3, responsibleId);
    setStatus(3, responsibleId);
    let spent = 0;
    const records = rng.int(1, 3);
    for (let i = 0; i < records; i++) {
      const seconds = rng.int(1, 16) * 900;
      steps.push({ field: 'TIME_SPENT_IN_LOGS', from: String(spent), to: String(spent + seconds), userId: responsibleId, seconds, text: rng.pick(ELAPSED_TEXTS) });
      spent += seconds;
    }
    if (rng.chance(0.5)) comment(responsibleId);
  }
  if (finalStage === 4) {
    setStatus(5, responsibleId);
    moveTo(4, responsibleId);
    if (rng.chance(0.5)) comment(clientSide, 'Проверили — всё работает, спасибо!');
  } else if (finalStage === 3 && taskControl && rng.chance(0.5)) {
    setStatus(4, responsibleId);
  } else if (finalStage === 3 && rng.chance(0.2)) {
    setStatus(2, responsibleId);
  } else if ((finalStage === 1 || finalStage === 2) && rng.chance(0.3)) {
    stopper = rng.pick(ctx.stopperItems);
    stopperStep = steps.length;
    steps.push({ field: ctx.fields.stopper, from: '', to: String(stopper), userId: responsibleId });
    if (rng.chance(0.15)) setStatus(6, responsibleId);
  }

  // Done work: the steps spread over [createdDate, end]; the first step is the creation itself.
  // Open work: timed like a desk that keeps up (see open-life.ts), its deadline moved along.
  let instants: number[];
  if (finalStage === 4) {
    const times = steps.map((_, i) => (i === 0 ? 0 : rng.next())).sort((a, b) => a - b);
    instants = times.map((f) => Math.floor((createdDate + f * (end - createdDate)) / 1000) * 1000);
  } else {
    const firstStage = stages?.[0];
    const takeUp = steps.findIndex((s) => s.field === 'STAGE_ID' && s.to !== String(firstStage));
    const life = openLife(new Prng(mixSeed(ctx.seed ^ TIMING_SALT, index + 1)), {
      now: ctx.now,
      utcOffsetMinutes: ctx.utcOffsetMinutes,
      kind: priority === 2 ? 'incident' : uf.estimate !== null ? 'change' : 'service',
      stepCount: steps.length,
      takeUpStep: takeUp > 0 ? takeUp : null,
      recentFrom: stopperStep,
    });
    instants = life.times;
    if (deadline !== null && firstDeadline !== null) {
      // Deadlines keep their distance from creation; an on-time request's lies ahead of today.
      const ahead = life.onTime ? Math.ceil((ctx.now - life.createdDate) / DAY) * DAY : 0;
      const shift = life.createdDate - createdDate + ahead;
      firstDeadline += shift;
      deadline += shift;
      if (deadlineStep) Object.assign(deadlineStep, { from: String(firstDeadline / 1000), to: String(deadline / 1000) });
    }
    createdDate = life.createdDate;
  }
  const history: SimHistory[] = [];
  const comments: SimComment[] = [];
  const elapsed: SimElapsed[] = [];
  let changedDate = createdDate;
  let changedBy = createdBy;
  let statusChangedDate = createdDate;
  let dateStart: number | null = null;
  let closedDate: number | null = null;
  let closedBy: number | null = null;
  let elapsedSeconds = 0;
  steps.forEach((step, i) => {
    const at = instants[i] ?? createdDate;
    changedDate = at;
    changedBy = step.userId;
    if (step.field === 'COMMENT') {
      comments.push({ postDate: at, authorId: step.userId, message: step.text ?? '' });
      history.push({ createdDate: at, field: 'COMMENT', from: null, to: null, userId: step.userId, commentIndex: comments.length - 1 });
      return;
    }
    if (step.field === 'TIME_SPENT_IN_LOGS' && step.seconds !== undefined) {
      elapsed.push({ createdDate: at, userId: step.userId, seconds: step.seconds, commentText: step.text ?? '' });
      elapsedSeconds += step.seconds;
    }
    if (step.field === 'STATUS') {
      statusChangedDate = at;
      if (step.to === '3' && dateStart === null) dateStart = at;
      if (step.to === '5') { closedDate = at; closedBy = step.userId; }
    }
    history.push({ createdDate: at, field: step.field, from: step.from, to: step.to, userId: step.userId });
  });

  const typeItem = sd ? ctx.typeItemByDept.get(dept) ?? null : null;
  const logged = withStopperHistory(history, { seed: ctx.seed, index, field: ctx.fields.stopper, items: ctx.stopperItems, done: finalStage === 4, userId: responsibleId });
  return {
    task: {
      title, description, status, priority, groupId, stageId, responsibleId, createdBy, changedBy, closedBy,
      createdDate, changedDate, statusChangedDate, dateStart, closedDate, deadline,
      timeEstimate: estimate !== null ? estimate * 3600 : 0, taskControl, accomplices, auditors,
      uf: {
        UF_CRM_TASK: company ? [`CO_${company.id}`] : [],
        [ctx.fields.type]: typeItem,
        [ctx.fields.stopper]: stopper,
        [ctx.fields.estimate]: uf.estimate,
      },
    },
    history: logged, comments, elapsed, elapsedSeconds,
  };
}
