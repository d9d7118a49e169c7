/** Card kind icons, drawn inline: a bug (service request), a flame (incident), a dollar (change request). */
import type { CardKind } from '../../core/domain/settings';
import { useI18n } from '../i18n/context';

const PATHS: Record<CardKind, string[]> = {
  service: [
    'M8 5.5a4 4 0 0 1 8 0',
    'M7 9.5h10v5a5 5 0 0 1-10 0z',
    'M12 9.5v10',
    'M3.5 10.5 7 12M3.5 17 7 15.5M20.5 10.5 17 12M20.5 17 17 15.5M9 3.5l1.5 2M15 3.5l-1.5 2',
  ],
  incident: ['M12 2.5c1 3.5 5.5 5.5 5.5 11a5.5 5.5 0 0 1-11 0c0-2.6 1.3-4.3 2.6-5.6.2 1.8 1 3 2.2 3.4C10.4 8.2 11 5 12 2.5Z', 'M12 20.5a2.3 2.3 0 0 1-2.3-2.3c0-1.6 1.3-2.4 2.3-4 1 1.6 2.3 2.4 2.3 4a2.3 2.3 0 0 1-2.3 2.3Z'],
  change: ['M12 2.5v19', 'M16.5 6.5C15.6 5.3 14 4.6 12 4.6c-2.7 0-4.5 1.4-4.5 3.4 0 4.8 9.5 2.5 9.5 7.6 0 2.1-2 3.7-4.9 3.7-2.2 0-4-.8-5.1-2.3'],
};

export function KindIcon({ kind, size = 18 }: { kind: CardKind; size?: number }) {
  const { t } = useI18n();
  const name = t(`kind.${kind}`);
  return (
    <svg className={`kind-icon kind-icon--${kind}`} role="img" aria-label={name} width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
      <title>{name}</title>
      {PATHS[kind].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
