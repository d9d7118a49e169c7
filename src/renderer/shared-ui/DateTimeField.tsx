/**
 * A wall-clock day and time ('YYYY-MM-DDTHH:MM'), typed as the UI language writes it
 * (дд.мм.гггг, чч:мм; 24-hour in both languages) or its day picked from a calendar.
 */
import { useMemo, useRef } from 'react';
import { DatePicker } from 'react-aria-components';
import { AriaLocale } from './AriaLocale';
import { DatePickerBody } from './CalendarPopover';
import { dateTimeText, dateTimeValue } from './date-values';
import { ariaFieldProps, type PickerProps } from './picker-props';
import './pickers.css';

export function DateTimeField({
  value,
  onChange,
  label,
  placeholder,
  onPicked,
  ...rest
}: PickerProps & {
  /** Where arrows start on an empty field, and the time a day picked into an empty field gets ('YYYY-MM-DDTHH:MM'). */
  placeholder?: string;
  /** A day was picked in the calendar and the calendar closed (after onChange). */
  onPicked?: () => void;
}) {
  const parsed = useMemo(() => dateTimeValue(value), [value]);
  const placeholderValue = useMemo(() => (placeholder ? dateTimeValue(placeholder) : null), [placeholder]);
  const open = useRef(false);
  const picked = useRef(false);
  return (
    <AriaLocale>
      <DatePicker
        {...ariaFieldProps(rest)}
        value={parsed}
        placeholderValue={placeholderValue}
        granularity="minute"
        hourCycle={24}
        onChange={(next) => {
          if (open.current) picked.current = true;
          onChange(dateTimeText(next));
        }}
        onOpenChange={(isOpen) => {
          open.current = isOpen;
          if (isOpen || !picked.current) return;
          picked.current = false;
          onPicked?.();
        }}
      >
        <DatePickerBody label={label} />
      </DatePicker>
    </AriaLocale>
  );
}
