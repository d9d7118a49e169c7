/** The app's one data store instance, wired to the host bridge, and its React hook. */
import { useStore } from 'zustand';
import { pult } from '../bridge';
import type { AppState } from './app-state';
import { createAppStore } from './app-store';

export const appStore = createAppStore(pult);

export function useAppStore<T>(select: (state: AppState) => T): T {
  return useStore(appStore, select);
}
