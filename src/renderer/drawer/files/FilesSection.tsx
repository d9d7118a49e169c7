/** The card's files: the task's own, then each comment's, with who attached them and when. */
import type { TaskComment } from '../../../core/domain/model';
import type { TaskFile } from '../../../core/domain/files';
import type { Directory } from '../../../shared/api';
import { useI18n } from '../../i18n/context';
import { formatPortalDateTime, userName } from '../../shared-ui/format';
import { FileRow } from './FileRow';
import './files.css';
import type { FilesState } from './use-task-files';

interface Props {
  taskId: string;
  state: FilesState;
  reload: () => Promise<void>;
  comments: readonly TaskComment[];
  directory: Directory | null;
  offset: number;
}

export function FilesSection({ taskId, state, reload, comments, directory, offset }: Props) {
  const { t, language } = useI18n();
  const files = state.status === 'ready' ? state.view.files : [];
  const groups = new Map<string | null, TaskFile[]>();
  for (const file of files) groups.set(file.commentId, [...(groups.get(file.commentId) ?? []), file]);
  const heading = (commentId: string | null): string => {
    if (commentId === null) return t('files.ofTask');
    const comment = comments.find((c) => c.id === commentId);
    return t('files.ofComment', {
      author: comment ? comment.authorName || userName(directory?.users, comment.authorId) : `#${commentId}`,
      date: comment ? formatPortalDateTime(comment.postedAt, offset, language) : '—',
    });
  };
  return (
    <section className="files" aria-labelledby="drawer-files-title">
      <h3 id="drawer-files-title" className="drawer__label">
        {t('files.title', { n: files.length })}
      </h3>
      {state.status === 'loading' && <p className="drawer__muted" role="status">{t('files.loading')}</p>}
      {state.status === 'failed' && (
        <p role="alert" className="drawer__error">
          {t('files.failed', { message: state.message })}{' '}
          <button type="button" onClick={() => void reload()}>
            {t('files.retry')}
          </button>
        </p>
      )}
      {state.status === 'ready' && state.view.offline && (
        <p className="drawer__muted" role="status">
          {state.view.readAt === undefined ? t('files.offline') : t('files.offlineAt', { time: formatPortalDateTime(state.view.readAt, offset, language) })}
        </p>
      )}
      {state.status === 'ready' && files.length === 0 && <p className="drawer__muted">{t('files.empty')}</p>}
      {[...groups.entries()].map(([commentId, list]) => (
        <div key={commentId ?? 'task'} className="files__group">
          <h4 className="files__group-title">{heading(commentId)}</h4>
          <ul className="files__list">
            {list.map((file) => (
              <FileRow key={file.attachmentId} taskId={taskId} file={file} directory={directory} offset={offset} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
