/**
 * The task's fields, the editable ones as controls that each queue one `updateFields` intent. A
 * change shows at once (optimistic) and stays until the reloaded view carries it.
 */
import { startTransition, useOptimistic } from 'react';
import type { UserFieldDefinition } from '../../core/domain/model';
import { firstFieldValue } from '../../core/domain/field-mapping';
import { useI18n } from '../i18n/context';
import { companyOf, formatPortalDateTime, formatUtcOffset, userName } from '../shared-ui/format';
import { RichText } from '../text/RichText';
import { useUiStore } from '../store/ui-store';
import { editIntent, type DrawerEdit, type ServiceField } from './edit-intents';
import { portalOffsetMinutes, type DrawerData } from './drawer-data';
import { statusLabel } from './history-format';
import { DeadlineEditor, EstimateEditor } from './FieldEditors';
import { ResponsibleEditor } from './ResponsibleEditor';
import { DrawerTimers } from './DrawerTimers';

function listDefinition(data: DrawerData, field: ServiceField): UserFieldDefinition | undefined {
  const name = data.settings.fields[field];
  return name ? data.directory?.userFields.find((definition) => definition.name === name) : undefined;
}

export function DrawerFields({ data }: { data: DrawerData }) {
  const { t, language } = useI18n();
  const selectTask = useUiStore((state) => state.selectTask);
  const { task, portalLink } = data.details;
  const offset = portalOffsetMinutes(data);
  const users = data.directory?.users;
  const stage = data.board?.stages.find((candidate) => candidate.id === task.stageId) ?? data.board?.stages[0];
  const company = companyOf(task.crmLinks, data.directory?.companies);
  const [shown, showEdit] = useOptimistic<Partial<Record<string, string | boolean | null>>, [string, string | boolean | null]>({}, (state, [key, value]) => ({ ...state, [key]: value }));
  const edit = (change: DrawerEdit, key?: string, value?: string | boolean | null) =>
    startTransition(async () => {
      if (key !== undefined) showEdit([key, value ?? null]);
      await data.send(editIntent(task.id, change, data.settings.fields, offset));
    });
  const date = (instant: number | null) => (instant === null ? t('drawer.value.none') : formatPortalDateTime(instant, offset, language));

  const serviceField = (field: ServiceField, label: string) => {
    const name = data.settings.fields[field];
    const definition = listDefinition(data, field);
    const saved = name ? firstFieldValue(task.userFields[name]) : '';
    const current = field in shown ? String(shown[field] ?? '') : saved;
    if (!name) return <ReadOnly label={label} value={t('drawer.field.unmapped')} />;
    if (definition && definition.listItems.length > 0) {
      return (
        <div className="drawer__field">
          <label htmlFor={`drawer-${field}`}>{label}</label>
          <select id={`drawer-${field}`} value={current} onChange={(event) => edit({ kind: 'service-field', field, value: event.target.value || null }, field, event.target.value)}>
            <option value="">{t('drawer.value.none')}</option>
            {[...definition.listItems]
              .sort((a, b) => a.sort - b.sort)
              .map((item) => (
                <option key={item.id} value={item.id}>
                  {item.value}
                </option>
              ))}
          </select>
        </div>
      );
    }
    if (field === 'estimate') return <EstimateEditor label={label} value={current} onCommit={(value) => edit({ kind: 'service-field', field, value })} />;
    return <ReadOnly label={label} value={current || t('drawer.value.none')} />;
  };

  return (
    <section className="drawer__fields">
      <div className="drawer__grid">
        <ReadOnly label={t('drawer.field.status')} value={statusLabel(task.status, t)} />
        <ReadOnly label={t('drawer.field.stage')} value={stage?.title ?? t('drawer.value.none')} swatch={stage?.color} />
        <div className="drawer__field drawer__field--toggle">
          <label>
            <input
              type="checkbox"
              checked={typeof shown.important === 'boolean' ? shown.important : task.priority === 2}
              onChange={(event) => edit({ kind: 'important', important: event.target.checked }, 'important', event.target.checked)}
            />{' '}
            {t('drawer.field.important')}
          </label>
        </div>
        <ResponsibleEditor data={data} shownUserId={typeof shown.responsible === 'string' ? shown.responsible : task.responsibleId} onAssign={(userId) => edit({ kind: 'responsible', userId }, 'responsible', userId)} />
        <ReadOnly label={t('drawer.field.creator')} value={userName(users, task.createdBy)} />
        <ReadOnly label={t('drawer.field.company')} value={company?.title ?? t('drawer.value.none')} />
        <DeadlineEditor label={t('drawer.field.deadline')} deadline={task.deadline} utcOffsetMinutes={offset} onCommit={(at) => edit({ kind: 'deadline', at })} />
        {serviceField('type', t('drawer.field.type'))}
        {serviceField('blocker', t('drawer.field.blocker'))}
        {serviceField('estimate', t('drawer.field.estimate'))}
        <ReadOnly label={t('drawer.field.created')} value={date(task.createdAt)} />
        <ReadOnly label={t('drawer.field.changed')} value={date(task.changedAt)} />
        <DrawerTimers data={data} />
      </div>
      <p className="drawer__timezone">{t('drawer.timezone', { offset: formatUtcOffset(offset) })}</p>
      <h3 className="drawer__subtitle">{t('drawer.field.description')}</h3>
      {task.description.trim() ? (
        <RichText className="drawer__description" text={task.description} portalUrl={new URL(portalLink).origin} onOpenTask={selectTask} />
      ) : (
        <p className="drawer__muted">{t('drawer.value.noDescription')}</p>
      )}
    </section>
  );
}

export function ReadOnly({ label, value, swatch }: { label: string; value: string; swatch?: string | undefined }) {
  return (
    <div className="drawer__field">
      <span className="drawer__label">{label}</span>
      <span className="drawer__value">
        {swatch && <span className="drawer__swatch" style={{ background: `#${swatch.replace(/[^0-9a-f]/gi, '')}` }} aria-hidden="true" />}
        {value}
      </span>
    </div>
  );
}
