/** The demo team's reply templates, so a first look at the comment box shows the «Шаблоны» menu at work. */
import type { ReplyTemplate } from '../../core/domain/reply-templates';
import type { Settings } from '../../core/domain/settings';

export const DEMO_REPLY_TEMPLATES: readonly ReplyTemplate[] = [
  { title: 'Заявка принята', text: 'Здравствуйте, {клиент}! Заявка №{номер} принята в работу, ответственный — {ответственный}. Срок решения: {срок}.' },
  { title: 'Нужны подробности', text: 'Здравствуйте! Чтобы продолжить работу по заявке №{номер}, пришлите, пожалуйста, скриншот ошибки и время, когда она возникла.' },
  { title: 'Решено, проверьте', text: 'Заявка №{номер} выполнена. Проверьте, пожалуйста, и напишите, если что-то осталось. {ответственный}' },
  { title: 'Срок переносится', text: '{клиент}, по заявке №{номер} нам нужно больше времени. Новый срок: {срок}. Приносим извинения.' },
];

/** The settings with the demo's templates where the team has none of its own. */
export function withDemoTemplates(settings: Settings): Settings {
  return settings.replyTemplates.length > 0 ? settings : { ...settings, replyTemplates: DEMO_REPLY_TEMPLATES.map((template) => ({ ...template })) };
}
