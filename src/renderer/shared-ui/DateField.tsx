/** A day ('YYYY-MM-DD'), typed in the UI language's order (дд.мм.гггг / dd/mm/yyyy) or picked from a calendar. */
import { useMemo } from 'react';
import { DatePicker } from 'react-aria-components';
import { AriaLocale } from './AriaLocale';
import { DatePickerBody } from './CalendarPopover';
import { dayText, dayValue } from './date-values';
import { ariaFieldProps, type PickerProps } from './picker-props';
import './pickers.css';

export function DateField({ value, onChange, label, min, max, ...rest }: PickerProps & { min?: string; max?: string }) {
  const parsed = useMemo(() => dayValue(value), [value]);
  const minValue = useMemo(() => (min ? dayValue(min) : null), [min]);
  const maxValue = useMemo(() => (max ? dayValue(max) : null), [max]);
  return (
    <AriaLocale>
      <DatePicker {...ariaFieldProps(rest)} value={parsed} minValue={minValue} maxValue={maxValue} granularity="day" onChange={(next) => onChange(dayText(next))}>
        <DatePickerBody label={label} />
      </DatePicker>
    </AriaLocale>
  );
}
