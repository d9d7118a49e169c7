/** Toasts: refused edits with the portal's message, conflicts, moves overridden by someone else. */
import type { PultEvent } from '../../shared/api';
import type { MessageKey } from '../i18n';
import type { SliceCreator } from './app-state';

type SyncNotice = Extract<PultEvent, { type: 'notice' }>['notice'];

export interface Toast {
  id: number;
  tone: 'error' | 'warning' | 'info';
  key: MessageKey;
  values: Record<string, string | number>;
  /** Portal field codes for the `{fields}` slot, named by their titles when shown. */
  fields?: string[];
  taskId: string | null;
}

export interface NoticeSlice {
  toasts: Toast[];
  pushToast(toast: Omit<Toast, 'id'>): void;
  pushNotice(notice: SyncNotice): void;
  dismissToast(id: number): void;
}

const TOAST_MS = 10_000;
const MAX_TOASTS = 5;
let nextToastId = 1;

const NOTICE_TONE: Record<SyncNotice['kind'], Toast['tone']> = {
  refused: 'error',
  conflict: 'warning',
  'move-overridden': 'info',
  'move-lost': 'warning',
  'deleted-remotely': 'info',
};

export const createNoticeSlice: SliceCreator<NoticeSlice> = (set, get) => ({
  toasts: [],
  pushToast(toast) {
    const id = nextToastId++;
    set((state) => ({ toasts: [...state.toasts, { ...toast, id }].slice(-MAX_TOASTS) }));
    setTimeout(() => get().dismissToast(id), TOAST_MS);
  },
  pushNotice(notice) {
    get().pushToast({
      tone: NOTICE_TONE[notice.kind],
      key: `notice.${notice.kind}`,
      values: { id: notice.taskId, message: notice.message },
      ...(notice.fields ? { fields: notice.fields } : {}),
      taskId: notice.taskId,
    });
  },
  dismissToast(id) {
    set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
  },
});
