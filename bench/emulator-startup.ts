/** Emulator start-up time by portal size (the target: 50,000 tasks under 10 s). */
import { startEmulator } from '../src/bitrix-emulator/index';

export async function benchEmulatorStartup(sizes: readonly number[] = [2_000, 10_000, 50_000]) {
  const results: { tasks: number; startSeconds: number; firstPageMs: number }[] = [];
  for (const tasks of sizes) {
    const started = performance.now();
    const emulator = await startEmulator({ port: 0, seed: 1, tasks, profile: 'box' });
    const startSeconds = (performance.now() - started) / 1000;
    const t0 = performance.now();
    const response = await fetch(`${emulator.webhookUrl}tasks.task.list.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ order: { ID: 'asc' }, select: ['ID', 'TITLE', 'STAGE_ID'] }) });
    if (!response.ok) throw new Error(`tasks.task.list answered ${response.status}`);
    await response.json();
    const firstPageMs = performance.now() - t0;
    await emulator.close();
    results.push({ tasks, startSeconds: Number(startSeconds.toFixed(3)), firstPageMs: Number(firstPageMs.toFixed(1)) });
  }
  return results;
}
