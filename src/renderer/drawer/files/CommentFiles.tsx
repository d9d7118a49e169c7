/** A comment's attachments under its text, and `[DISK FILE ID=…]` tags shown as the file. */
import type { ReactNode } from 'react';
import type { TaskFile } from '../../../core/domain/files';
import { useI18n } from '../../i18n/context';
import { diskIdMatches } from '../../text/disk-file';
import { saveFile } from './file-bytes';
import { useFilesContext } from './files-context';
import { Icon } from '../../shared-ui/Icon';

function FileChip({ taskId, file }: { taskId: string; file: TaskFile }) {
  const { t } = useI18n();
  return (
    <button type="button" className="chip file-chip" onClick={() => void saveFile(taskId, file).catch(() => undefined)} aria-label={t('files.save', { name: file.name })}>
      <Icon name="paperclip" size={14} /> {file.name}
    </button>
  );
}

export function CommentFiles({ commentId }: { commentId: string }) {
  const files = useFilesContext();
  const { t } = useI18n();
  const own = files?.files.filter((f) => f.commentId === commentId) ?? [];
  if (!files || own.length === 0) return null;
  return (
    <ul className="comment__files" aria-label={t('files.title', { n: own.length })}>
      {own.map((file) => (
        <li key={file.attachmentId}>
          <FileChip taskId={files.taskId} file={file} />
        </li>
      ))}
    </ul>
  );
}

/** For RichText's `renderDiskFile`: the named file as a chip, or a note that the list lacks it. */
export function useDiskFileRenderer(): ((id: string, key: string) => ReactNode) | undefined {
  const files = useFilesContext();
  const { t } = useI18n();
  if (!files) return undefined;
  return (id, key) => {
    const file = files.files.find((f) => diskIdMatches(id, f));
    return file ? (
      <FileChip key={key} taskId={files.taskId} file={file} />
    ) : (
      <span key={key} className="chip">
        {t('files.missing', { id })}
      </span>
    );
  };
}
