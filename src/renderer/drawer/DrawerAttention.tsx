/** The drawer head's attention marks: overdue, SLA (target and time left or over), forgotten — by the board's rule. */
import { useMemo } from 'react';
import { deadlineAttention, slaAttention } from '../../core/domain/attention';
import { cardKind } from '../../core/domain/card-kind';
import { forgottenReasons } from '../../core/domain/forgotten';
import { slaFocus, slaStatus } from '../../core/domain/sla';
import { createStageMap } from '../../core/domain/stage-map';
import { isTaskDone } from '../../core/domain/task-timeline';
import { useI18n } from '../i18n/context';
import { useMinute } from '../store/clock-store';
import { formatPortalDateTime } from '../shared-ui/format';
import { slaText } from '../shared-ui/sla-text';
import { portalOffsetMinutes, type DrawerData } from './drawer-data';

export function DrawerAttention({ data }: { data: DrawerData }) {
  const { t, language } = useI18n();
  const minute = useMinute();
  const { task, history } = data.details;
  const marks = useMemo(() => {
    const map = createStageMap(data.board?.stages ?? [], data.settings.stageRoles);
    const done = isTaskDone(task, map);
    const kind = cardKind(task, data.settings.fields).kind;
    const users = new Map((data.directory?.users ?? []).map((user) => [user.id, user]));
    const sla = slaStatus(task, kind, history, map, data.settings, minute);
    const focus = slaFocus(sla);
    const forgotten = forgottenReasons(task, history, users, map, data.settings, minute);
    const list: { key: string; tone: string; text: string }[] = [];
    if (task.deadline !== null && deadlineAttention(task.deadline < minute, done) === 'act') {
      list.push({ key: 'overdue', tone: 'act', text: t('card.overdue', { date: formatPortalDateTime(task.deadline, portalOffsetMinutes(data), language) }) });
    }
    const slaTone = slaAttention(sla.state, done);
    const text = focus && slaTone !== 'none' ? slaText(focus, data.settings.sla[kind].clock, language) : null;
    if (text) list.push({ key: 'sla', tone: slaTone, text: text.long });
    if (forgotten.forgotten) list.push({ key: 'forgotten', tone: 'warn', text: `${t('card.forgotten')}: ${forgotten.reasons.map((r) => t(`card.forgotten.${r.code}`)).join(', ')}` });
    return list;
  }, [data, task, history, minute, t, language]);
  return (
    <>
      {marks.map((mark) => (
        <li key={mark.key} className={`attn-mark attn-mark--${mark.tone}`}>
          {mark.tone === 'act' && (
            <span className="attn-mark__flag" aria-hidden="true">
              !
            </span>
          )}
          {mark.text}
        </li>
      ))}
    </>
  );
}
