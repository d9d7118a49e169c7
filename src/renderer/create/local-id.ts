/**
 * The ID the host gives a task created in Pult until the portal answers with its own
 * (`localTaskId` in core/sync/rebase.ts, which the renderer may not import: keep them in step).
 */
export function localTaskId(clientId: string): string {
  return `local:${clientId}`;
}
