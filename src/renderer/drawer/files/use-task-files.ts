/**
 * The open card's files: asked when the card opens, on retry, and when its comments change (a new
 * comment may carry files) — never on a poll that changed nothing.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TaskFilesView } from '../../../shared/api';
import { pult } from '../../bridge';
import { forgetFiles } from './file-bytes';

export type FilesState = { status: 'loading' } | { status: 'ready'; view: TaskFilesView } | { status: 'failed'; message: string };

function load(taskId: string): Promise<FilesState> {
  return pult.getTaskFiles(taskId).then(
    (view): FilesState => ({ status: 'ready', view }),
    (error: unknown): FilesState => ({ status: 'failed', message: (error as Error).message }),
  );
}

export function useTaskFiles(taskId: string, commentCount: number): { state: FilesState; reload: () => Promise<void> } {
  const [state, setState] = useState<FilesState>({ status: 'loading' });
  const reload = useCallback(async () => setState(await load(taskId)), [taskId]);
  useEffect(() => {
    let live = true;
    void load(taskId).then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, [taskId, commentCount]);
  useEffect(() => () => forgetFiles(taskId), [taskId]);
  return { state, reload };
}
