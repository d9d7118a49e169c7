/**
 * Inserting a reply template into the open card's comment box. The palette asks for it through
 * this tiny store (it does not hold the comment box); the comments panel takes the request,
 * fills the template from its task and inserts it where the cursor is.
 */
import { create } from 'zustand';
import type { Company, User } from '../../core/domain/model';
import type { BoardCard } from '../../shared/api';
import type { TemplateValues } from '../../core/domain/reply-templates';
import { companyOf } from '../shared-ui/format';

export interface TemplateRequest {
  taskId: string;
  /** Index into settings.replyTemplates. */
  index: number;
}

interface TemplateInsertState {
  request: TemplateRequest | null;
  ask(request: TemplateRequest): void;
  take(): TemplateRequest | null;
}

export const useTemplateInsert = create<TemplateInsertState>()((set, get) => ({
  request: null,
  ask: (request) => set({ request }),
  take: () => {
    const { request } = get();
    if (request) set({ request: null });
    return request;
  },
}));

/** The task's values for the placeholders: the client as the drawer shows it, the responsible's full name. */
export function templateValuesOf(task: BoardCard, users: readonly User[] | undefined, companies: readonly Company[] | undefined): TemplateValues {
  const person = users?.find((user) => user.id === task.responsibleId);
  const responsible = person ? [person.name, person.lastName].filter(Boolean).join(' ') : null;
  return { client: companyOf(task.crmLinks, companies)?.title ?? null, number: task.id, responsible: responsible || null, deadline: task.deadline };
}

/** The box's text with `insert` put in place of the selection; the cursor goes after it. */
export function insertAtSelection(text: string, insert: string, start: number, end: number): { text: string; cursor: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), cursor: from + insert.length };
}

/** Alt+T by physical key, so it works in the Russian layout too (where the key types "е"). */
export function isTemplateMenuShortcut(event: Pick<KeyboardEvent, 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === 'KeyT';
}
