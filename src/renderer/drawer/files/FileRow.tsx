/** One file: thumbnail (images), name, type, size, author, date; save, and preview for images. */
import { useState } from 'react';
import { isPreviewable, type TaskFile } from '../../../core/domain/files';
import type { Directory } from '../../../shared/api';
import { localeOf } from '../../i18n';
import { useI18n } from '../../i18n/context';
import { formatPortalDateTime, userName } from '../../shared-ui/format';
import { saveFile } from './file-bytes';
import { formatSize, typeLabel } from './file-format';
import { FileImage } from './FileThumbnail';
import { Icon } from '../../shared-ui/Icon';

export function FileRow({ taskId, file, directory, offset }: { taskId: string; file: TaskFile; directory: Directory | null; offset: number }) {
  const { t, language } = useI18n();
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const image = isPreviewable(file.type);
  const save = async () => {
    setError(null);
    try {
      await saveFile(taskId, file);
    } catch (failure) {
      setError(t('files.saveFailed', { name: file.name, message: (failure as Error).message }));
    }
  };
  const meta = t('files.meta', {
    type: typeLabel(file.type, t),
    size: formatSize(file.size, t, localeOf(language)),
    author: userName(directory?.users, file.authorId || null),
    date: file.createdAt === null ? '—' : formatPortalDateTime(file.createdAt, offset, language),
  });
  return (
    <li className="file">
      {image ? <FileImage taskId={taskId} file={file} alt={t('files.thumbnail', { name: file.name })} className="file__thumb" /> : <span className="file__icon" aria-hidden="true"><Icon name="file" size={22} /></span>}
      <div className="file__body">
        <span className="file__name">{file.name}</span>
        <span className="file__meta">{meta}</span>
        {error && (
          <span role="alert" className="drawer__error">
            {error}
          </span>
        )}
      </div>
      <div className="file__actions">
        {image && (
          <button type="button" onClick={() => setPreviewing((v) => !v)} aria-label={previewing ? t('files.closePreview') : t('files.preview', { name: file.name })} aria-pressed={previewing}>
            <Icon name="eye" />
          </button>
        )}
        <button type="button" onClick={() => void save()} aria-label={t('files.save', { name: file.name })}>
          <Icon name="download" />
        </button>
      </div>
      {previewing && (
        <figure className="file__preview">
          <FileImage taskId={taskId} file={file} alt={file.name} className="file__preview-image" />
        </figure>
      )}
    </li>
  );
}
