import { describe, expect, it } from 'vitest';
import { createPageNotifier, type NoticeSurface } from '../../../src/renderer/shared-ui/page-notifier';
import type { PageNotice } from '../../../src/shared/api';

function surface(lookedAt: boolean, allowed = true) {
  const log = { titles: [] as string[], notified: [] as { title: string; click: () => void }[], sounds: 0, lookedAt };
  const s: NoticeSurface = {
    isLookedAt: () => log.lookedAt,
    setTitle: (title) => log.titles.push(title),
    ...(allowed ? { notify: (notice: PageNotice, click: () => void) => log.notified.push({ title: notice.title, click }) } : {}),
    playSound: () => log.sounds++,
  };
  return { s, log };
}

const task = (id: string, sound = false): PageNotice => ({ taskIds: [id], title: `Новая заявка #${id}`, body: 'Не работает почта', sound });

describe('the page notifier', () => {
  it('counts in the title only while nobody looks, and clears when the user looks again', () => {
    const { s, log } = surface(false);
    const opened: string[] = [];
    const notifier = createPageNotifier(s, 'Pult', (id) => opened.push(id));
    notifier.show([task('7', true), { taskIds: ['8', '9'], title: '2 задачи', body: '', sound: true }]);
    expect(log.titles.at(-1)).toBe('(3) Pult');
    expect(log.sounds).toBe(1);
    expect(log.notified.map((n) => n.title)).toEqual(['Новая заявка #7', '2 задачи']);
    log.notified[0]!.click();
    expect(opened).toEqual(['7']);
    notifier.seen();
    expect(log.titles.at(-1)).toBe('Pult');
    expect(notifier.unseen()).toBe(0);
  });

  it('adds nothing to the title while the page is looked at, and shows no notification the user did not allow', () => {
    const { s, log } = surface(true, false);
    const notifier = createPageNotifier(s, 'Pult', () => undefined);
    notifier.show([task('7')]);
    expect(log.titles.at(-1)).toBe('Pult');
    expect(log.notified).toEqual([]);
    expect(log.sounds).toBe(0);
  });
});
