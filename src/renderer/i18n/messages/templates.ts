/** Reply templates: the settings section, the menu beside the comment box and the palette items. */
export const templatesRu = {
  'settings.section.templates': 'Шаблоны ответов',
  'templates.settings.hint': 'Текст комментария, который агент вставляет в ответ двумя нажатиями (Alt+T и цифра). Подстановки: {клиент}, {номер}, {ответственный}, {срок} (или {client}, {number}, {responsible}, {deadline}); чего у задачи нет, остаётся как ___.',
  'templates.settings.empty': 'Шаблонов пока нет.',
  'templates.settings.title': 'Название',
  'templates.settings.text': 'Текст',
  'templates.settings.add': 'Добавить шаблон',
  'templates.settings.remove': 'Удалить шаблон «{title}»',
  'templates.settings.up': 'Выше',
  'templates.settings.untitled': 'Новый шаблон',
  'templates.settings.number': 'Шаблон {n}',
  'templates.settings.needTitle': 'Дайте шаблону название',
  'templates.settings.needText': 'Напишите текст шаблона',
  'templates.menu.button': 'Шаблоны',
  'templates.menu.label': 'Шаблоны ответов',
  'templates.menu.empty': 'Шаблонов нет: их задают в настройках',
  'templates.menu.settings': 'Настроить шаблоны…',
  'templates.palette.insert': 'Ответить шаблоном: {title}',
  'help.templates': 'Карточка: меню шаблонов ответа (затем цифра или Enter)',
} as const;

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : { one: string; few: string; many: string } };

export const templatesEn: Catalog<typeof templatesRu> = {
  'settings.section.templates': 'Reply templates',
  'templates.settings.hint': 'A comment text an agent inserts in two keystrokes (Alt+T and a digit). Placeholders: {client}, {number}, {responsible}, {deadline} (or {клиент}, {номер}, {ответственный}, {срок}); what the task lacks stays as ___.',
  'templates.settings.empty': 'No templates yet.',
  'templates.settings.title': 'Title',
  'templates.settings.text': 'Text',
  'templates.settings.add': 'Add a template',
  'templates.settings.remove': 'Remove the template “{title}”',
  'templates.settings.up': 'Move up',
  'templates.settings.untitled': 'New template',
  'templates.settings.number': 'Template {n}',
  'templates.settings.needTitle': 'Give the template a title',
  'templates.settings.needText': 'Write the template\'s text',
  'templates.menu.button': 'Templates',
  'templates.menu.label': 'Reply templates',
  'templates.menu.empty': 'No templates: they are set in the settings',
  'templates.menu.settings': 'Edit templates…',
  'templates.palette.insert': 'Reply with a template: {title}',
  'help.templates': 'Card: the reply template menu (then a digit or Enter)',
};
