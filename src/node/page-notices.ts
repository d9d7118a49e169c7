/**
 * Browser mode has no tray: the host's reminders go to the pages as a `page-notices` event, which
 * they show as Web Notifications, a count in the title and a sound.
 */
import type { AlertsPort } from './alerts/service';
import type { AlertNotice } from './alerts/types';
import type { PageNotice } from '../shared/api';
import type { WireService } from './wire';

export function pageNotice(notice: AlertNotice): PageNotice {
  return { taskIds: notice.type === 'task' ? [notice.taskId] : notice.taskIds, title: notice.title, body: notice.body, sound: notice.sound };
}

/** The host's wire, with the reminders added to its events (as the JSON text the wire carries). */
export function withPageNotices(wire: WireService, alerts: Pick<AlertsPort, 'onNotices'>): WireService {
  return {
    call: (method, args) => wire.call(method, args),
    subscribe(listener) {
      const offEvents = wire.subscribe(listener);
      const offNotices = alerts.onNotices((notices) => listener(JSON.stringify({ type: 'page-notices', notices: notices.map(pageNotice) })));
      return () => {
        offEvents();
        offNotices();
      };
    },
  };
}
