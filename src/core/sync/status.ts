/** What the UI (status bar, tray, headless command) learns from the sync engine. */
export type Connectivity = 'online' | 'portal-unreachable' | 'offline' | 'signed-out';

export interface SyncStatus {
  connectivity: Connectivity;
  /** Intents waiting to be sent (queued or sending). */
  queued: number;
  failed: number;
  conflicts: number;
  /** Portal time of the last successful pull (ms), null before the first one. */
  lastSyncAt: number | null;
  /** Progress of the first sync of the bound groups; null when not running. */
  firstSync: { read: number; total: number } | null;
  /** The last problem, in the portal's words where it gave any. */
  lastError: string | null;
}

/** Something the agent should be told about one task. */
export interface SyncNotice {
  kind: 'refused' | 'conflict' | 'move-overridden' | 'move-lost' | 'deleted-remotely';
  taskId: string;
  /** For `refused`, the portal's own words; otherwise a diagnostic for logs (the UI words the kind). */
  message: string;
  code?: string;
  /** For `conflict`: the fields a colleague changed since the edit (portal field codes). */
  fields?: string[];
}

/** Is the network there at all (the OS says so)? Distinguishes "offline" from "portal down". */
export interface NetworkProbe {
  isOnline(): boolean;
}
