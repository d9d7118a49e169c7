/** The drawer's head: id, kind, title, sync marks, status actions, «Открыть в портале», close. */
import { useAppStore } from '../store';
import { useState } from 'react';
import { cardKind } from '../../core/domain/card-kind';
import type { StatusAction } from '../shared-ui/intent-types';
import { pult } from '../bridge';
import { useI18n } from '../i18n/context';
import { availableStatusActions } from './edit-intents';
import { DrawerAttention } from './DrawerAttention';
import type { DrawerData } from './drawer-data';

export function DrawerHeader({ data, onClose }: { data: DrawerData; onClose: () => void }) {
  const { t } = useI18n();
  const { task } = data.details;
  const kind = cardKind(task, data.settings.fields).kind;
  const [openError, setOpenError] = useState<string | null>(null);
  const onPortal = /^\d+$/.test(task.id);
  const notifications = useAppStore((state) => state.appInfo)?.notifications ?? false;
  const [snoozedUntil, setSnoozedUntil] = useState<number | null>(null);
  const snooze = (choice: '1h' | 'tomorrow') => {
    setOpenError(null);
    pult.snoozeTask(task.id, choice).then((answer) => setSnoozedUntil(answer.until), (error: Error) => setOpenError(error.message));
  };

  const act = (action: StatusAction) => void data.send({ name: 'changeStatus', taskId: task.id, action });
  const openInPortal = () => {
    setOpenError(null);
    pult.openInPortal(task.id).catch((error: Error) => setOpenError(error.message));
  };

  return (
    <header className="drawer__header">
      <div className="drawer__topline">
        <span className="drawer__id">#{task.id}</span>
        <span className={`drawer__kind drawer__kind--${kind}`}>
          <span className="drawer__kind-dot" aria-hidden="true" />
          {t(`drawer.kind.${kind}`)}
        </span>
        <span className="drawer__spacer" />
        <button type="button" className="icon-button" aria-label={t('drawer.close')} title={t('drawer.close')} onClick={onClose}>
          ✕
        </button>
      </div>
      <h2 className="drawer__title">{task.title}</h2>
      <ul className="drawer__marks">
        <DrawerAttention data={data} />
        {task.pendingEdits > 0 && <li className="sync-mark sync-mark--queued">{t('drawer.mark.queued', { n: task.pendingEdits })}</li>}
        {task.failedEdits > 0 && <li className="sync-mark sync-mark--failed">{t('drawer.mark.failed', { n: task.failedEdits })}</li>}
        {task.conflicted && <li className="sync-mark sync-mark--conflict">{t('drawer.mark.conflict')}</li>}
        {task.localOnly && <li className="sync-mark sync-mark--queued">{t('drawer.mark.local')}</li>}
      </ul>
      <div className="drawer__actions">
        {availableStatusActions(task.status).map((action) => (
          <button key={action} type="button" className={action === 'complete' ? 'button--primary' : undefined} disabled={task.localOnly} onClick={() => act(action)}>
            {t(`drawer.action.${action}`)}
          </button>
        ))}
        <span className="drawer__spacer" />
        {notifications && onPortal && (
          <>
            <button type="button" title={t('drawer.snooze.hint')} onClick={() => snooze('1h')}>
              {t('drawer.snooze.hour')}
            </button>
            <button type="button" title={t('drawer.snooze.hint')} onClick={() => snooze('tomorrow')}>
              {t('drawer.snooze.tomorrow')}
            </button>
          </>
        )}
        <button type="button" disabled={!onPortal} onClick={openInPortal}>
          {t('drawer.openInPortal')} ↗
        </button>
      </div>
      {snoozedUntil !== null && <p className="hint">{t('drawer.snooze.done')}</p>}
      {openError && (
        <p role="alert" className="drawer__error">
          {openError}
        </p>
      )}
    </header>
  );
}
