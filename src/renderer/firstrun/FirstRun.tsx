/** First run: connect (or the demo), choose groups, confirm stages and fields, then the board. */
import { useEffect, useState } from 'react';
import type { ConnectResult, GroupSummary, SetupProposal } from '../../shared/api';
import type { Settings } from '../../core/domain/settings';
import { pult } from '../bridge';
import { useI18n } from '../i18n/context';
import { appStore, useAppStore } from '../store';
import { ConnectStep, type ConnectDefaults } from './ConnectStep';
import { GroupsStep, preselectGroups } from './GroupsStep';
import { SetupStep } from './SetupStep';

type Step = 'connect' | 'groups' | 'setup';
const STEPS: Step[] = ['connect', 'groups', 'setup'];
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function FirstRun() {
  const { t } = useI18n();
  const connected = useAppStore((state) => state.appInfo?.connection !== null && !state.reconnecting);
  const connection = useAppStore((state) => state.settings?.connection);
  const [step, setStep] = useState<Step>(connected ? 'groups' : 'connect');
  const [groups, setGroups] = useState<GroupSummary[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [proposal, setProposal] = useState<SetupProposal | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Connected earlier but no groups chosen yet: start from the groups.
  useEffect(() => {
    if (step !== 'groups' || groups) return;
    pult.listGroups().then(
      (list) => {
        setGroups(list);
        setChosen(preselectGroups(list));
      },
      (failure: unknown) => setError(message(failure)),
    );
  }, [step, groups]);

  const onConnected = (result: ConnectResult) => {
    setGroups(result.groups);
    setChosen(preselectGroups(result.groups));
    setError(null);
    setStep('groups');
  };

  const onGroups = (ids: string[]) => {
    setChosen(ids);
    setProposal(null);
    setError(null);
    setStep('setup');
    pult.proposeSetup(ids).then(setProposal, (failure: unknown) => setError(message(failure)));
  };

  const onFinish = async (stageRoles: Settings['stageRoles'], fields: Settings['fields']) => {
    setBusy(true);
    setError(null);
    try {
      await pult.completeSetup({ groupIds: chosen, stageRoles, fields });
      appStore.getState().setReconnecting(false);
      await appStore.getState().start();
    } catch (failure) {
      setError(message(failure));
      setBusy(false);
    }
  };

  const defaults: ConnectDefaults = {
    address: connection?.kind !== 'demo' ? (connection?.address ?? '') : '',
    clientId: connection?.clientId ?? '',
    method: connection?.kind === 'webhook' ? 'webhook' : 'oauth',
  };

  return (
    <main className="firstrun">
      <div className="firstrun__panel">
        <header className="firstrun__header">
          <span className="topbar__logo" aria-hidden="true">P</span>
          <div>
            <h1>{t('firstrun.title')}</h1>
            <p className="hint">{t('firstrun.lead')}</p>
          </div>
        </header>
        <ol className="steps" aria-label={t('firstrun.steps')}>
          {STEPS.map((item, index) => (
            <li key={item} className={`steps__item${item === step ? ' steps__item--current' : ''}`} aria-current={item === step ? 'step' : undefined}>
              <span className="steps__number">{index + 1}</span>
              {t(`firstrun.step.${item}`)}
            </li>
          ))}
        </ol>
        {step === 'connect' && <ConnectStep defaults={defaults} onConnected={onConnected} />}
        {step === 'groups' &&
          (groups ? (
            <GroupsStep groups={groups} initial={chosen} onBack={() => setStep('connect')} onNext={onGroups} />
          ) : error ? (
            <p role="alert" className="form__error">{t('error.load', { message: error })}</p>
          ) : (
            <p className="hint">{t('firstrun.groups.loading')}</p>
          ))}
        {step === 'setup' &&
          (proposal ? (
            <SetupStep key={proposal.userFields.length} proposal={proposal} groups={groups ?? []} busy={busy} error={error} onBack={() => setStep('groups')} onFinish={(roles, fields) => void onFinish(roles, fields)} onProposal={setProposal} />
          ) : error ? (
            <p role="alert" className="form__error">{t('error.load', { message: error })}</p>
          ) : (
            <p className="hint">{t('firstrun.setup.loading')}</p>
          ))}
      </div>
    </main>
  );
}
