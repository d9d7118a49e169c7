/**
 * The team file: export downloads the host's JSON through a Blob link; import sends a chosen
 * file to the host, which validates it, and shows the host's reason inline when it refuses.
 */
import { useRef, useState } from 'react';
import { pult } from '../../bridge';
import { useI18n } from '../../i18n/context';

export function TeamFileSection({ dirty, onImported }: { dirty: boolean; onImported: () => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const download = async () => {
    setResult(null);
    try {
      const json = await pult.exportSettings();
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `pult-team-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setResult({ ok: false, message: (error as Error).message });
    }
  };

  const load = async (file: File | undefined) => {
    if (!file) return;
    try {
      const answer = await pult.importSettings(await file.text());
      if (answer.ok) {
        setResult({ ok: true, message: t('settings.team.imported') });
        onImported();
      } else setResult({ ok: false, message: t('settings.team.rejected', { message: answer.error }) });
    } catch (error) {
      setResult({ ok: false, message: t('settings.team.rejected', { message: (error as Error).message }) });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <p className="field__hint">{t('settings.team.hint')}</p>
      <div className="settings__inline">
        <button type="button" onClick={() => void download()}>
          ⭳ {t('settings.team.export')}
        </button>
        <label className="button-like">
          ⭱ {t('settings.team.import')}
          <input ref={input} className="visually-hidden" type="file" accept="application/json,.json" onChange={(event) => void load(event.target.files?.[0])} />
        </label>
      </div>
      {dirty && <p className="field__hint">{t('settings.team.unsavedWarning')}</p>}
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'settings__ok' : 'field__error settings__rejected'}>
          {result.message}
        </p>
      )}
    </>
  );
}
