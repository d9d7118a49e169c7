/** Notices from the host and the board, as toasts that go away by themselves. */
import { useI18n } from '../i18n/context';
import { appStore, useAppStore } from '../store';
import { useUiStore } from '../store/ui-store';

export function Toasts() {
  const { t } = useI18n();
  const toasts = useAppStore((state) => state.toasts);
  return (
    <div className="toasts" role="log" aria-live="polite" aria-label={t('notice.region')}>
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.tone}`}>
          {toast.taskId ? (
            <button type="button" className="toast__text link-button" onClick={() => useUiStore.getState().selectTask(toast.taskId)}>
              {t(toast.key, toast.values)}
            </button>
          ) : (
            <span className="toast__text">{t(toast.key, toast.values)}</span>
          )}
          <button type="button" className="icon-button" aria-label={t('notice.dismiss')} onClick={() => appStore.getState().dismissToast(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
