/** The comment box's attach button and the files chosen for the new comment. */
import { useRef, useState } from 'react';
import { MAX_FILE_BYTES } from '../../../core/domain/files';
import type { StagedFile } from '../../../shared/api';
import { localeOf } from '../../i18n';
import { useI18n } from '../../i18n/context';
import { formatSize } from './file-format';
import { stageBrowserFile, tooLarge } from './stage-file';
import { Icon } from '../../shared-ui/Icon';

export function AttachPicker({ staged, onChange }: { staged: StagedFile[]; onChange: (files: StagedFile[]) => void }) {
  const { t, language } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (list: FileList | null) => {
    setError(null);
    const chosen = [...(list ?? [])];
    let next = staged;
    for (const file of chosen) {
      if (tooLarge(file)) {
        setError(t('files.tooLarge', { name: file.name, limit: MAX_FILE_BYTES / 1024 / 1024 }));
        continue;
      }
      setBusy(file.name);
      try {
        next = [...next, await stageBrowserFile(file)];
        onChange(next);
      } catch (failure) {
        setError(t('files.stageFailed', { name: file.name, message: (failure as Error).message }));
      }
    }
    setBusy(null);
    if (input.current) input.current.value = '';
  };

  return (
    <div className="attach">
      <input ref={input} id="drawer-attach-file" type="file" multiple className="attach__input" onChange={(event) => void choose(event.target.files)} disabled={busy !== null || staged.length >= 5} />
      <label htmlFor="drawer-attach-file" className="button attach__button">
        <Icon name="paperclip" /> {t('files.attach')}
      </label>
      {busy && <span role="status">{t('files.attaching', { name: busy })}</span>}
      {error && (
        <span role="alert" className="drawer__error">
          {error}
        </span>
      )}
      {staged.length > 0 && (
        <ul className="comment__files" aria-label={t('files.attached')}>
          {staged.map((file) => (
            <li key={file.fileRef} className="chip">
              {file.name} · {formatSize(file.size, t, localeOf(language))}
              <button type="button" onClick={() => onChange(staged.filter((s) => s.fileRef !== file.fileRef))} aria-label={t('files.remove', { name: file.name })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
