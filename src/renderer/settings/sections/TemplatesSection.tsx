/** Reply templates (team policy): a title and a text each, in the order the comment box's menu numbers them. */
import type { ReplyTemplate } from '../../../core/domain/reply-templates';
import { MAX_REPLY_TEMPLATES } from '../../../core/domain/reply-templates';
import { useI18n } from '../../i18n/context';
import { Field } from '../../shared-ui/Field';
import { errorAt, type SectionProps } from '../inputs';
import '../../drawer/templates.css';

export function TemplatesSection({ draft, set, errors }: SectionProps) {
  const { t } = useI18n();
  const templates: readonly ReplyTemplate[] = draft.replyTemplates;
  const replace = (next: ReplyTemplate[]) => set(['replyTemplates'], next);
  const move = (index: number) => {
    const next = [...templates];
    [next[index - 1], next[index]] = [next[index]!, next[index - 1]!];
    replace(next);
  };
  return (
    <>
      <p className="field__hint">{t('templates.settings.hint')}</p>
      {templates.length === 0 && <p className="field__hint">{t('templates.settings.empty')}</p>}
      <ol className="template-settings">
        {templates.map((template, index) => (
          <li key={index} className="template-settings__item" aria-label={t('templates.settings.number', { n: index + 1 })}>
            <div className="template-settings__head">
              <kbd className="template-menu__digit">{index + 1}</kbd>
              <Field label={t('templates.settings.title')} error={errorAt(errors, ['replyTemplates', index, 'title'])} className="template-settings__title">
                <input value={template.title} maxLength={120} onChange={(event) => set(['replyTemplates', index, 'title'], event.target.value)} />
              </Field>
              <button type="button" disabled={index === 0} onClick={() => move(index)} aria-label={`${t('templates.settings.up')}: ${template.title}`}>
                ↑
              </button>
              <button type="button" onClick={() => replace(templates.filter((_, at) => at !== index))} aria-label={t('templates.settings.remove', { title: template.title })}>
                ✕
              </button>
            </div>
            <Field label={t('templates.settings.text')} error={errorAt(errors, ['replyTemplates', index, 'text'])}>
              <textarea rows={3} value={template.text} onChange={(event) => set(['replyTemplates', index, 'text'], event.target.value)} />
            </Field>
          </li>
        ))}
      </ol>
      <button
        type="button"
        disabled={templates.length >= MAX_REPLY_TEMPLATES}
        onClick={() => replace([...templates, { title: t('templates.settings.untitled'), text: '' }])}
      >
        {t('templates.settings.add')}
      </button>
    </>
  );
}
