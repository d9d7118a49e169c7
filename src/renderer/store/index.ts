/** The app's one data store instance, wired to the host bridge, and its React hook. */
import { useStore } from 'zustand';
import { pult } from '../bridge';
import { withBootPrefetch } from '../boot-prefetch';
import type { AppState } from './app-state';
import { createAppStore } from './app-store';

// The first calls may already be answered: main.tsx sent them before the app was loaded.
export const appStore = createAppStore(withBootPrefetch(pult));

export function useAppStore<T>(select: (state: AppState) => T): T {
  return useStore(appStore, select);
}
