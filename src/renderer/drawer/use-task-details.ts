/**
 * The open card's details and its queued comments/time records, read again (from the host's
 * local store) only when a change touches this task, so the drawer always shows the view with
 * queued edits replayed and a quiet cycle costs nothing.
 */
import { useCallback, useEffect, useState } from 'react';
import type { QueuedEdit, TaskDetails } from '../../shared/api';
import type { IntentPayload } from '../shared-ui/intent-types';
import { onHostEvent, pult } from '../bridge';

export type DetailsState = { status: 'loading' } | { status: 'ready'; details: TaskDetails; queued: QueuedEdit[] } | { status: 'failed'; message: string };

function aboutTask(payload: IntentPayload, taskId: string): boolean {
  return payload.name !== 'createTask' && payload.taskId === taskId;
}

export function useTaskDetails(taskId: string | null): { state: DetailsState; reload: () => Promise<void> } {
  const [state, setState] = useState<DetailsState>({ status: 'loading' });

  const reload = useCallback(async () => {
    if (!taskId) return;
    try {
      const [details, queued] = await Promise.all([pult.getTaskDetails(taskId), pult.listQueued()]);
      setState({ status: 'ready', details, queued: queued.filter((edit) => aboutTask(edit.payload, taskId)) });
    } catch (error) {
      setState((previous) => (previous.status === 'ready' ? previous : { status: 'failed', message: (error as Error).message }));
    }
  }, [taskId]);

  useEffect(() => {
    if (!taskId) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A cycle can change the task several times in a row (pull, send, pull): reload once it settles.
    const off = onHostEvent((event) => {
      const touched = event.type === 'host-reconnected' || (event.type === 'board-delta' && (event.delta.reset || event.delta.taskIds.includes(taskId)));
      if (!touched) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), 150);
    });
    void reload();
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [taskId, reload]);

  return { state, reload };
}
