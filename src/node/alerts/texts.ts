/** Notification wording, Russian first: kinds, "how long", plural forms and summaries. */
import { formatDuration } from '../../core/domain/durations';
import type { AlertCondition, AlertKind, AlertLanguage } from './types';

export interface PluralForms {
  one: string;
  few: string;
  many: string;
}

/** Russian plural category: 1 задача, 2 задачи, 5 задач, 11 задач, 21 задача; English one/many. */
export function plural(language: AlertLanguage, n: number, forms: PluralForms): string {
  const abs = Math.abs(Math.trunc(n));
  if (language === 'en') return abs === 1 ? forms.one : forms.many;
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return forms.one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms.few;
  return forms.many;
}

const TASKS: Record<AlertLanguage, PluralForms> = {
  ru: { one: 'задача', few: 'задачи', many: 'задач' },
  en: { one: 'task', few: 'tasks', many: 'tasks' },
};
const NEW_TASKS: Record<AlertLanguage, PluralForms> = {
  ru: { one: 'новая задача', few: 'новые задачи', many: 'новых задач' },
  en: { one: 'new task', few: 'new tasks', many: 'new tasks' },
};

/** "N задач" with the right form. */
export function taskCount(language: AlertLanguage, n: number): string {
  return `${n} ${plural(language, n, TASKS[language])}`;
}

/** A threshold as people say it: "4 ч", "1 д", else the compact duration ("1ч 30м"). */
export function thresholdText(seconds: number, language: AlertLanguage): string {
  const unit = language === 'ru' ? { h: 'ч', d: 'д' } : { h: 'h', d: 'd' };
  if (seconds > 0 && seconds % 86_400 === 0) return `${seconds / 86_400} ${unit.d}`;
  if (seconds > 0 && seconds % 3600 === 0) return `${seconds / 3600} ${unit.h}`;
  return formatDuration(seconds, language);
}

/** The kind as a short label (summary bodies, tray tooltips). */
export function kindLabel(kind: AlertKind, language: AlertLanguage): string {
  const labels: Record<AlertKind, [string, string]> = {
    forgotten: ['без движения', 'idle'],
    'sla-risk': ['SLA под угрозой', 'SLA at risk'],
    'sla-breached': ['SLA нарушен', 'SLA breached'],
    'wia-alert': ['долго в работе', 'long in work'],
    'new-task': ['новые', 'new'],
  };
  return labels[kind][language === 'ru' ? 0 : 1];
}

/** "#123 Не печатает принтер", shortened so the OS does not cut the id off. */
export function taskTitle(condition: Pick<AlertCondition, 'taskId' | 'title'>): string {
  const title = condition.title.length > 80 ? `${condition.title.slice(0, 79)}…` : condition.title;
  return `#${condition.taskId} ${title}`.trim();
}

/** The body of one task's notification: the kind and how long, e.g. "Без движения 4ч 05м". */
export function conditionBody(condition: AlertCondition, language: AlertLanguage): string {
  const d = formatDuration(condition.seconds, language);
  const ru = language === 'ru';
  const slaName = condition.reason === 'reaction' ? (ru ? 'SLA реакции' : 'Reaction SLA') : ru ? 'SLA решения' : 'Resolution SLA';
  switch (condition.kind) {
    case 'forgotten':
      if (condition.reason === 'lu-alert') return ru ? `Без движения ${d}` : `No update for ${d}`;
      if (condition.reason === 'stopper-too-long') return ru ? `Стоппер «${condition.stopper ?? ''}» уже ${d}` : `Blocked (${condition.stopper ?? ''}) for ${d}`;
      return ru ? 'Забыта: нет ответственного' : 'Forgotten: nobody is responsible';
    case 'sla-risk':
      return ru ? `${slaName} под угрозой: осталось ${d}` : `${slaName} at risk: ${d} left`;
    case 'sla-breached':
      return ru ? `${slaName} нарушен: просрочено на ${d}` : `${slaName} breached: ${d} overdue`;
    case 'wia-alert':
      return ru ? `В работе ${d}` : `In work for ${d}`;
    case 'new-task':
      return ru ? 'Новая задача' : 'New task';
  }
}

/** Summary title for alerts of one kind: "4 задачи без движения > 4 ч". */
export function summaryTitleOfKind(kind: AlertKind, conditions: readonly AlertCondition[], language: AlertLanguage): string {
  const n = new Set(conditions.map((c) => c.taskId)).size;
  const thresholds = conditions.map((c) => c.thresholdSeconds).filter((t): t is number => t !== null);
  // The smallest crossed threshold is true of every task in the bundle.
  const over = thresholds.length === conditions.length && thresholds.length > 0 ? ` > ${thresholdText(Math.min(...thresholds), language)}` : '';
  const ru = language === 'ru';
  switch (kind) {
    case 'forgotten':
      return ru ? `${taskCount('ru', n)} без движения${over}` : `${taskCount('en', n)} idle${over}`;
    case 'sla-risk':
      return ru ? `${taskCount('ru', n)}: SLA под угрозой` : `${taskCount('en', n)}: SLA at risk`;
    case 'sla-breached':
      return ru ? `${taskCount('ru', n)}: SLA нарушен` : `${taskCount('en', n)}: SLA breached`;
    case 'wia-alert':
      return ru ? `${taskCount('ru', n)} в работе${over}` : `${taskCount('en', n)} in work${over}`;
    case 'new-task':
      return `${n} ${plural(language, n, NEW_TASKS[language])}`;
  }
}

/** Summary when kinds are mixed: "7 задач требуют внимания". */
export function summaryTitleMixed(taskTotal: number, language: AlertLanguage): string {
  if (language === 'en') return `${taskCount('en', taskTotal)} need${taskTotal === 1 ? 's' : ''} attention`;
  const verb = plural('ru', taskTotal, { one: 'требует', few: 'требуют', many: 'требуют' });
  return `${taskCount('ru', taskTotal)} ${verb} внимания`;
}

/** "#12, #15, #18 и ещё 2" — which tasks the summary is about. */
export function taskIdList(taskIds: readonly string[], language: AlertLanguage, shown = 3): string {
  const head = taskIds.slice(0, shown).map((id) => `#${id}`).join(', ');
  const rest = taskIds.length - shown;
  if (rest <= 0) return head;
  return language === 'ru' ? `${head} и ещё ${rest}` : `${head} and ${rest} more`;
}
