/**
 * The sync engine: pull, flush, pull, on a schedule that keeps an idle client within 4 requests
 * a minute; an edit is an intent written durably before the UI calls it queued.
 */
import { ExtrasBacklog } from './extras-backlog';
import { isRetryableFailure } from '../failure';
import { cancelSource, type Clock, type Logger, type Random } from '../ports';
import type { Intent, IntentPayload } from './intents';
import { portalErrorKind, SyncCycleError, type Identity, type PortalGateway } from './portal-port';
import type { SyncStore } from './store';
import type { NetworkProbe, SyncNotice, SyncStatus } from './status';
import { applyOfflineEvents, deltaPoll, EXTRAS_BUDGET_MS, firstSync, hasFirstSync, reconcile, refreshDirectory, syncTaskExtras, type PullContext } from './pull';
import type { Task } from '../domain/model';
import { flushOutbox, retryDelayMs } from './flush';
import { intentTaskIds, localTaskId, rebase, type BoardTask } from './rebase';
import { ChangeCollector, type SyncChange } from './changes';
import { readPortalFacts, writePortalFacts, type PortalFacts } from './portal-facts';

/** How far the saved "last synced" time may lag behind the real one. */
const FACTS_SYNC_TIME_STEP_MS = 60_000;
import { baseValuesFor } from './conflicts';

export interface SyncSchedule {
  /** Poll interval while a window is visible (15 s: 4 requests a minute at most). */
  visibleMs: number;
  /** Poll interval when every window is hidden. */
  backgroundMs: number;
  /** Every n-th tick reconciles IDs instead of the delta poll (same single request when quiet). */
  reconcileEvery: number;
  /** With offline events, every n-th tick confirms with a delta poll. */
  confirmEvery: number;
  /** Re-measure the portal clock this often. */
  clockCheckMs: number;
}

/** The pause between two budgets of a backlog of extras read between polls. */
export const EXTRAS_CATCH_UP_PAUSE_MS = 1_000;

export const DEFAULT_SCHEDULE: SyncSchedule = { visibleMs: 15_000, backgroundMs: 60_000, reconcileEvery: 20, confirmEvery: 10, clockCheckMs: 30 * 60_000 };

export interface SyncEngineOptions {
  store: SyncStore;
  portal: PortalGateway;
  /** The workstation clock; the engine derives portal time from it. */
  clock: Clock;
  random: Random;
  groupIds: readonly string[];
  /** Offline events can be used (OAuth); they are, when the user also is a portal admin. */
  offlineEventsPossible: boolean;
  network?: NetworkProbe;
  logger?: Logger;
  /** Tasks whose history the board needs (e.g. open ones); none when absent. */
  historyWanted?: (task: Task) => boolean;
  schedule?: Partial<SyncSchedule>;
}

type Listener<T> = (value: T) => void;

/** Smaller moves of the measured portal clock are measurement noise, not worth telling the windows. */
const CLOCK_MOVE_MS = 1_000;

export class SyncEngine {
  private readonly schedule: SyncSchedule;
  private offsetMs = 0;
  private clockCheckedAt = -Infinity;
  private identity: Identity | null = null;
  private identityConfirmed = false;
  /** Whether the offline queue records the task events for this session. */
  private offlineEvents: 'unchecked' | 'bound' | 'refused' = 'unchecked';
  /** The next pull polls the portal even where offline events would do. */
  private pollNow = false;
  private utcOffsetMinutes: number | null = null;
  private savedFacts: PortalFacts | null = null;
  private tick = 0;
  private running = false;
  private visible = true;
  private wake: (() => void) | null = null;
  private cycle: Promise<void> | null = null;
  private failures = 0;
  /** Attempts in a row that reached no portal (retries included), for `noteAttempt`. */
  private unanswered = 0;
  private status: SyncStatus = { connectivity: 'online', queued: 0, failed: 0, conflicts: 0, lastSyncAt: null, firstSync: null, lastError: null };
  private readonly statusListeners = new Set<Listener<SyncStatus>>();
  private readonly noticeListeners = new Set<Listener<SyncNotice>>();
  private readonly changeListeners = new Set<Listener<SyncChange>>();
  private readonly changes = new ChangeCollector();
  /** Tasks whose extras may be due: the store is scanned once, then only what changes names. */
  private readonly extrasBacklog = new ExtrasBacklog();
  /** Tasks whose extras the last read left for later (a first sync's backlog): read between polls. */
  private extrasLeft = 0;
  private catchUp: Promise<void> | null = null;
  private readonly clockListeners = new Set<Listener<number>>();
  /** What each queued intent looked like when last published, to tell which ones changed. */
  private outboxSeen = new Map<number, { fingerprint: string; taskIds: string[] }>();

  /** Portal time: the workstation clock corrected by the offset measured with server.time. */
  readonly portalClock: Clock;

  constructor(private readonly options: SyncEngineOptions) {
    this.schedule = { ...DEFAULT_SCHEDULE, ...options.schedule };
    // Until the portal answers (or when it cannot), what the last session learnt holds.
    const facts = readPortalFacts(options.store);
    this.savedFacts = facts;
    this.identity = facts.identity;
    this.offsetMs = facts.clockOffsetMs;
    this.utcOffsetMinutes = facts.utcOffsetMinutes;
    this.status.lastSyncAt = facts.lastSyncAt;
    this.portalClock = { now: () => options.clock.now() + this.offsetMs, sleep: (ms) => options.clock.sleep(ms) };
    this.noteOutbox();
    this.changes.take();
  }

  private get pullContext(): PullContext {
    return { store: this.options.store, portal: this.options.portal, groupIds: this.options.groupIds, changes: this.changes };
  }

  onStatus(listener: Listener<SyncStatus>): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }
  onNotice(listener: Listener<SyncNotice>): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }
  /** What changed in the store (a pull wrote tasks, or the outbox changed); never called when nothing did. */
  onChange(listener: Listener<SyncChange>): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  getStatus(): SyncStatus {
    return { ...this.status };
  }

  currentUser(): Identity | null {
    return this.identity;
  }

  /** The portal's UTC offset in minutes: as server.time last said, in this session or a past one. */
  portalUtcOffsetMinutes(): number {
    return this.utcOffsetMinutes ?? this.options.portal.portalOffsetMinutes();
  }

  /**
   * Keeps what a restart without the portal needs. Written when it changes, but the sync time at
   * most once a minute (the status bar shows minutes): a quiet cycle does not write the store.
   */
  private saveFacts(): void {
    const facts = { identity: this.identity, clockOffsetMs: this.offsetMs, utcOffsetMinutes: this.utcOffsetMinutes, lastSyncAt: this.status.lastSyncAt };
    const saved = this.savedFacts;
    const same = saved !== null && JSON.stringify({ ...saved, lastSyncAt: null }) === JSON.stringify({ ...facts, lastSyncAt: null });
    if (same && saved.lastSyncAt !== null && facts.lastSyncAt !== null && facts.lastSyncAt - saved.lastSyncAt < FACTS_SYNC_TIME_STEP_MS) return;
    writePortalFacts(this.options.store, facts);
    this.savedFacts = facts;
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const listener of this.statusListeners) listener(this.getStatus());
  }

  /** A portal clock that moved (an admin set it, or this workstation's drifted) is told to the windows. */
  onPortalClock(listener: Listener<number>): () => void {
    this.clockListeners.add(listener);
    return () => this.clockListeners.delete(listener);
  }

  private setOffset(offsetMs: number): void {
    const moved = Math.abs(offsetMs - this.offsetMs) >= CLOCK_MOVE_MS;
    this.offsetMs = offsetMs;
    if (moved) for (const listener of this.clockListeners) listener(offsetMs);
  }

  /** Publishes what changed since the last time, if anything did. */
  private changed(): void {
    this.noteOutbox();
    const change = this.changes.take();
    if (!change) return;
    this.extrasBacklog.note(change);
    for (const listener of this.changeListeners) listener(change);
  }

  /** Notes the intents that appeared, changed or left since the last look, and refreshes the counts. */
  private noteOutbox(): void {
    const intents = this.options.store.listIntents();
    const next = new Map<number, { fingerprint: string; taskIds: string[] }>();
    const touched: string[] = [];
    let differs = false;
    for (const intent of intents) {
      const fingerprint = JSON.stringify([intent.state, intent.attempts, intent.lastError, intent.lastErrorCode, intent.lastFailure, intent.resultTaskId, intent.payload]);
      const payload = intent.payload;
      const taskIds = payload.name === 'createTask' ? [localTaskId(payload.clientId), ...(intent.resultTaskId ? [intent.resultTaskId] : [])] : [payload.taskId];
      next.set(intent.seq, { fingerprint, taskIds });
      const before = this.outboxSeen.get(intent.seq);
      if (before?.fingerprint !== fingerprint) {
        differs = true;
        touched.push(...taskIds, ...(before?.taskIds ?? []));
      }
    }
    for (const [seq, before] of this.outboxSeen) {
      if (next.has(seq)) continue;
      differs = true;
      touched.push(...before.taskIds);
    }
    this.outboxSeen = next;
    if (differs) this.changes.outbox(touched);
    const counts = { queued: 0, failed: 0, conflicts: 0 };
    for (const intent of intents) {
      if (intent.state === 'failed') counts.failed++;
      else if (intent.state === 'conflict') counts.conflicts++;
      else counts.queued++;
    }
    if (counts.queued !== this.status.queued || counts.failed !== this.status.failed || counts.conflicts !== this.status.conflicts) this.setStatus(counts);
  }

  /** The board of one group: server state with the outbox replayed over it. */
  /**
   * A group's tasks as the user sees them (queued edits applied). `closedSince` leaves out tasks
   * finished before it (portal time), except those with edits queued: a board needs no more.
   */
  view(groupId: string, closedSince?: number): BoardTask[] {
    const intents = this.options.store.listIntents();
    const userId = this.identity?.userId ?? '';
    const tasks = closedSince === undefined ? this.options.store.tasksByGroup(groupId) : this.options.store.tasksByGroup(groupId, { closedSince, keepIds: intentTaskIds(intents) });
    return rebase(tasks, intents, userId).filter((task) => task.groupId === groupId);
  }

  /** Records an edit durably and schedules a send; the returned intent is already queued. */
  enqueue(payload: IntentPayload): Intent {
    const { store } = this.options;
    const task = 'taskId' in payload ? store.getTask(payload.taskId) : null;
    // The base is what the user saw: the server state with their own earlier edits replayed, so a
    // second edit of the same field is never taken for someone else's change.
    const seen = task ? (this.view(task.groupId).find((card) => card.id === task.id) ?? task) : null;
    let baseValues = null;
    if (seen && payload.name === 'updateFields') baseValues = baseValuesFor(seen, Object.keys(payload.fields));
    if (seen && payload.name === 'moveCard') baseValues = { STAGE_ID: seen.stageId };
    const normalised: IntentPayload =
      payload.name === 'createTask' && !payload.responsibleId && this.identity ? { ...payload, responsibleId: this.identity.userId } : payload;
    const intent = store.addIntent({ payload: normalised, baseChangedAt: task?.changedAt ?? null, baseValues, createdAt: this.portalClock.now() });
    this.changed();
    this.nudge();
    return intent;
  }

  retry(seq: number): void {
    this.options.store.updateIntent(seq, { state: 'queued', nextAttemptAt: 0, lastError: null, lastErrorCode: null, lastFailure: null });
    this.changed();
    this.nudge();
  }

  discard(seq: number): void {
    this.options.store.removeIntent(seq);
    this.changed();
  }

  /** Keep mine: resend over the portal's current values. Take theirs: drop my edit. */
  resolveConflict(seq: number, choice: 'mine' | 'theirs'): void {
    const { store } = this.options;
    const intent = store.listIntents().find((i) => i.seq === seq);
    if (!intent || intent.state !== 'conflict') return;
    if (choice === 'theirs') {
      store.removeIntent(seq);
    } else {
      // The edit is re-based on what the portal has now, so it no longer conflicts.
      store.transaction(() => {
        store.removeIntent(seq);
        const task = 'taskId' in intent.payload ? store.getTask(intent.payload.taskId) : null;
        const baseValues = task && intent.payload.name === 'updateFields' ? baseValuesFor(task, Object.keys(intent.payload.fields)) : null;
        store.addIntent({ payload: intent.payload, baseChangedAt: task?.changedAt ?? null, baseValues, createdAt: this.portalClock.now() });
      });
    }
    this.changed();
    this.nudge();
  }

  /**
   * Told by the REST client after every attempt. Two attempts in a row without an answer (a lone
   * reset of a reused connection is retried unseen) say "no connection" at once, while the
   * client still retries: a portal that went away shows within one poll, not after the backoff;
   * one answer says it is back.
   */
  noteAttempt(outcome: 'answered' | 'unreachable'): void {
    if (outcome === 'answered') {
      this.unanswered = 0;
      // The portal is back as soon as it answers, not when the cycle that met it ends: the first
      // cycle after an outage (a reconcile of every task's ID) can take many seconds on a big
      // portal, and "unreachable" on screen all that while is false. A signed-out state stays.
      if (this.status.connectivity === 'portal-unreachable' || this.status.connectivity === 'offline') this.setStatus({ connectivity: 'online', lastError: null });
      return;
    }
    this.unanswered++;
    if (this.unanswered < 2 || this.status.connectivity !== 'online') return;
    const offline = this.options.network ? !this.options.network.isOnline() : false;
    this.setStatus({ connectivity: offline ? 'offline' : 'portal-unreachable' });
  }

  setVisible(visible: boolean): void {
    const wasHidden = !this.visible;
    this.visible = visible;
    if (visible && wasHidden) this.nudge();
  }

  /** Measures the portal's clock again in the next cycle ("sync now": the portal's time may have moved). */
  recheckClock(): void {
    this.clockCheckedAt = -Infinity;
  }

  /**
   * «Синхронизировать сейчас»: a whole cycle at once that polls the portal itself (not only the
   * offline queue) and checks its clock, after the cycle under way if there is one.
   */
  async syncNow(): Promise<void> {
    this.recheckClock();
    await this.cycle?.catch(() => undefined);
    this.pollNow = true;
    await this.runCycle();
  }

  /** Runs a cycle soon (after an edit, on reconnect, "sync now"). */
  nudge(): void {
    this.wake?.();
  }

  private async ensureIdentity(): Promise<void> {
    const now = this.options.clock.now();
    // Asked once a session: a saved identity only stands in until the portal answers.
    if (!this.identityConfirmed) {
      this.identity = await this.options.portal.identity();
      this.identityConfirmed = true;
    }
    if (now - this.clockCheckedAt >= this.schedule.clockCheckMs) {
      const before = this.options.clock.now();
      const portalNow = await this.options.portal.serverTime();
      const after = this.options.clock.now();
      this.setOffset(Math.round(portalNow - (before + after) / 2));
      this.utcOffsetMinutes = this.options.portal.portalOffsetMinutes();
      this.clockCheckedAt = after;
    }
    this.saveFacts();
  }

  private usesOfflineEvents(): boolean {
    return this.options.offlineEventsPossible && this.identity?.isAdmin === true && this.offlineEvents !== 'refused';
  }

  /**
   * An admin on OAuth gets others' changes from the offline queue, which records only the events
   * bound to it: bind them once a session, and check again at every reconcile (an admin may have
   * removed the binding). A portal that refuses it leaves this session on delta polls.
   */
  private async ensureOfflineEvents(): Promise<void> {
    if (!this.usesOfflineEvents() || this.offlineEvents === 'bound') return;
    try {
      this.offlineEvents = (await this.options.portal.ensureOfflineEvents()) ? 'bound' : 'refused';
    } catch (error) {
      const kind = portalErrorKind(error);
      if (kind !== null && isRetryableFailure(kind)) throw error;
      this.offlineEvents = 'refused';
      this.options.logger?.warn('offline events could not be bound; polling instead', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  private async pull(): Promise<void> {
    const ctx = this.pullContext;
    const reconciling = hasFirstSync(ctx) && this.tick % this.schedule.reconcileEvery === 0;
    if (reconciling && this.offlineEvents === 'bound') this.offlineEvents = 'unchecked';
    await this.ensureOfflineEvents();
    const forced = this.pollNow;
    this.pollNow = false;
    if (!hasFirstSync(ctx)) {
      this.setStatus({ firstSync: { read: 0, total: 0 } });
      await firstSync(ctx, (read, total) => this.setStatus({ firstSync: { read, total } }));
      this.extrasBacklog.invalidate();
      // The boards can be shown now; the extras of their tasks follow, chunk after chunk.
      this.setStatus({ firstSync: null });
      this.changed();
    } else if (reconciling) {
      await reconcile(ctx);
      await refreshDirectory(ctx);
    } else if (!forced && this.usesOfflineEvents() && this.tick % this.schedule.confirmEvery !== 0) {
      await applyOfflineEvents(ctx);
    } else {
      await deltaPoll(ctx, this.portalClock.now());
    }
    // The tasks are current now, whatever becomes of the extras below: that is the last sync,
    // now and after a restart.
    this.setStatus({ lastSyncAt: this.portalClock.now() });
    this.saveFacts();
    await this.readExtras();
    this.tick++;
    this.changed();
  }

  private async readExtras(): Promise<void> {
    if (!this.options.historyWanted) return;
    // Each chunk is told at once: the windows read 250 tasks' changes at a time, not a budget's
    // worth (over 1 MiB to a page in one frame).
    const { left } = await syncTaskExtras(this.pullContext, this.options.historyWanted, this.extrasBacklog, { clock: this.options.clock, ms: EXTRAS_BUDGET_MS }, () => this.changed());
    this.extrasLeft = left;
  }

  /**
   * Between polls, more of a backlog of extras (thousands of open tasks after a first sync):
   * one budget's worth, never beside a cycle. A failure leaves the rest to the next cycle, which
   * says what went wrong.
   */
  private catchUpExtras(): Promise<void> {
    if (this.cycle) return this.cycle;
    this.catchUp ??= this.readExtras()
      .catch((error: unknown) => {
        this.extrasLeft = 0;
        this.options.logger?.warn('reading the extras backlog failed', { error: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        this.catchUp = null;
        this.changed();
      });
    return this.catchUp;
  }

  /** The server rows of these tasks with the outbox replayed: the cards as the user sees them. */
  viewOf(taskIds: readonly string[]): BoardTask[] {
    const wanted = new Set(taskIds);
    const { store } = this.options;
    const tasks = taskIds.map((id) => store.getTask(id)).filter((task): task is Task => task !== null);
    const userId = this.identity?.userId ?? '';
    return rebase(tasks, store.listIntents(), userId).filter((card) => wanted.has(card.id));
  }

  /** One full cycle: pull, flush the outbox, and pull again when something was sent. */
  runCycle(): Promise<void> {
    const afterCatchUp = this.catchUp ?? Promise.resolve();
    this.cycle ??= afterCatchUp.then(() => this.doCycle()).finally(() => {
      this.cycle = null;
    });
    return this.cycle;
  }

  private async doCycle(): Promise<void> {
    if (this.options.network && !this.options.network.isOnline()) {
      this.setStatus({ connectivity: 'offline' });
      throw new SyncCycleError('unreachable', 'The workstation is offline');
    }
    try {
      await this.ensureIdentity();
      await this.pull();
      const flushed = await flushOutbox({
        store: this.options.store,
        portal: this.options.portal,
        clock: this.portalClock,
        random: this.options.random,
        userId: this.identity?.userId ?? '',
        notify: (notice) => this.noticeListeners.forEach((listener) => listener(notice)),
      });
      this.changed();
      if (flushed.signedOut) throw new SyncCycleError('signed-out', flushed.lastError ?? 'Signed out');
      if (flushed.unreachable) throw new SyncCycleError('unreachable', flushed.lastError ?? 'The portal is unreachable');
      if (flushed.sent > 0) await this.pull();
      // Every answer carries the portal's clock: follow it (a portal clock moved by an admin,
      // or a workstation clock that drifts) without extra requests.
      const measured = this.options.portal.portalClockOffset();
      if (measured !== null) this.setOffset(measured);
      this.failures = 0;
      this.setStatus({ connectivity: 'online', lastError: null });
    } catch (error) {
      this.failures++;
      const kind = portalErrorKind(error);
      const message = error instanceof Error ? error.message : String(error);
      if (kind === 'signed-out' || kind === 'token-expired') {
        this.setStatus({ connectivity: 'signed-out', lastError: message, firstSync: null });
      } else if (kind !== null && isRetryableFailure(kind)) {
        const offline = this.options.network ? !this.options.network.isOnline() : false;
        this.setStatus({ connectivity: offline ? 'offline' : 'portal-unreachable', lastError: message, firstSync: null });
      } else {
        this.setStatus({ lastError: message, firstSync: null });
      }
      this.options.logger?.warn('sync cycle failed', { error: message });
      throw error;
    } finally {
      // A cycle that failed half-way may still have written something.
      this.changed();
    }
  }

  /** Runs cycles until `stop()`: every 15 s while visible, slower hidden, backing off when down. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.loop();
  }

  stop(): void {
    this.running = false;
    this.nudge();
  }

  private nextDelay(): number {
    if (this.status.connectivity === 'signed-out') return 24 * 3_600_000; // until signed in again (nudge)
    // Backing off while the portal is away, but a visible window still sees it back within a poll.
    if (this.failures > 0) return Math.min(this.visible ? this.schedule.visibleMs : this.schedule.backgroundMs, retryDelayMs(this.failures - 1, this.options.random));
    return this.visible ? this.schedule.visibleMs : this.schedule.backgroundMs;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      await this.runCycle().catch(() => undefined);
      if (!this.running) break;
      let waitMs = this.nextDelay();
      // A backlog of extras is read a budget at a time between polls (with a pause that leaves the
      // portal and the host room), not one budget per poll: 9,000 open tasks took 15 minutes so.
      while (this.running && this.extrasLeft > 0 && this.failures === 0 && waitMs > EXTRAS_CATCH_UP_PAUSE_MS) {
        const startedAt = this.options.clock.now();
        if (await this.sleep(EXTRAS_CATCH_UP_PAUSE_MS)) {
          waitMs = 0;
          break;
        }
        await this.catchUpExtras();
        waitMs -= this.options.clock.now() - startedAt;
      }
      if (this.running && waitMs > 0) await this.sleep(waitMs);
    }
  }

  /** Resolves after `ms`, or sooner (true) when nudged. */
  private async sleep(ms: number): Promise<boolean> {
    let nudged = false;
    // Aborted when nudged or stopped: a pending poll timer never holds a stopping process.
    const abort = cancelSource();
    await new Promise<void>((resolve) => {
      this.wake = () => {
        nudged = true;
        resolve();
      };
      void this.options.clock.sleep(ms, abort.signal).then(resolve);
    });
    abort.cancel();
    this.wake = null;
    return nudged;
  }
}
