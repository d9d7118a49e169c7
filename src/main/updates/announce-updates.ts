/** Tells the user about updates through the tray: the menu follows the state, and a downloaded version is notified once. */
import type { AlertLanguage } from '../../node/alerts/types';
import type { UpdateController } from './update-controller';
import { updateReadyNotice } from './update-texts';

export interface UpdateAnnouncer {
  /** Re-renders the tray menu. */
  render(): void;
  notify(title: string, body: string): void;
  language(): AlertLanguage;
}

export function announceUpdates(updates: Pick<UpdateController, 'onChange'>, to: UpdateAnnouncer): () => void {
  const announced = new Set<string>();
  return updates.onChange((state) => {
    to.render();
    if (state.kind !== 'ready' || announced.has(state.version)) return;
    announced.add(state.version);
    const notice = updateReadyNotice(state.version, to.language());
    to.notify(notice.title, notice.body);
  });
}
