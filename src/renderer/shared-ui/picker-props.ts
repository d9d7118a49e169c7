/** What every date/time picker takes: the form's string value and the wiring a Field hands its control. */
export interface PickerProps {
  /** The form's string form ('' for none); see date-values.ts. */
  value: string;
  onChange: (value: string) => void;
  /** A visible label drawn by the picker itself; without it, aria-label or aria-labelledby names it. */
  label?: string;
  id?: string;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  disabled?: boolean;
  className?: string;
  /** Focus left the whole picker (its segments, button and calendar). */
  onBlur?: () => void;
}

/** The props React Aria's fields share, from ours. */
export function ariaFieldProps({ disabled, onBlur, className, ...props }: Omit<PickerProps, 'value' | 'onChange' | 'label'>) {
  // No id: React Aria would set it on both its wrapper and its group; the label names it by aria-labelledby.
  return {
    'aria-label': props['aria-label'],
    'aria-labelledby': props['aria-labelledby'],
    'aria-describedby': props['aria-describedby'],
    isInvalid: props['aria-invalid'] ?? false,
    isDisabled: disabled ?? false,
    onBlur: onBlur ? () => onBlur() : undefined,
    className: `picker${className ? ` ${className}` : ''}`,
    // Our own messages explain a wrong value; the browser's bubbles would speak the OS's language.
    validationBehavior: 'aria' as const,
    shouldForceLeadingZeros: true,
  };
}
