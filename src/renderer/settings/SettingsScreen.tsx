/**
 * Everything the settings document holds, edited as a draft: validated live with the domain
 * schema (problems shown next to their fields), saved with one button. Changing the bound groups
 * also restarts syncing for them.
 */
import { appStore, useAppStore } from '../store';
import { useMemo, useState, type ReactNode } from 'react';
import type { Settings } from '../../core/domain/settings';
import { pult } from '../bridge';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n';
import { useUiStore } from '../store/ui-store';
import { setIn, validateSettings, type Path } from './settings-form';
import { useGroupStages } from './use-group-stages';
import { ConnectionSection } from './sections/ConnectionSection';
import { GroupsSection } from './sections/GroupsSection';
import { FieldsSection } from './sections/FieldsSection';
import { PeopleSection } from './sections/PeopleSection';
import { TimersSection } from './sections/TimersSection';
import { SlaSection } from './sections/SlaSection';
import { CalendarSection } from './sections/CalendarSection';
import { NotificationsSection } from './sections/NotificationsSection';
import { InterfaceSection } from './sections/InterfaceSection';
import { TeamFileSection } from './sections/TeamFileSection';
import { TemplatesSection } from './sections/TemplatesSection';
import { WipSection } from './sections/WipSection';
import '../shared-ui/shared-ui.css';
import './settings.css';

export function SettingsScreen() {
  const { t } = useI18n();
  const settings = useAppStore((state) => state.settings);
  if (!settings) return <p role="status">{t('settings.loading')}</p>;
  return <SettingsEditor saved={settings} />;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string } | { kind: 'invalid' };

function SettingsEditor({ saved }: { saved: Settings }) {
  const { t, language } = useI18n();
  const info = useAppStore((state) => state.appInfo);
  const directory = useAppStore((state) => state.directory);
  const groups = useAppStore((state) => state.groups);
  // The draft starts from what was saved; a save or import elsewhere replaces it when untouched.
  const [edit, setEdit] = useState<{ base: Settings; draft: Settings }>({ base: saved, draft: saved });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const dirty = edit.draft !== edit.base;
  const current = !dirty && edit.base !== saved ? { base: saved, draft: saved } : edit;
  const draft = current.draft;
  const validation = useMemo(() => validateSettings(draft, t, language), [draft, t, language]);
  const errors = validation.ok ? {} : validation.errors;

  const set = (path: Path, value: unknown) => {
    setEdit((previous) => {
      const from = previous.draft !== previous.base || previous.base === saved ? previous : { base: saved, draft: saved };
      return { base: from.base, draft: setIn(from.draft, path, value) };
    });
    setSave({ kind: 'idle' });
  };
  const stages = useGroupStages(draft.groupIds, (guessed) => {
    for (const [stageId, role] of Object.entries(guessed)) if (!draft.stageRoles[stageId]) set(['stageRoles', stageId], role);
  });

  const submit = async () => {
    if (!validation.ok) return setSave({ kind: 'invalid' });
    setSave({ kind: 'saving' });
    try {
      const result = await pult.saveSettings(validation.settings);
      if (!result.ok) return setSave({ kind: 'failed', message: result.error });
      const groupsChanged = result.settings.groupIds.join(',') !== current.base.groupIds.join(',');
      if (groupsChanged) await pult.completeSetup({ groupIds: result.settings.groupIds, stageRoles: result.settings.stageRoles, fields: result.settings.fields });
      appStore.getState().applySettings(result.settings);
      setEdit({ base: result.settings, draft: result.settings });
      setSave({ kind: 'saved' });
    } catch (error) {
      setSave({ kind: 'failed', message: (error as Error).message });
    }
  };
  const discard = () => {
    setEdit({ base: saved, draft: saved });
    setSave({ kind: 'idle' });
  };

  const props = { draft, set, errors };
  const sections: [string, MessageKey, ReactNode][] = [
    ['connection', 'settings.section.connection', <ConnectionSection info={info} settings={draft} directory={directory} />],
    ['groups', 'settings.section.groups', <GroupsSection {...props} groups={groups} stages={stages} />],
    ['fields', 'settings.section.fields', <FieldsSection {...props} directory={directory} />],
    ['people', 'settings.section.people', <PeopleSection {...props} directory={directory} />],
    ['timers', 'settings.section.timers', <TimersSection {...props} />],
    ['wip', 'settings.wip', <WipSection {...props} groups={groups} />],
    ['sla', 'settings.section.sla', <><SlaSection {...props} /><h3 className="settings__subtitle">{t('settings.calendar.title')}</h3><CalendarSection {...props} /></>],
    ['notifications', 'settings.section.notifications', <NotificationsSection {...props} />],
    ['templates', 'settings.section.templates', <TemplatesSection {...props} />],
    ['interface', 'settings.section.interface', <InterfaceSection {...props} />],
    ['team', 'settings.section.teamFile', <TeamFileSection dirty={dirty} onImported={discard} />],
  ];

  return (
    <div className="settings">
      <header className="settings__bar">
        <button type="button" className="settings__back" onClick={() => useUiStore.getState().setScreen('board')}>
          ← {t('settings.back')}
        </button>
        <h1 className="settings__title">{t('settings.title')}</h1>
        <span className="settings__state" role="status">
          {save.kind === 'saved' && t('settings.saved')}
          {save.kind === 'invalid' && <span className="field__error">{t('settings.invalid')}</span>}
          {save.kind === 'failed' && <span className="field__error">{t('settings.saveError', { message: save.message })}</span>}
          {save.kind === 'idle' && dirty && t('settings.dirty')}
        </span>
        <button type="button" onClick={discard} disabled={!dirty}>
          {t('settings.reset')}
        </button>
        <button type="button" className="button--primary" onClick={() => void submit()} disabled={!dirty || save.kind === 'saving'}>
          {t('settings.save')}
        </button>
      </header>
      <div className="settings__layout">
        <nav className="settings__nav" aria-label={t('settings.nav')}>
          {sections.map(([id, title]) => (
            <button key={id} type="button" className="settings__navlink" onClick={() => document.getElementById(`settings-${id}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}>
              {t(title)}
            </button>
          ))}
        </nav>
        <div className="settings__sections">
          {sections.map(([id, title, body]) => (
            <section key={id} id={`settings-${id}`} className="settings__section" aria-labelledby={`settings-${id}-title`}>
              <h2 id={`settings-${id}-title`}>{t(title)}</h2>
              {body}
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
