/** The working calendar: time zone, working days and hours, holidays and moved working days. */
import { useState } from 'react';
import { useI18n } from '../../i18n/context';
import { DateField } from '../../shared-ui/DateField';
import { Field } from '../../shared-ui/Field';
import { TimeField } from '../../shared-ui/TimeField';
import { formatDayKey, formatUtcOffset } from '../../shared-ui/format';
import { errorAt, type SectionProps } from '../inputs';

const OFFSETS = Array.from({ length: (14 * 60 + 12 * 60) / 30 + 1 }, (_, index) => -12 * 60 + index * 30);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function DayList({ label, days, onChange, errors, path }: { label: string; days: string[]; onChange: (days: string[]) => void; errors: SectionProps['errors']; path: string }) {
  const { t, language } = useI18n();
  const [adding, setAdding] = useState('');
  const listError = Object.entries(errors).find(([key]) => key === path || key.startsWith(`${path}.`))?.[1];
  return (
    <fieldset className="settings__fieldset">
      <legend>{label}</legend>
      <ul className="settings__days">
        {days.map((day, index) => (
          <li key={`${day}-${index}`} className={`settings__day${errors[`${path}.${index}`] ? ' settings__day--invalid' : ''}`}>
            {formatDayKey(day, language)}
            <button type="button" className="icon-button" aria-label={t('settings.calendar.remove', { day: formatDayKey(day, language) })} onClick={() => onChange(days.filter((_, at) => at !== index))}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <div className="settings__inline">
        <DateField aria-label={`${label}: ${t('settings.calendar.newDay')}`} value={adding} onChange={setAdding} />
        <button
          type="button"
          disabled={!adding}
          onClick={() => {
            onChange([...new Set([...days, adding])].sort());
            setAdding('');
          }}
        >
          {t('settings.calendar.add')}
        </button>
      </div>
      {listError && <span className="field__error">{listError}</span>}
    </fieldset>
  );
}

export function CalendarSection({ draft, set, errors }: SectionProps) {
  const { t } = useI18n();
  const calendar = draft.calendar;
  const offsets = OFFSETS.includes(calendar.utcOffsetMinutes) ? OFFSETS : [...OFFSETS, calendar.utcOffsetMinutes].sort((a, b) => a - b);
  const toggleDay = (day: number, on: boolean) => set(['calendar', 'workDays'], on ? [...new Set([...calendar.workDays, day])].sort() : calendar.workDays.filter((d) => d !== day));
  return (
    <>
      <div className="settings__grid">
        <Field label={t('settings.calendar.offset')} error={errorAt(errors, ['calendar', 'utcOffsetMinutes'])}>
          <select value={calendar.utcOffsetMinutes} onChange={(event) => set(['calendar', 'utcOffsetMinutes'], Number(event.target.value))}>
            {offsets.map((offset) => (
              <option key={offset} value={offset}>
                UTC{formatUtcOffset(offset)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('settings.calendar.start')} error={errorAt(errors, ['calendar', 'workHours', 'start'])}>
          <TimeField value={calendar.workHours.start} onChange={(start) => set(['calendar', 'workHours', 'start'], start)} />
        </Field>
        <Field label={t('settings.calendar.end')} error={errorAt(errors, ['calendar', 'workHours', 'end'])}>
          <TimeField value={calendar.workHours.end} onChange={(end) => set(['calendar', 'workHours', 'end'], end)} />
        </Field>
      </div>
      <fieldset className="settings__fieldset">
        <legend>{t('settings.calendar.days')}</legend>
        <div className="settings__checks settings__checks--row">
          {WEEKDAYS.map((day) => (
            <label key={day} className="toggle">
              <input type="checkbox" checked={calendar.workDays.includes(day)} onChange={(event) => toggleDay(day, event.target.checked)} />
              <span>{t(`settings.weekday.${day}`)}</span>
            </label>
          ))}
        </div>
        {errorAt(errors, ['calendar', 'workDays']) && <span className="field__error">{errorAt(errors, ['calendar', 'workDays'])}</span>}
      </fieldset>
      <DayList label={t('settings.calendar.holidays')} days={calendar.holidays} errors={errors} path="calendar.holidays" onChange={(days) => set(['calendar', 'holidays'], days)} />
      <DayList label={t('settings.calendar.workingWeekends')} days={calendar.workingWeekends} errors={errors} path="calendar.workingWeekends" onChange={(days) => set(['calendar', 'workingWeekends'], days)} />
    </>
  );
}
