/** Every keyboard shortcut, for the help overlay and the global handler to agree on. */
import type { MessageKey } from '../i18n';

export interface Shortcut {
  /** Key combinations; each is a list of keys pressed together. */
  keys: string[][];
  description: MessageKey;
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS: Shortcut[] = [
  { keys: [[MOD, 'K']], description: 'help.palette' },
  { keys: [['N'], ['Ctrl', 'Alt', 'N']], description: 'help.create' },
  { keys: [['?'], ['F1']], description: 'help.help' },
  { keys: [['Esc']], description: 'help.escape' },
  { keys: [['↑'], ['↓']], description: 'help.navigate' },
  { keys: [['Enter']], description: 'help.enter' },
  { keys: [['Space']], description: 'help.dragLift' },
  { keys: [['←'], ['→'], ['↑'], ['↓']], description: 'help.dragMove' },
  { keys: [['Esc']], description: 'help.dragCancel' },
  { keys: [['Tab']], description: 'help.tab' },
  { keys: [['Alt', 'T']], description: 'help.templates' },
];

/** Whether a key event was typed into a text field (shortcuts of plain letters must not fire). */
export function typingInField(target: EventTarget | null): boolean {
  // Read by tag name rather than instanceof, so it also holds for elements of other frames.
  const element = target as { tagName?: string; type?: string; isContentEditable?: boolean } | null;
  if (!element?.tagName) return false;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(element.type ?? 'text');
  return false;
}

export type ShortcutAction = 'palette' | 'create' | 'help' | 'escape' | null;

/** The action a key press asks for, ignoring plain keys typed into fields. */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>): ShortcutAction {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  // Ctrl+K works everywhere, even in a field, as in most apps with a palette.
  if (mod && !event.altKey && (key === 'k' || event.code === 'KeyK')) return 'palette';
  if (event.ctrlKey && event.altKey && event.code === 'KeyN') return 'create';
  if (event.key === 'Escape') return 'escape';
  if (event.key === 'F1') return 'help';
  if (mod || event.altKey || typingInField(event.target)) return null;
  if (event.key === '?') return 'help';
  // By physical key too, so N works in the Russian layout (where the key types "т").
  if (key === 'n' || event.code === 'KeyN') return 'create';
  return null;
}
