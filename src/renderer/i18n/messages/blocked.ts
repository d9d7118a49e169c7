/** Blocked time in the reports (issue 13): hours per stopper type, per group and per client. */
export const blockedRu = {
  'blocked.title': 'Время в стопперах',
  'blocked.intro': 'Сколько рабочих часов задачи стояли с каждым типом стоппера за период — по истории поля «Тип стоппера».',
  'blocked.noField': 'Поле «Тип стоппера» не выбрано в настройках: время в стопперах не считается.',
  'blocked.byGroup': 'Время в стопперах по группам, рабочие ч',
  'blocked.byClient': 'Время в стопперах по клиентам, рабочие ч',
  'blocked.chart': 'Рабочие часы в стопперах по клиентам и типам стоппера',
  'blocked.group': 'Группа',
  'blocked.client': 'Клиент',
  'blocked.noClient': 'Без клиента',
  'blocked.type': '{type}, раб. ч',
  'blocked.working': 'Итого, раб. ч',
  'blocked.elapsed': 'Календарных ч',
  'blocked.tasks': 'Задач',
  'blocked.empty': 'За период задачи не стояли в стопперах',
};

export const blockedEn: { [K in keyof typeof blockedRu]: string } = {
  'blocked.title': 'Time in stoppers',
  'blocked.intro': 'Working hours tasks stood with each stopper type over the period, from the history of the Stopper type field.',
  'blocked.noField': 'No Stopper type field is chosen in the settings: time in stoppers is not counted.',
  'blocked.byGroup': 'Time in stoppers per group, working h',
  'blocked.byClient': 'Time in stoppers per client, working h',
  'blocked.chart': 'Working hours in stoppers per client and stopper type',
  'blocked.group': 'Group',
  'blocked.client': 'Client',
  'blocked.noClient': 'No client',
  'blocked.type': '{type}, working h',
  'blocked.working': 'Total, working h',
  'blocked.elapsed': 'Calendar h',
  'blocked.tasks': 'Tasks',
  'blocked.empty': 'No task stood in a stopper over the period',
};
