/**
 * The card drawer: everything about one task, its edits (each one intent), comments, time and
 * history. Opens for `useUiStore().selectedTaskId`; Esc or the close button clears it.
 */
import { useAppStore } from '../store';
import { useCallback, useState } from 'react';
import type { IntentPayload } from '../shared-ui/intent-types';
import { pult } from '../bridge';
import { useI18n } from '../i18n/context';
import { useUiStore } from '../store/ui-store';
import { Dialog } from '../shared-ui/Dialog';
import { useStoreBoard } from '../store/use-boards';
import { useTaskDetails } from './use-task-details';
import { DrawerHeader } from './DrawerHeader';
import { DrawerFields } from './DrawerFields';
import { DrawerTabs } from './DrawerTabs';
import { portalOffsetMinutes, type DrawerData } from './drawer-data';
import { FilesSection } from './files/FilesSection';
import { FilesContext } from './files/files-context';
import { useTaskFiles } from './files/use-task-files';
import './drawer.css';

export function Drawer() {
  const taskId = useUiStore((state) => state.selectedTaskId);
  const selectTask = useUiStore((state) => state.selectTask);
  if (!taskId) return null;
  return <DrawerBody key={taskId} taskId={taskId} onClose={() => selectTask(null)} />;
}

function DrawerBody({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { state, reload } = useTaskDetails(taskId);
  const settings = useAppStore((state) => state.settings);
  const directory = useAppStore((state) => state.directory);
  const groupId = state.status === 'ready' ? state.details.task.groupId : null;
  const [error, setError] = useState<string | null>(null);

  const send = useCallback(
    async (payload: IntentPayload): Promise<boolean> => {
      setError(null);
      try {
        await pult.enqueue(payload);
        await reload();
        return true;
      } catch (failure) {
        setError(t('drawer.error.edit', { message: (failure as Error).message }));
        return false;
      }
    },
    [reload, t],
  );

  const label = state.status === 'ready' ? t('drawer.label', { id: taskId, title: state.details.task.title }) : t('drawer.loading');
  return (
    <Dialog variant="drawer" label={label} onClose={onClose} className="drawer">
      {state.status === 'failed' ? (
        <div role="alert" className="drawer__message">
          {t('error.load', { message: state.message })}
          <button type="button" onClick={onClose}>
            {t('action.close')}
          </button>
        </div>
      ) : state.status === 'loading' || !settings || !groupId ? (
        <p role="status" className="drawer__message">
          {t('drawer.loading')}
        </p>
      ) : (
        <DrawerContent groupId={groupId} data={{ details: state.details, queued: state.queued, settings, directory, send, reload }} error={error} onClose={onClose} />
      )}
    </Dialog>
  );
}

function DrawerContent({ groupId, data, error, onClose }: { groupId: string; data: Omit<DrawerData, 'board'>; error: string | null; onClose: () => void }) {
  const board = useStoreBoard(groupId);
  const full: DrawerData = { ...data, board };
  const taskId = data.details.task.id;
  const files = useTaskFiles(taskId, data.details.comments.length);
  const filesValue = { taskId, files: files.state.status === 'ready' ? files.state.view.files : [] };
  return (
    <FilesContext.Provider value={filesValue}>
    <div className="drawer__content">
      <DrawerHeader data={full} onClose={onClose} />
      {error && (
        <p role="alert" className="drawer__error">
          {error}
        </p>
      )}
      <div className="drawer__scroll">
        <DrawerFields data={full} />
        <FilesSection taskId={taskId} state={files.state} reload={files.reload} comments={data.details.comments} directory={data.directory} offset={portalOffsetMinutes(full)} />
        <DrawerTabs data={full} />
      </div>
    </div>
    </FilesContext.Provider>
  );
}
