/** Notices from the host and the board, as toasts that go away by themselves. */
import { useI18n } from '../i18n/context';
import { appStore, useAppStore } from '../store';
import type { Toast } from '../store/notice-slice';
import { fieldTitles } from '../shared-ui/field-title';
import { useFieldTitleContext } from '../shared-ui/use-field-titles';
import { useUiStore } from '../store/ui-store';

export function Toasts() {
  const { t } = useI18n();
  const toasts = useAppStore((state) => state.toasts);
  const titles = useFieldTitleContext();
  const text = (toast: Toast) => t(toast.key, toast.fields ? { ...toast.values, fields: fieldTitles(toast.fields, titles) } : toast.values);
  return (
    <div className="toasts" role="log" aria-live="polite" aria-label={t('notice.region')}>
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.tone}`}>
          {toast.taskId ? (
            <button type="button" className="toast__text link-button" onClick={() => useUiStore.getState().selectTask(toast.taskId)}>
              {text(toast)}
            </button>
          ) : (
            <span className="toast__text">{text(toast)}</span>
          )}
          <button type="button" className="icon-button" aria-label={t('notice.dismiss')} onClick={() => appStore.getState().dismissToast(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
