/**
 * Browser mode's reminders (the desktop app shows them from the tray): a Web Notification when the
 * user allowed them, a count in the page title while nobody looks at the page, and a short sound.
 * The host has already applied flood control, quiet hours, pause, snooze and the user's scope.
 */
import type { PageNotice } from '../../shared/api';

export interface NoticeSurface {
  /** The page is on screen and has the focus. */
  isLookedAt(): boolean;
  setTitle(title: string): void;
  /** Shows a system notification; absent when the user has not allowed them. */
  notify?(notice: PageNotice, onClick: () => void): void;
  playSound(): void;
}

export interface PageNotifier {
  show(notices: readonly PageNotice[]): void;
  /** The user is looking again: the title loses its count. */
  seen(): void;
  unseen(): number;
}

export function createPageNotifier(surface: NoticeSurface, baseTitle: string, openTask: (taskId: string) => void): PageNotifier {
  let unseen = 0;
  const title = () => surface.setTitle(unseen > 0 ? `(${unseen}) ${baseTitle}` : baseTitle);
  return {
    show(notices) {
      let sound = false;
      for (const notice of notices) {
        if (!surface.isLookedAt()) unseen += Math.max(1, notice.taskIds.length);
        const [taskId] = notice.taskIds;
        surface.notify?.(notice, () => taskId !== undefined && openTask(taskId));
        sound ||= notice.sound;
      }
      if (sound) surface.playSound();
      title();
    },
    seen() {
      if (unseen === 0) return;
      unseen = 0;
      title();
    },
    unseen: () => unseen,
  };
}

/** The browser's own surface: the document, the Notification API and Web Audio. */
export function browserSurface(): NoticeSurface {
  const canNotify = typeof Notification !== 'undefined';
  return {
    isLookedAt: () => document.visibilityState === 'visible' && document.hasFocus(),
    setTitle: (title) => {
      document.title = title;
    },
    ...(canNotify
      ? {
          notify(notice: PageNotice, onClick: () => void) {
            if (Notification.permission !== 'granted') return;
            const shown = new Notification(notice.title, { body: notice.body, tag: notice.taskIds.join(',') || undefined });
            shown.onclick = () => {
              window.focus();
              onClick();
              shown.close();
            };
          },
        }
      : {}),
    playSound() {
      try {
        const audio = new AudioContext();
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = 880;
        gain.gain.setValueAtTime(0.15, audio.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.25);
        tone.connect(gain).connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + 0.25);
        tone.onended = () => void audio.close();
      } catch {
        // No audio output (or not allowed before the user interacted): the title and the notification remain.
      }
    },
  };
}
