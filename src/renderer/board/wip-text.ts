/** WIP breaches as the toast names them: «В работе · 1-я линия: 4 из 3», joined. */
import type { WipBreach } from '../../core/domain/wip';
import type { Translate } from '../i18n/context';

export function breachText(breaches: readonly WipBreach[], groupName: (groupId: string) => string, t: Translate): string {
  return breaches
    .map((breach) => {
      const role = t(`allBoard.role.${breach.role}`);
      const column = breach.groupId === null ? role : `${role} · ${groupName(breach.groupId)}`;
      return t('wip.breach', { column, count: breach.after, limit: breach.limit });
    })
    .join('; ');
}
