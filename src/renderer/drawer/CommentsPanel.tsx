/** Comments in both portal modes (legacy and task chat), rendered safely; adding one queues it. */
import { useAppStore } from '../store';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/context';
import { useUiStore } from '../store/ui-store';
import { formatPortalDateTime, userName } from '../shared-ui/format';
import { RichText } from '../text/RichText';
import { portalOffsetMinutes, type DrawerData } from './drawer-data';
import { fillReplyTemplate } from '../../core/domain/reply-templates';
import { TemplateMenu } from './TemplateMenu';
import { insertAtSelection, isTemplateMenuShortcut, templateValuesOf, useTemplateInsert } from './template-insert';
import { CommentFiles, useDiskFileRenderer } from './files/CommentFiles';
import { AttachPicker } from './files/AttachPicker';
import type { StagedFile } from '../../shared/api';
import { Icon } from '../shared-ui/Icon';

export function CommentsPanel({ data }: { data: DrawerData }) {
  const { t, language } = useI18n();
  const selectTask = useUiStore((state) => state.selectTask);
  const [text, setText] = useState('');
  const [staged, setStaged] = useState<StagedFile[]>([]);
  const me = useAppStore((state) => state.appInfo)?.connection?.userId ?? null;
  const { task, comments, portalLink } = data.details;
  const offset = portalOffsetMinutes(data);
  const portalUrl = new URL(portalLink).origin;
  const queued = data.queued.flatMap((edit) => (edit.payload.name === 'addComment' ? [{ seq: edit.seq, text: edit.payload.text, at: edit.createdAt, files: edit.payload.files ?? [] }] : []));
  const sorted = [...comments].sort((a, b) => a.postedAt - b.postedAt);
  const renderDiskFile = useDiskFileRenderer();

  // Reply templates: filled from this task, inserted at the cursor (from the menu or the palette).
  const box = useRef<HTMLTextAreaElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const templates = data.settings.replyTemplates;
  const directory = data.directory;
  const insertTemplate = useCallback(
    (index: number) => {
      const template = templates[index];
      setMenuOpen(false);
      if (!template) return;
      const filled = fillReplyTemplate(template.text, templateValuesOf(task, directory?.users, directory?.companies), { language, utcOffsetMinutes: offset });
      const node = box.current;
      setText((previous) => {
        const next = insertAtSelection(previous, filled, node?.selectionStart ?? previous.length, node?.selectionEnd ?? previous.length);
        requestAnimationFrame(() => {
          box.current?.focus();
          box.current?.setSelectionRange(next.cursor, next.cursor);
        });
        return next.text;
      });
    },
    [templates, task, directory, language, offset, setMenuOpen],
  );
  useEffect(() => {
    // A palette request may be there before this panel mounted (another tab was open), or come later.
    const handle = () => {
      const request = useTemplateInsert.getState().request;
      if (request?.taskId === task.id) insertTemplate(useTemplateInsert.getState().take()!.index);
    };
    const frame = requestAnimationFrame(handle);
    const unsubscribe = useTemplateInsert.subscribe(handle);
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
    };
  }, [insertTemplate, task.id]);
  useEffect(() => {
    // Alt+T anywhere in the open card (not under the palette or another dialog).
    const onKeyDown = (event: KeyboardEvent) => {
      const ui = useUiStore.getState();
      if (event.defaultPrevented || !isTemplateMenuShortcut(event) || ui.paletteOpen || ui.helpOpen || ui.createOpen) return;
      event.preventDefault();
      setMenuOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() && staged.length === 0) return;
    // The portal keeps no comment without text: a files-only comment names its files.
    const body = text.trim() || t('files.defaultText', { names: staged.map((f) => f.name).join(', ') });
    const payload = staged.length > 0 ? { name: 'addComment' as const, taskId: task.id, text: body, files: staged } : { name: 'addComment' as const, taskId: task.id, text: body };
    if (await data.send(payload)) {
      setText('');
      setStaged([]);
    }
  };

  return (
    <div className="comments">
      {sorted.length === 0 && queued.length === 0 && <p className="drawer__muted">{t('drawer.comments.empty')}</p>}
      <ol className="comments__list">
        {sorted.map((comment) => (
          <li key={`${comment.mode}-${comment.id}`} className="comment">
            <div className="comment__meta">
              <span className="comment__author">{comment.authorName || userName(data.directory?.users, comment.authorId)}</span>
              <time className="comment__time">{formatPortalDateTime(comment.postedAt, offset, language)}</time>
              {comment.mode === 'chat' && <span className="chip">{t('drawer.comments.mode.chat')}</span>}
            </div>
            <RichText className="comment__text" text={comment.text} portalUrl={portalUrl} onOpenTask={selectTask} renderDiskFile={renderDiskFile} />
            <CommentFiles commentId={comment.id} />
          </li>
        ))}
        {queued.map((comment) => (
          <li key={`queued-${comment.seq}`} className="comment comment--queued">
            <div className="comment__meta">
              <span className="comment__author">{userName(data.directory?.users, me)}</span>
              <span className="sync-mark sync-mark--queued">{t('drawer.comments.queued')}</span>
            </div>
            <RichText className="comment__text" text={comment.text} />
            {comment.files.length > 0 && (
              <ul className="comment__files">
                {comment.files.map((file) => (
                  <li key={file.fileRef} className="chip">
                    <Icon name="paperclip" size={14} /> {file.name}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <form className="comments__form" onSubmit={(event) => void submit(event)}>
        <label htmlFor="drawer-new-comment" className="drawer__label">
          {t('drawer.comments.new')}
        </label>
        <textarea
          id="drawer-new-comment"
          ref={box}
          rows={3}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Ctrl/Cmd+Enter sends, as in the portal's own comment box.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
          }}
        />
        <TemplateMenu templates={templates} open={menuOpen} onOpenChange={(open) => (setMenuOpen(open), open || box.current?.focus())} onPick={insertTemplate} />
        <AttachPicker staged={staged} onChange={setStaged} />
        <button type="submit" className="button--primary" disabled={!text.trim() && staged.length === 0}>
          {t('drawer.comments.send')}
        </button>
      </form>
    </div>
  );
}
