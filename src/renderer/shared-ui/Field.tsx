/** A labelled form control with its inline error and hint, wired for screen readers. */
import { cloneElement, useId, type ReactElement } from 'react';
import './shared-ui.css';

// aria-labelledby too: a picker is a group of segments, which a <label for> cannot name.
type ControlProps = { id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string; 'aria-labelledby'?: string };

export function Field({ label, error, hint, children, className }: { label: string; error?: string | null | undefined; hint?: string; children: ReactElement<ControlProps>; className?: string }) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const labelId = `${id}-label`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label id={labelId} className="field__label" htmlFor={id}>
        {label}
      </label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, 'aria-labelledby': labelId } as ControlProps)}
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
