/**
 * Stages of the groups being bound, for the stage-role editor: from the local board when the
 * group is synced, else from the portal through `proposeSetup`, whose guessed roles fill in the
 * stages that have none yet.
 */
import { useEffect, useState } from 'react';
import type { Stage } from '../../core/domain/model';
import type { Settings } from '../../core/domain/settings';
import { pult } from '../bridge';

export function useGroupStages(groupIds: readonly string[], onGuessedRoles: (roles: Settings['stageRoles']) => void): Record<string, Stage[]> {
  const [stages, setStages] = useState<Record<string, Stage[]>>({});
  const key = groupIds.join(',');

  useEffect(() => {
    let live = true;
    const missing = key ? key.split(',').filter((groupId) => !(groupId in stages)) : [];
    for (const groupId of missing) {
      void (async () => {
        let found: Stage[] = [];
        try {
          // The first page of a board read carries the stages (and only a few cards).
          found = (await pult.getBoardPage({ groupId, offset: 0 })).stages;
          if (found.length === 0) {
            const proposal = await pult.proposeSetup([groupId]);
            found = proposal.stages[groupId] ?? [];
            if (live) onGuessedRoles(proposal.stageRoles);
          }
        } catch {
          // Offline or not synced yet: the section says stages come after a sync.
        }
        if (live) setStages((previous) => ({ ...previous, [groupId]: found }));
      })();
    }
    return () => {
      live = false;
    };
    // `stages` is read to skip loaded groups; reacting to it would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return stages;
}
