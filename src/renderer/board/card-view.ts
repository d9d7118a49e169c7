/**
 * What a card shows, derived once per board snapshot (not per tick): names, chips, kind, and the
 * anchors the live timers count from. Time-dependent marks (LU, WIA, forgotten, SLA, overdue)
 * are computed by the cells that show them, from these anchors and the shared clock.
 */
import type { BoardCard, BoardSnapshot, Directory } from '../../shared/api';
import type { HistoryEntry, User } from '../../core/domain/model';
import type { CardKind, Settings, StageRole, Threshold } from '../../core/domain/settings';
import { cardKind, type CardKindReason } from '../../core/domain/card-kind';
import { firstFieldValue } from '../../core/domain/field-mapping';
import { createStageMap, resolveStage, roleOfStage, type StageMap } from '../../core/domain/stage-map';
import { wia } from '../../core/domain/timers';
import { taskEstimateHours } from '../../core/domain/estimate';

export interface CardContext {
  settings: Settings;
  stageMap: StageMap;
  usersById: ReadonlyMap<string, User>;
  companiesById: ReadonlyMap<string, string>;
  typeLabels: ReadonlyMap<string, string>;
  blockerLabels: ReadonlyMap<string, string>;
  currentUserId: string | null;
  portalUtcOffsetMinutes: number;
  /** The user's own workgroups; null while unknown. */
  memberGroupIds: readonly string[] | null;
  /** On the combined board: each group's short name, shown on its cards. */
  groupBadges?: ReadonlyMap<string, string>;
}

export interface CardView {
  id: string;
  title: string;
  kind: CardKind;
  kindReason: CardKindReason;
  /** The column it shows in (stage "0" and unknown stages resolve to the first column). */
  stageId: string;
  stageTitle: string;
  role: StageRole | null;
  companyId: string | null;
  companyName: string | null;
  responsibleId: string;
  responsibleName: string | null;
  typeId: string | null;
  typeLabel: string | null;
  blockerId: string | null;
  blockerLabel: string | null;
  estimateHours: number | null;
  deadline: number | null;
  /** LU counts from here. */
  luSince: number;
  luThreshold: Threshold | null;
  /** WIA counts from here while running; null before work started. */
  wiaStartedAt: number | null;
  /** Set once the task is done: WIA is then its frozen cycle time. */
  wiaFrozenSeconds: number | null;
  wiaThreshold: Threshold | null;
  pendingEdits: number;
  failedEdits: number;
  conflicted: boolean;
  localOnly: boolean;
  /** Lower-case id, title, description, company and responsible: what search matches. */
  searchText: string;
  task: BoardCard;
  history: readonly HistoryEntry[];
}

export function shortName(user: Pick<User, 'name' | 'lastName'> | undefined): string | null {
  if (!user) return null;
  const initial = user.name ? ` ${user.name.slice(0, 1)}.` : '';
  return user.lastName ? `${user.lastName}${initial}` : user.name || null;
}

function listLabels(directory: Directory | null, field: string | null): Map<string, string> {
  const definition = field ? directory?.userFields.find((f) => f.name === field) : undefined;
  return new Map((definition?.listItems ?? []).map((item) => [item.id, item.value]));
}

export function createCardContext(snapshot: BoardSnapshot, directory: Directory | null, settings: Settings, currentUserId: string | null): CardContext {
  return {
    settings,
    stageMap: createStageMap(snapshot.stages, settings.stageRoles),
    usersById: new Map((directory?.users ?? []).map((user) => [user.id, user])),
    companiesById: new Map((directory?.companies ?? []).map((company) => [company.id, company.title])),
    typeLabels: listLabels(directory, settings.fields.type),
    blockerLabels: listLabels(directory, settings.fields.blocker),
    currentUserId,
    portalUtcOffsetMinutes: snapshot.portalUtcOffsetMinutes,
    memberGroupIds: directory?.memberGroupIds ?? null,
  };
}

/** The first CRM company link (`CO_12` → "12"). */
export function companyIdOf(crmLinks: readonly string[]): string | null {
  const link = crmLinks.find((value) => /^CO_\d+$/.test(value));
  return link ? link.slice(3) : null;
}

function fieldValue(card: BoardCard, field: string | null): string | null {
  if (!field) return null;
  const value = firstFieldValue(card.userFields[field]);
  return value === '' || value === '0' ? null : value;
}

export function buildCardView(card: BoardCard, history: readonly HistoryEntry[], ctx: CardContext, now: number): CardView {
  const { settings, stageMap } = ctx;
  const stage = resolveStage(stageMap, card.groupId, card.stageId);
  const role = roleOfStage(stageMap, card.groupId, card.stageId);
  const kind = cardKind(card, settings.fields);
  const timer = wia(card, history, stageMap, now);
  const companyId = companyIdOf(card.crmLinks);
  const companyName = companyId ? (ctx.companiesById.get(companyId) ?? null) : null;
  const responsibleName = shortName(ctx.usersById.get(card.responsibleId));
  const typeId = fieldValue(card, settings.fields.type);
  const blockerId = fieldValue(card, settings.fields.blocker);
  return {
    id: card.id,
    title: card.title,
    kind: kind.kind,
    kindReason: kind.reason,
    stageId: stage?.id ?? card.stageId,
    stageTitle: stage?.title ?? '',
    role,
    companyId,
    companyName,
    responsibleId: card.responsibleId,
    responsibleName,
    typeId,
    typeLabel: typeId ? (ctx.typeLabels.get(typeId) ?? typeId) : null,
    blockerId,
    blockerLabel: blockerId ? (ctx.blockerLabels.get(blockerId) ?? blockerId) : null,
    estimateHours: taskEstimateHours(card, settings.fields.estimate),
    deadline: card.deadline,
    luSince: Math.max(card.changedAt, card.activityAt ?? card.changedAt),
    luThreshold: role ? settings.thresholds.lu[role] : null,
    wiaStartedAt: timer.frozen ? null : timer.startedAt,
    wiaFrozenSeconds: timer.frozen ? timer.seconds : null,
    wiaThreshold: role ? settings.thresholds.wia[role] : null,
    pendingEdits: card.pendingEdits,
    failedEdits: card.failedEdits,
    conflicted: card.conflicted,
    localOnly: card.localOnly,
    searchText: [card.id, card.title, card.description, companyName ?? '', responsibleName ?? ''].join('\n').toLowerCase(),
    task: card,
    history,
  };
}
