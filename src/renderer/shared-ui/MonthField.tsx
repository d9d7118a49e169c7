/**
 * A month ('YYYY-MM') as two lists, the month named in the UI language («декабрь», "December")
 * and the year; the OS's month picker would name it in the OS's language.
 */
import { useId, useMemo } from 'react';
import { localeOf } from '../i18n';
import { useI18n } from '../i18n/context';
import { monthNames, monthText, monthValue, pickerYears } from './date-values';
import type { PickerProps } from './picker-props';
import './pickers.css';

export function MonthField({ value, onChange, label, disabled, className, ...aria }: PickerProps) {
  const { t, language } = useI18n();
  const labelId = useId();
  const names = useMemo(() => monthNames(localeOf(language)), [language]);
  const now = new Date();
  const chosen = monthValue(value) ?? { year: now.getFullYear(), month: now.getMonth() + 1 };
  const years = pickerYears(chosen.year, now.getFullYear());
  const labelledBy = label ? labelId : aria['aria-labelledby'];
  return (
    <div className={`picker picker--month${className ? ` ${className}` : ''}`}>
      {label && (
        <span id={labelId} className="picker__label">
          {label}
        </span>
      )}
      <div role="group" id={aria.id} aria-label={label ? undefined : aria['aria-label']} aria-labelledby={labelledBy} aria-describedby={aria['aria-describedby']} className="picker__selects">
        <select aria-label={t('picker.month')} value={chosen.month} disabled={disabled} aria-invalid={aria['aria-invalid']} onChange={(event) => onChange(monthText({ ...chosen, month: Number(event.target.value) }))}>
          {names.map((name, index) => (
            <option key={name} value={index + 1}>
              {name}
            </option>
          ))}
        </select>
        <select aria-label={t('picker.year')} value={chosen.year} disabled={disabled} aria-invalid={aria['aria-invalid']} onChange={(event) => onChange(monthText({ ...chosen, year: Number(event.target.value) }))}>
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
