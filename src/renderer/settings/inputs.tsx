/**
 * Inputs for the settings form. Numbers keep the text being typed while focused (so "1," is not
 * rejected mid-typing) and hand the form a number, or the raw text for validation to explain.
 */
import { useState, type InputHTMLAttributes } from 'react';
import type { Settings } from '../../core/domain/settings';
import type { FieldErrors, Path } from './settings-form';
import { useI18n } from '../i18n/context';
import { hoursTextToMinutes, minutesToHoursText, numberFromText, numberText } from './settings-form';

export interface SectionProps {
  draft: Settings;
  set(path: Path, value: unknown): void;
  errors: FieldErrors;
}

export function errorAt(errors: FieldErrors, path: Path): string | undefined {
  return errors[path.join('.')];
}

type TextProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

function BufferedInput({ shown, parse, onValue, ...rest }: TextProps & { shown: string; parse: (text: string) => unknown; onValue: (value: unknown) => void }) {
  const [text, setText] = useState<string | null>(null);
  return (
    <input
      {...rest}
      inputMode="decimal"
      value={text ?? shown}
      onChange={(event) => {
        setText(event.target.value);
        onValue(parse(event.target.value));
      }}
      onBlur={() => setText(null)}
    />
  );
}

/** A duration kept in minutes, typed in hours; empty gives null. */
export function HoursInput({ minutes, onMinutes, ...rest }: TextProps & { minutes: unknown; onMinutes: (value: number | string | null) => void }) {
  const { language } = useI18n();
  return <BufferedInput {...rest} shown={minutesToHoursText(minutes, language)} parse={hoursTextToMinutes} onValue={(value) => onMinutes(value as number | string | null)} />;
}

export function NumberInput({ value, onNumber, ...rest }: TextProps & { value: unknown; onNumber: (value: number | string | null) => void }) {
  const { language } = useI18n();
  return <BufferedInput {...rest} shown={typeof value === 'number' ? numberText(value, language) : value === null || value === undefined ? '' : String(value)} parse={numberFromText} onValue={(next) => onNumber(next as number | string | null)} />;
}

export function Toggle({ label, checked, onChange, disabled }: { label: string; checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean }) {
  return (
    <label className="toggle">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
