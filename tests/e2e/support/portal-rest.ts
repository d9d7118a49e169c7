/** Reads and writes the emulator portal directly, as another portal user would (for e2e checks). */
import type { WebMode } from './web-mode';

export function portalRest(web: WebMode) {
  const emulator = web.emulator as unknown as { webhookUrl: string; portalUrl: string };
  return {
    async call<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
      const response = await fetch(`${emulator.webhookUrl}${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) });
      const body = (await response.json()) as { result?: T; error?: string; error_description?: string };
      if (body.error) throw new Error(`${method}: ${body.error} ${body.error_description ?? ''}`);
      return body.result as T;
    },
    async task(taskId: string): Promise<Record<string, unknown>> {
      const result = await this.call<{ task: Record<string, unknown> }>('tasks.task.get', { taskId, select: ['ID', 'TITLE', 'PRIORITY', 'STATUS', 'UF_*', 'DEADLINE', 'RESPONSIBLE_ID'] });
      return result.task;
    },
    async control(path: string, body: unknown): Promise<void> {
      const response = await fetch(`${emulator.portalUrl}/_emulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`emulator control ${path}: ${response.status}`);
    },
  };
}
