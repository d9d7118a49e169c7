import { startEmulator } from '../../bitrix-emulator/index';

/** The built-in demo portal: the emulator with demo data, for a first run with nothing configured. */
export interface DemoPortal {
  portalUrl: string;
  webhookUrl: string;
  /** The emulator's start line, as `npm run emulator` prints it. */
  startLine: Record<string, unknown>;
  close(): Promise<void>;
}

export async function startDemoPortal(options: { seed?: number; tasks?: number } = {}): Promise<DemoPortal> {
  const emulator = await startEmulator({ port: 0, seed: options.seed ?? 1, tasks: options.tasks ?? 600, profile: 'box' });
  return {
    portalUrl: emulator.portalUrl,
    webhookUrl: emulator.webhookUrl,
    startLine: { ...emulator.info() },
    close: () => emulator.close(),
  };
}
