/** Russian: the first language of Pult. Keys are shared with en.ts (checked by the type). */
export const ru = {
  'app.title': 'Pult',
  'groups.heading': 'Рабочие группы портала',
  'groups.loading': 'Загружаем группы…',
  'groups.empty': 'На портале нет доступных вам групп',
  'groups.closed': 'закрытая',
  'groups.members': { one: '{n} участник', few: '{n} участника', many: '{n} участников' },
  'groups.count': { one: '{n} группа', few: '{n} группы', many: '{n} групп' },
  'connection.demo': 'Демо-портал',
  'connection.webhook': 'Портал (входящий вебхук)',
  'connection.oauth': 'Портал (OAuth)',
  'connection.none': 'Портал не подключён',
  'error.load': 'Не удалось загрузить данные: {message}',
  'action.retry': 'Повторить',
} as const;
