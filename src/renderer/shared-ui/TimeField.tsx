/** A time of day ('HH:MM') on the 24-hour clock, typed as the UI language writes it, whatever the OS's. */
import { useMemo } from 'react';
import { Label, TimeField as AriaTimeField } from 'react-aria-components';
import { AriaLocale } from './AriaLocale';
import { DateSegments } from './DateSegments';
import { timeText, timeValue } from './date-values';
import { ariaFieldProps, type PickerProps } from './picker-props';
import './pickers.css';

export function TimeField({ value, onChange, label, ...rest }: PickerProps) {
  const parsed = useMemo(() => timeValue(value), [value]);
  const props = ariaFieldProps(rest);
  return (
    <AriaLocale>
      <AriaTimeField {...props} className={`${props.className} picker--time`} value={parsed} hourCycle={24} onChange={(next) => onChange(timeText(next))}>
        {label && <Label className="picker__label">{label}</Label>}
        <div className="picker__group">
          <DateSegments />
        </div>
      </AriaTimeField>
    </AriaLocale>
  );
}
