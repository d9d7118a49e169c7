/** The outbox: pending and refused edits (retry, discard) and conflicts (keep mine / take theirs). */
import { useEffect, useRef } from 'react';
import type { QueuedEdit } from '../../shared/api';
import { pult } from '../bridge';
import { useI18n } from '../i18n/context';
import { appStore, useAppStore } from '../store';
import { useUiStore } from '../store/ui-store';
import { describeEdit, describeProblem } from './queue-text';
import { useFieldTitleContext } from '../shared-ui/use-field-titles';

async function act(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    appStore.getState().pushToast({ tone: 'error', key: 'notice.enqueueFailed', values: { message: error instanceof Error ? error.message : String(error) }, taskId: null });
  }
  await appStore.getState().refreshQueued();
}

function EditRow({ edit }: { edit: QueuedEdit }) {
  const { t } = useI18n();
  const ctx = useFieldTitleContext();
  const { key, values } = describeEdit(edit, ctx);
  const problem = describeProblem(edit, ctx);
  return (
    <li className={`queue__item queue__item--${edit.state}`}>
      <div className="queue__what">
        <span>{t(key, values)}</span>
        <span className={`queue__state queue__state--${edit.state}`}>{t(`queue.state.${edit.state}`)}</span>
      </div>
      {problem && <p className="queue__error">{t(problem.key, problem.values)}</p>}
      <div className="queue__actions">
        {edit.state === 'conflict' ? (
          <>
            <button type="button" onClick={() => void act(() => pult.resolveConflict(edit.seq, 'mine'))}>
              {t('queue.keepMine')}
            </button>
            <button type="button" onClick={() => void act(() => pult.resolveConflict(edit.seq, 'theirs'))}>
              {t('queue.takeTheirs')}
            </button>
          </>
        ) : (
          <>
            {edit.state === 'failed' && (
              <button type="button" onClick={() => void act(() => pult.retryEdit(edit.seq))}>
                {t('queue.retry')}
              </button>
            )}
            {edit.state !== 'sending' && (
              <button type="button" onClick={() => void act(() => pult.discardEdit(edit.seq))}>
                {t('queue.discard')}
              </button>
            )}
          </>
        )}
      </div>
    </li>
  );
}

export function QueuePanel() {
  const { t } = useI18n();
  const queued = useAppStore((state) => state.queued);
  const panelRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    void appStore.getState().refreshQueued();
    panelRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') useUiStore.getState().setQueuePanelOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="queue" role="dialog" aria-label={t('queue.title')} tabIndex={-1} ref={panelRef}>
      <header className="queue__header">
        <h2>{t('queue.title')}</h2>
        <button type="button" className="icon-button" aria-label={t('action.close')} onClick={() => useUiStore.getState().setQueuePanelOpen(false)}>
          ×
        </button>
      </header>
      {queued.length === 0 ? (
        <p className="queue__empty">{t('queue.empty')}</p>
      ) : (
        <ul className="queue__list">
          {queued.map((edit) => (
            <EditRow key={edit.seq} edit={edit} />
          ))}
        </ul>
      )}
    </div>
  );
}
