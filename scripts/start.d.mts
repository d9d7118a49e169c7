/** Types of scripts/start.mjs for its test. */
export function electronBinary(electronDir: string, env?: Record<string, string | undefined>): string | null;
export const NO_ELECTRON_MESSAGE: string;
