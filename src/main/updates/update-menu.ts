/** The tray menu's update item: "Restart to update to X.Y.Z" once downloaded, else a quiet status line. Pure. */
import type { AlertLanguage } from '../../node/alerts/types';
import type { TrayMenuItem } from '../tray/tray-menu';
import type { UpdateState } from './update-controller';
import { restartToUpdateLabel, updateStatusText } from './update-texts';

export interface UpdateMenuView {
  currentVersion: string;
  state: UpdateState;
}

export function updateMenuItem(view: UpdateMenuView, language: AlertLanguage, restart: () => void): TrayMenuItem {
  const { state } = view;
  if (state.kind === 'ready') return { id: 'restart-to-update', label: restartToUpdateLabel(state.version, language), click: restart };
  return { id: 'update-status', label: `Pult ${view.currentVersion} · ${updateStatusText(state, language)}`, enabled: false };
}
