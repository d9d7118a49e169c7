/**
 * "Новая заявка": group, title, description, Тип, Оценка, Важно, responsible (with a suggestion).
 * Creating queues one `createTask` intent; the local card shows at once, marked queued, and
 * opens in the drawer.
 */
import { useAppStore } from '../store';
import { useState, type FormEvent } from 'react';
import { pult } from '../bridge';
import { useI18n } from '../i18n/context';
import { useUiStore } from '../store/ui-store';
import { Dialog } from '../shared-ui/Dialog';
import { Field } from '../shared-ui/Field';
import { DateTimeField } from '../shared-ui/DateTimeField';
import { toPortalLocalInput, userName } from '../shared-ui/format';
import { formatHours } from '../board/format';
import { localTaskId } from './local-id';
import { createIntent, validateCreate, type CreateForm, type CreateProblem } from './create-intent';
import { useNewRequestSuggestion } from './use-new-request-suggestion';
import './create.css';

export function CreateDialog() {
  const open = useUiStore((state) => state.createOpen);
  const setOpen = useUiStore((state) => state.setCreateOpen);
  const { t } = useI18n();
  if (!open) return null;
  return (
    <Dialog label={t('create.title')} onClose={() => setOpen(false)}>
      <CreateForm onDone={() => setOpen(false)} />
    </Dialog>
  );
}

function CreateForm({ onDone }: { onDone: () => void }) {
  const { t, language } = useI18n();
  const selectTask = useUiStore((state) => state.selectTask);
  const settings = useAppStore((state) => state.settings);
  const directory = useAppStore((state) => state.directory);
  const groups = useAppStore((state) => state.groups);
  const groupIds = settings?.groupIds ?? [];
  const [form, setForm] = useState<Omit<CreateForm, 'groupId'> & { groupId: string | null }>({ groupId: null, title: '', description: '', type: '', estimate: '', important: false, responsibleId: '', companyId: '', deadline: '' });
  const [problems, setProblems] = useState<CreateProblem[]>([]);
  const [sendError, setSendError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const groupId = form.groupId ?? groupIds[0] ?? '';
  const suggestion = useNewRequestSuggestion(form.type);
  const typeField = directory?.userFields.find((field) => field.name === settings?.fields.type);
  const employees = (directory?.users ?? []).filter((user) => user.active && user.type === 'employee');
  const update = (patch: Partial<CreateForm>) => setForm((previous) => ({ ...previous, ...patch }));
  const problem = (name: CreateProblem, key: 'create.error.group' | 'create.error.name' | 'create.error.estimate' | 'create.error.deadline') => (problems.includes(name) ? t(key) : null);
  const companies = directory?.companies ?? [];
  // The group's board knows the portal's time zone (a deadline is entered on the portal's clock).
  const utcOffsetMinutes = useAppStore((state) => state.boards[groupId]?.portalUtcOffsetMinutes ?? settings?.calendar.utcOffsetMinutes ?? 180);
  // A day picked from the calendar gets the end of the portal's working day, not midnight.
  const [openedAt] = useState(() => Date.now());
  const deadlinePlaceholder = `${toPortalLocalInput(openedAt, utcOffsetMinutes).slice(0, 10)}T${settings?.calendar.workHours.end ?? '18:00'}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!settings) return;
    const complete: CreateForm = { ...form, groupId };
    const found = validateCreate(complete);
    setProblems(found);
    if (found.length) return;
    setBusy(true);
    setSendError(null);
    try {
      const payload = createIntent(complete, settings.fields, crypto.randomUUID(), utcOffsetMinutes);
      await pult.enqueue(payload);
      onDone();
      selectTask(localTaskId(payload.clientId));
    } catch (error) {
      setSendError(t('create.error.send', { message: (error as Error).message }));
      setBusy(false);
    }
  };

  return (
    <form className="create" onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="dialog__title">{t('create.title')}</h2>
      <div className="create__grid">
        <Field label={t('create.group')} error={problem('group', 'create.error.group')}>
          <select value={groupId} onChange={(event) => update({ groupId: event.target.value })}>
            {groupIds.map((id) => (
              <option key={id} value={id}>
                {groups?.find((group) => group.id === id)?.name ?? `#${id}`}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('create.name')} error={problem('name', 'create.error.name')} className="create__wide">
          <input data-autofocus value={form.title} onChange={(event) => update({ title: event.target.value })} />
        </Field>
        <Field label={t('create.description')} className="create__wide">
          <textarea rows={4} value={form.description} onChange={(event) => update({ description: event.target.value })} />
        </Field>
        <Field label={t('create.type')}>
          <select value={form.type} onChange={(event) => update({ type: event.target.value })} disabled={!typeField}>
            <option value="">{t('create.value.none')}</option>
            {(typeField?.listItems ?? []).map((item) => (
              <option key={item.id} value={item.id}>
                {item.value}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('create.estimate')} error={problem('estimate', 'create.error.estimate')}>
          <input inputMode="decimal" value={form.estimate} onChange={(event) => update({ estimate: event.target.value })} disabled={!settings?.fields.estimate} />
        </Field>
        <Field label={t('create.company')}>
          <select value={form.companyId} onChange={(event) => update({ companyId: event.target.value })}>
            <option value="">{t('create.company.none')}</option>
            {companies.map((company) => (
              <option key={company.id} value={company.id}>
                {company.title}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('create.deadline')} error={problem('deadline', 'create.error.deadline')}>
          <DateTimeField value={form.deadline} placeholder={deadlinePlaceholder} onChange={(deadline) => update({ deadline })} />
        </Field>
        <Field label={t('create.responsible')} className="create__wide">
          <select value={form.responsibleId} onChange={(event) => update({ responsibleId: event.target.value })}>
            <option value="">{t('create.responsible.none')}</option>
            {employees.map((user) => (
              <option key={user.id} value={user.id}>
                {userName(employees, user.id)}
              </option>
            ))}
          </select>
        </Field>
        {suggestion && suggestion.userId !== form.responsibleId && (
          <div className="suggestion create__wide" role="note">
            <span className="suggestion__who">{t('create.suggest.label', { name: userName(employees, suggestion.userId) })}</span>
            <span className="suggestion__why">
              {t('create.suggest.reason', { plan: formatHours(suggestion.planTodayHours, language), remaining: formatHours(suggestion.remainingHours, language), capacity: formatHours(suggestion.capacityHours, language) })}
            </span>
            <button type="button" className="button--small" onClick={() => update({ responsibleId: suggestion.userId })}>
              {t('create.suggest.apply')}
            </button>
          </div>
        )}
        <label className="create__toggle">
          <input type="checkbox" checked={form.important} onChange={(event) => update({ important: event.target.checked })} /> {t('create.important')}
        </label>
      </div>
      {sendError && (
        <p role="alert" className="field__error">
          {sendError}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" onClick={onDone}>
          {t('action.cancel')}
        </button>
        <button type="submit" className="button--primary" disabled={busy || !settings}>
          {t('create.submit')}
        </button>
      </div>
    </form>
  );
}
