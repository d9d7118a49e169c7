import { describe, expect, it } from 'vitest';
import { withPageNotices } from '../../../src/node/page-notices';
import type { AlertNotice } from '../../../src/node/alerts/types';
import type { WireService } from '../../../src/node/wire';

describe('browser mode’s reminders', () => {
  it('reach the pages as page-notices events beside the host’s own, until they unsubscribe', async () => {
    const hostListeners = new Set<(json: string) => void>();
    const noticeListeners = new Set<(notices: AlertNotice[]) => void>();
    const wire: WireService = { call: async () => '{"ok":true,"value":1}', subscribe: (l) => (hostListeners.add(l), () => void hostListeners.delete(l)) };
    const relayed = withPageNotices(wire, { onNotices: (l) => (noticeListeners.add(l), () => void noticeListeners.delete(l)) });
    const got: string[] = [];
    const off = relayed.subscribe((json) => got.push(json));
    hostListeners.forEach((l) => l('{"type":"app-changed"}'));
    noticeListeners.forEach((l) =>
      l([
        { type: 'task', taskId: '7', kind: 'new-task', title: 'Новая заявка', body: '#7', sound: true },
        { type: 'summary', taskIds: ['8', '9'], kinds: ['forgotten'], title: '2 задачи', body: '', sound: false },
      ]),
    );
    expect(got.map((json) => JSON.parse(json))).toEqual([
      { type: 'app-changed' },
      { type: 'page-notices', notices: [{ taskIds: ['7'], title: 'Новая заявка', body: '#7', sound: true }, { taskIds: ['8', '9'], title: '2 задачи', body: '', sound: false }] },
    ]);
    expect(await relayed.call('getAppInfo', [])).toBe('{"ok":true,"value":1}');
    off();
    expect(hostListeners.size + noticeListeners.size).toBe(0);
  });
});
