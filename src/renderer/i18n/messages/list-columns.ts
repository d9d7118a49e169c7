/** The list view's extra columns and its column chooser (issue 13). */
export const listColumnsRu = {
  'listColumns.sla': 'SLA',
  'listColumns.estimate': 'Оценка, ч',
  'listColumns.choose': 'Столбцы',
  'listColumns.chooseTitle': 'Выбрать столбцы списка',
  'listColumns.reset': 'Как по умолчанию',
  'listColumns.doneLast': 'Завершённые задачи — в конце списка',
};

export const listColumnsEn: { [K in keyof typeof listColumnsRu]: string } = {
  'listColumns.sla': 'SLA',
  'listColumns.estimate': 'Estimate, h',
  'listColumns.choose': 'Columns',
  'listColumns.chooseTitle': 'Choose the list columns',
  'listColumns.reset': 'Default columns',
  'listColumns.doneLast': 'Finished tasks go last',
};
