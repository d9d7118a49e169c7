/** Time records of the task and a form to log more (hours + minutes + what was done). */
import { useState, type FormEvent } from 'react';
import { formatDuration } from '../../core/domain/durations';
import { useI18n } from '../i18n/context';
import { formatPortalDateTime, userName } from '../shared-ui/format';
import { loggedSeconds } from './edit-intents';
import { portalOffsetMinutes, type DrawerData } from './drawer-data';

export function TimePanel({ data }: { data: DrawerData }) {
  const { t, language } = useI18n();
  const [hours, setHours] = useState('');
  const [minutes, setMinutes] = useState('');
  const [comment, setComment] = useState('');
  const [invalid, setInvalid] = useState(false);
  const { task, elapsed } = data.details;
  const offset = portalOffsetMinutes(data);
  const users = data.directory?.users;
  const queued = data.queued.flatMap((edit) => (edit.payload.name === 'logTime' ? [{ seq: edit.seq, seconds: edit.payload.seconds, comment: edit.payload.comment }] : []));
  const total = elapsed.reduce((sum, record) => sum + record.seconds, 0) + queued.reduce((sum, record) => sum + record.seconds, 0);
  const records = [...elapsed].sort((a, b) => b.createdAt - a.createdAt);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const seconds = loggedSeconds(hours, minutes);
    setInvalid(seconds === null);
    if (seconds === null) return;
    if (await data.send({ name: 'logTime', taskId: task.id, seconds, comment: comment.trim() })) {
      setHours('');
      setMinutes('');
      setComment('');
    }
  };

  return (
    <div className="time">
      <form className="time__form" onSubmit={(event) => void submit(event)} noValidate>
        <label className="time__small">
          <span className="drawer__label">{t('drawer.time.hours')}</span>
          <input type="number" min={0} step={1} value={hours} onChange={(event) => setHours(event.target.value)} aria-invalid={invalid || undefined} />
        </label>
        <label className="time__small">
          <span className="drawer__label">{t('drawer.time.minutes')}</span>
          <input type="number" min={0} max={59} step={5} value={minutes} onChange={(event) => setMinutes(event.target.value)} aria-invalid={invalid || undefined} />
        </label>
        <label className="time__comment">
          <span className="drawer__label">{t('drawer.time.comment')}</span>
          <input value={comment} onChange={(event) => setComment(event.target.value)} />
        </label>
        <button type="submit" className="button--primary">
          {t('drawer.time.add')}
        </button>
        {invalid && (
          <p role="alert" className="field__error time__error">
            {t('drawer.time.invalid')}
          </p>
        )}
      </form>
      <p className="time__total">{t('drawer.time.total', { total: formatDuration(total, language) })}</p>
      {records.length === 0 && queued.length === 0 ? (
        <p className="drawer__muted">{t('drawer.time.empty')}</p>
      ) : (
        <ul className="time__list">
          {queued.map((record) => (
            <li key={`queued-${record.seq}`} className="time__record time__record--queued">
              <span className="time__duration">{formatDuration(record.seconds, language)}</span>
              <span className="time__what">{record.comment}</span>
              <span className="sync-mark sync-mark--queued">{t('drawer.comments.queued')}</span>
            </li>
          ))}
          {records.map((record) => (
            <li key={record.id} className="time__record">
              <span className="time__duration">{formatDuration(record.seconds, language)}</span>
              <span className="time__what">{record.comment}</span>
              <span className="time__who">
                {userName(users, record.userId)} · {formatPortalDateTime(record.createdAt, offset, language)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
