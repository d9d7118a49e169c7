/**
 * A modal surface: labelled, focus moved in on open and given back on close, Tab kept inside,
 * Esc and a click on the backdrop close it. `variant` picks the layout (centred dialog or side
 * drawer); both are `role="dialog"` so screen readers announce them the same way.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './shared-ui.css';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog({
  label,
  onClose,
  children,
  variant = 'center',
  className,
}: {
  label: string;
  onClose: () => void;
  children: ReactNode;
  variant?: 'center' | 'drawer' | 'top';
  className?: string;
}) {
  const surface = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const node = surface.current;
    // Autofocus wins (a search box); otherwise the surface itself takes focus.
    if (node && !node.contains(document.activeElement)) (node.querySelector<HTMLElement>('[data-autofocus]') ?? node).focus();
    return () => previous?.focus?.();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !surface.current) return;
    const items = [...surface.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className={`overlay overlay--${variant}`} onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={surface}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        tabIndex={-1}
        className={`overlay__surface overlay__surface--${variant}${className ? ` ${className}` : ''}`}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>
  );
}
