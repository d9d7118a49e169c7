/**
 * Which screen the wallboard opens on: the choices the tray offers (pure), and whether this
 * session can place a window on a screen at all. Native Wayland ignores window positions
 * (Electron 38+ runs natively on Wayland by default), so on a Wayland session with XWayland
 * Pult runs through XWayland, where the wallboard's and the console's positions are honoured.
 */
import type { AlertLanguage } from '../node/alerts/types';

export type ScreenDisplay = Pick<Electron.Display, 'id' | 'label' | 'bounds' | 'internal'>;

export interface WallboardDisplayChoice {
  /** null: automatic (the first screen that is not the primary one). */
  id: number | null;
  label: string;
  checked: boolean;
}

const TEXT = {
  ru: { auto: 'Автоматически (второй экран)', screen: 'Экран', primary: 'основной', builtIn: 'встроенный', missing: 'отключён' },
  en: { auto: 'Automatic (second screen)', screen: 'Screen', primary: 'primary', builtIn: 'built-in', missing: 'disconnected' },
} as const;

/** «Экран 2 — DELL U2720Q, 2560×1440 (основной)»; the radio list of the tray's submenu. */
export function wallboardDisplayChoices(
  displays: readonly ScreenDisplay[],
  primaryId: number,
  chosenId: number | null,
  language: AlertLanguage,
): WallboardDisplayChoice[] {
  const t = TEXT[language];
  const connected = chosenId !== null && displays.some((display) => display.id === chosenId);
  const choices: WallboardDisplayChoice[] = [{ id: null, label: t.auto, checked: chosenId === null }];
  displays.forEach((display, index) => {
    const notes = [display.id === primaryId ? t.primary : '', display.internal ? t.builtIn : ''].filter(Boolean);
    const name = display.label.trim() ? `${display.label.trim()}, ` : '';
    const size = `${display.bounds.width}×${display.bounds.height}`;
    choices.push({
      id: display.id,
      label: `${t.screen} ${index + 1} — ${name}${size}${notes.length ? ` (${notes.join(', ')})` : ''}`,
      checked: display.id === chosenId,
    });
  });
  // A chosen screen that is unplugged stays chosen (it comes back with its id); the wallboard
  // meanwhile opens on the automatic one.
  if (chosenId !== null && !connected) choices.push({ id: chosenId, label: `${t.screen} ${chosenId} (${t.missing})`, checked: true });
  return choices;
}

export type WindowPlacement = 'native' | 'xwayland' | 'compositor';

/**
 * How windows get placed in this session. `xwayland`: a Wayland session where X11 is available
 * too: Pult asks for XWayland (`--ozone-platform=x11`, decided before `ready`), where positions
 * work. `compositor`: Wayland without XWayland, or the user chose Wayland explicitly: the
 * compositor picks the screen. A user's own `--ozone-platform(-hint)` or
 * `ELECTRON_OZONE_PLATFORM_HINT` always wins; `PULT_NATIVE_WAYLAND=1` keeps native Wayland.
 */
export function windowPlacement(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, argv: readonly string[]): WindowPlacement {
  if (platform !== 'linux') return 'native';
  const wayland = env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
  if (!wayland) return 'native';
  const explicit = argv.find((arg) => arg.startsWith('--ozone-platform'));
  if (explicit) return /=x11$/.test(explicit) ? 'native' : 'compositor';
  if (env.ELECTRON_OZONE_PLATFORM_HINT) return env.ELECTRON_OZONE_PLATFORM_HINT === 'x11' ? 'native' : 'compositor';
  if (env.PULT_NATIVE_WAYLAND === '1') return 'compositor';
  return env.DISPLAY ? 'xwayland' : 'compositor';
}
