/**
 * Text-like editors that commit on Enter or when focus leaves (one intent per change, never per
 * keystroke); Esc puts the shown value back.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/context';
import { useAppStore } from '../store';
import { DateTimeField } from '../shared-ui/DateTimeField';
import { fromPortalLocalInput, toPortalLocalInput } from '../shared-ui/format';
import { normaliseEstimate } from './edit-intents';

function commitKeys(commit: () => void, reset: () => void, dirty: boolean) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && dirty) {
      // The first Esc undoes the typing; the next one closes the drawer.
      event.stopPropagation();
      reset();
    }
  };
}

export function EstimateEditor({ label, value, onCommit }: { label: string; value: string; onCommit: (value: string | null) => void }) {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  // The portal stores "4.5"; the Russian UI writes 4,5.
  const shown = draft ?? (language === 'ru' ? value.replace('.', ',') : value);
  const commit = () => {
    if (draft === null) return;
    const next = normaliseEstimate(draft);
    if (next === 'invalid') return setInvalid(true);
    setInvalid(false);
    setDraft(null);
    if ((next ?? '') !== normaliseEstimate(value)) onCommit(next);
  };
  return (
    <div className="drawer__field">
      <label htmlFor="drawer-estimate">{label}</label>
      <input
        id="drawer-estimate"
        inputMode="decimal"
        value={shown}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'drawer-estimate-error' : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={commitKeys(commit, () => {
          setDraft(null);
          setInvalid(false);
        }, draft !== null)}
      />
      {invalid && (
        <span id="drawer-estimate-error" role="alert" className="field__error">
          {t('drawer.estimate.invalid')}
        </span>
      )}
    </div>
  );
}

export function DeadlineEditor({ label, deadline, utcOffsetMinutes, onCommit }: { label: string; deadline: number | null; utcOffsetMinutes: number; onCommit: (at: number | null) => void }) {
  const { t } = useI18n();
  const saved = deadline === null ? '' : toPortalLocalInput(deadline, utcOffsetMinutes);
  const [draft, setDraftState] = useState<string | null>(null);
  // The calendar's pick and the blur that follows come in one event: read the draft from here.
  const latest = useRef<string | null>(null);
  const setDraft = (next: string | null) => {
    latest.current = next;
    setDraftState(next);
  };
  // Overdue as of when the drawer opened; the board's deadline cell is the live one.
  const [openedAt] = useState(() => Date.now());
  const overdue = deadline !== null && deadline < openedAt;
  const workEnd = useAppStore((state) => state.settings?.calendar.workHours.end ?? '18:00');
  const commit = () => {
    const pending = latest.current;
    if (pending === null || pending === saved) return setDraft(null);
    const at = pending === '' ? null : fromPortalLocalInput(pending, utcOffsetMinutes);
    if (pending !== '' && at === null) return;
    setDraft(null);
    onCommit(at);
  };
  return (
    <div className={`drawer__field${overdue ? ' drawer__field--overdue' : ''}`}>
      <span id="drawer-deadline-label" className="drawer__label">
        {label}
      </span>
      <div
        className="drawer__inline"
        // Caught before the typed segments (they keep Enter and Esc); not on the buttons or in the calendar.
        onKeyDownCapture={(event) => (event.target as HTMLElement).getAttribute('role') === 'spinbutton' && commitKeys(commit, () => setDraft(null), draft !== null)(event)}
      >
        <DateTimeField
          aria-labelledby="drawer-deadline-label"
          value={draft ?? saved}
          // A day picked for a task with no deadline yet gets the end of the working day, not midnight.
          placeholder={`${toPortalLocalInput(openedAt, utcOffsetMinutes).slice(0, 10)}T${workEnd}`}
          onChange={setDraft}
          onBlur={commit}
          onPicked={commit}
        />
        {deadline !== null && (
          <button type="button" className="icon-button" aria-label={t('drawer.deadline.clear')} title={t('drawer.deadline.clear')} onClick={() => onCommit(null)}>
            ✕
          </button>
        )}
      </div>
    </div>
  );
}
