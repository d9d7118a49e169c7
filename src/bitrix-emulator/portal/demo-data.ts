/** Static Russian demo vocabulary for the generated Service Desk portal. */

export const PORTAL_COMPANY = 'ООО «Пульт Сервис»';

/** Department IDs are fixed so that the Тип enumeration can point at them. */
export const DEPT = { root: 1, firstLine: 2, development: 3, sysadmin: 4, facilities: 5, analytics: 6 } as const;

export const DEPARTMENTS: readonly { id: number; name: string; sort: number; parent: number | null }[] = [
  { id: DEPT.root, name: PORTAL_COMPANY, sort: 500, parent: null },
  { id: DEPT.firstLine, name: '1-я линия поддержки', sort: 500, parent: DEPT.root },
  { id: DEPT.development, name: 'Отдел разработки', sort: 500, parent: DEPT.root },
  { id: DEPT.sysadmin, name: 'Системное администрирование', sort: 500, parent: DEPT.root },
  { id: DEPT.facilities, name: 'Хозяйственный отдел', sort: 500, parent: DEPT.root },
  { id: DEPT.analytics, name: 'Аналитика', sort: 500, parent: DEPT.development },
];

export interface EmployeeSeed {
  login: string;
  name: string;
  lastName: string;
  secondName: string;
  gender: 'M' | 'F';
  position: string;
  dept: number;
  head?: boolean;
}

/** User 1 is the portal admin; the rest get IDs 2.. in this order. */
export const EMPLOYEES: readonly EmployeeSeed[] = [
  { login: 'admin', name: 'Андрей', lastName: 'Волков', secondName: 'Сергеевич', gender: 'M', position: 'Администратор портала', dept: DEPT.sysadmin },
  { login: 'e.morozova', name: 'Елена', lastName: 'Морозова', secondName: 'Викторовна', gender: 'F', position: 'Руководитель службы поддержки', dept: DEPT.firstLine, head: true },
  { login: 'd.sokolov', name: 'Дмитрий', lastName: 'Соколов', secondName: 'Андреевич', gender: 'M', position: 'Специалист 1-й линии', dept: DEPT.firstLine },
  { login: 'a.kuznetsova', name: 'Анна', lastName: 'Кузнецова', secondName: 'Игоревна', gender: 'F', position: 'Специалист 1-й линии', dept: DEPT.firstLine },
  { login: 'i.popov', name: 'Игорь', lastName: 'Попов', secondName: 'Олегович', gender: 'M', position: 'Специалист 1-й линии', dept: DEPT.firstLine },
  { login: 'm.lebedeva', name: 'Мария', lastName: 'Лебедева', secondName: 'Павловна', gender: 'F', position: 'Специалист 1-й линии', dept: DEPT.firstLine },
  { login: 's.novikov', name: 'Сергей', lastName: 'Новиков', secondName: 'Александрович', gender: 'M', position: 'Руководитель отдела разработки', dept: DEPT.development, head: true },
  { login: 'p.fedorov', name: 'Павел', lastName: 'Фёдоров', secondName: 'Михайлович', gender: 'M', position: 'Ведущий разработчик', dept: DEPT.development },
  { login: 'o.orlova', name: 'Ольга', lastName: 'Орлова', secondName: 'Денисовна', gender: 'F', position: 'Разработчик', dept: DEPT.development },
  { login: 'n.egorov', name: 'Никита', lastName: 'Егоров', secondName: 'Романович', gender: 'M', position: 'Разработчик', dept: DEPT.development },
  { login: 't.volkova', name: 'Татьяна', lastName: 'Волкова', secondName: 'Сергеевна', gender: 'F', position: 'Тестировщик', dept: DEPT.development },
  { login: 'k.belova', name: 'Ксения', lastName: 'Белова', secondName: 'Андреевна', gender: 'F', position: 'Руководитель аналитики', dept: DEPT.analytics, head: true },
  { login: 'r.zaitsev', name: 'Роман', lastName: 'Зайцев', secondName: 'Ильич', gender: 'M', position: 'Бизнес-аналитик', dept: DEPT.analytics },
  { login: 'v.pavlov', name: 'Виктор', lastName: 'Павлов', secondName: 'Николаевич', gender: 'M', position: 'Руководитель ИТ-инфраструктуры', dept: DEPT.sysadmin, head: true },
  { login: 'a.semenov', name: 'Алексей', lastName: 'Семёнов', secondName: 'Юрьевич', gender: 'M', position: 'Системный администратор', dept: DEPT.sysadmin },
  { login: 'y.golubeva', name: 'Юлия', lastName: 'Голубева', secondName: 'Владимировна', gender: 'F', position: 'Сетевой инженер', dept: DEPT.sysadmin },
  { login: 'g.vinogradov', name: 'Григорий', lastName: 'Виноградов', secondName: 'Петрович', gender: 'M', position: 'Заведующий хозяйством', dept: DEPT.facilities, head: true },
  { login: 'l.bogdanova', name: 'Людмила', lastName: 'Богданова', secondName: 'Ивановна', gender: 'F', position: 'Администратор офиса', dept: DEPT.facilities },
  { login: 'e.kiselev', name: 'Евгений', lastName: 'Киселёв', secondName: 'Борисович', gender: 'M', position: 'Инженер по эксплуатации', dept: DEPT.facilities },
  { login: 'a.smirnov', name: 'Артём', lastName: 'Смирнов', secondName: 'Константинович', gender: 'M', position: 'Генеральный директор', dept: DEPT.root, head: true },
];

export const COMPANIES: readonly { title: string; industry: string }[] = [
  { title: 'ООО «Альфа-Логистик»', industry: 'DELIVERY' },
  { title: 'АО «ТехноСтрой»', industry: 'MANUFACTURING' },
  { title: 'ООО «Вектор»', industry: 'IT' },
  { title: 'ИП Смирнова Е. А.', industry: 'OTHER' },
  { title: 'ООО «Медиагрупп Прайм»', industry: 'ENTERTAINMENT' },
  { title: 'АО «Уральские сети»', industry: 'TELECOM' },
  { title: 'ООО «Зелёный город»', industry: 'GOVERNMENT' },
  { title: 'ООО «Бета Финанс»', industry: 'BANKING' },
  { title: 'ООО «Северный ветер»', industry: 'DELIVERY' },
  { title: 'ГБУЗ «Городская поликлиника № 3»', industry: 'OTHER' },
  { title: 'ООО «Книжный двор»', industry: 'OTHER' },
];

export const CLIENT_NAMES: readonly { name: string; lastName: string; gender: 'M' | 'F'; position: string }[] = [
  { name: 'Василий', lastName: 'Крылов', gender: 'M', position: 'ИТ-менеджер' },
  { name: 'Наталья', lastName: 'Титова', gender: 'F', position: 'Офис-менеджер' },
  { name: 'Олег', lastName: 'Макаров', gender: 'M', position: 'Главный инженер' },
  { name: 'Ирина', lastName: 'Захарова', gender: 'F', position: 'Бухгалтер' },
  { name: 'Станислав', lastName: 'Борисов', gender: 'M', position: 'Директор' },
  { name: 'Галина', lastName: 'Комарова', gender: 'F', position: 'Менеджер по закупкам' },
  { name: 'Фёдор', lastName: 'Антонов', gender: 'M', position: 'Руководитель отдела' },
  { name: 'Вера', lastName: 'Никитина', gender: 'F', position: 'Секретарь' },
  { name: 'Максим', lastName: 'Тарасов', gender: 'M', position: 'Администратор' },
  { name: 'Светлана', lastName: 'Жукова', gender: 'F', position: 'Главный бухгалтер' },
  { name: 'Леонид', lastName: 'Медведев', gender: 'M', position: 'Инженер' },
  { name: 'Дарья', lastName: 'Ершова', gender: 'F', position: 'Менеджер проекта' },
  { name: 'Кирилл', lastName: 'Гусев', gender: 'M', position: 'Технический директор' },
  { name: 'Алла', lastName: 'Фролова', gender: 'F', position: 'Кадровик' },
  { name: 'Борис', lastName: 'Калинин', gender: 'M', position: 'Завхоз' },
  { name: 'Полина', lastName: 'Романова', gender: 'F', position: 'Аналитик' },
  { name: 'Тимур', lastName: 'Андреев', gender: 'M', position: 'Специалист' },
  { name: 'Оксана', lastName: 'Яковлева', gender: 'F', position: 'Руководитель офиса' },
  { name: 'Глеб', lastName: 'Сорокин', gender: 'M', position: 'Системный администратор' },
  { name: 'Яна', lastName: 'Ковалёва', gender: 'F', position: 'Менеджер' },
  { name: 'Пётр', lastName: 'Ильин', gender: 'M', position: 'Начальник участка' },
  { name: 'Лариса', lastName: 'Гаврилова', gender: 'F', position: 'Экономист' },
];

export const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

export function transliterate(text: string): string {
  return [...text.toLowerCase()].map((c) => LATIN[c] ?? c).join('');
}

/** Request titles by the department that must do them (the Тип field). */
export const TITLES: Record<number, readonly string[]> = {
  [DEPT.development]: [
    'Ошибка при выгрузке отчёта в Excel', 'Доработать форму заказа на сайте', 'Не приходят уведомления на почту',
    'Добавить поле «ИНН» в карточку клиента', 'Интеграция с 1С: не передаются остатки', 'Медленно открывается личный кабинет',
    'Исправить расчёт скидки в корзине', 'Новый отчёт по продажам за квартал', 'Ошибка 500 при сохранении заявки',
    'Доработка API для мобильного приложения', 'Не работает фильтр по дате', 'Перенести справочник товаров в новую базу',
  ],
  [DEPT.firstLine]: [
    'Не могу войти в личный кабинет', 'Восстановить доступ к почте', 'Как выгрузить счёт в PDF?',
    'Консультация по настройке рассылки', 'Сменить контактное лицо в договоре', 'Вопрос по счёту за март',
    'Не открывается вложение в письме', 'Нужна инструкция для нового сотрудника', 'Добавить пользователя в систему',
  ],
  [DEPT.sysadmin]: [
    'Не печатает принтер в бухгалтерии', 'Пропал интернет в офисе', 'Настроить VPN для удалённого сотрудника',
    'Заканчивается место на сервере', 'Установить антивирус на новые ПК', 'Не работает сканер на втором этаже',
    'Сбой резервного копирования', 'Настроить доступ к общей папке', 'Медленно работает Wi-Fi в переговорной',
  ],
  [DEPT.facilities]: [
    'Заменить картридж в МФУ', 'Не работает кондиционер в серверной', 'Заказать канцелярию на месяц',
    'Протекает кран на кухне', 'Перенести рабочее место сотрудника', 'Заменить лампы в коридоре',
    'Починить замок в кабинете 204', 'Вывезти старую мебель',
  ],
};

export const COMMENT_TEXTS: readonly string[] = [
  'Добрый день! Приняли заявку в работу.', 'Уточните, пожалуйста, когда проблема появилась впервые?',
  'Прикладываю скриншот ошибки.', 'Проблема воспроизводится у всех сотрудников отдела.',
  'Передал заявку профильному специалисту.', 'Ждём ответа от поставщика, срок — до конца недели.',
  'Оценили доработку, согласуйте, пожалуйста, часы.', 'Согласовано, можно делать.',
  'Исправление выложено на тестовый стенд, проверьте.', 'Проверили — всё работает, спасибо!',
  'Нужен доступ к серверу клиента, запросили у администратора.', 'Напоминаю о заявке, вопрос срочный.',
  'Сделано, закрываю заявку.', 'Перезагрузили оборудование, наблюдаем.', 'Какой у вас номер договора?',
];

export const DESCRIPTIONS: readonly string[] = [
  'Проблема появилась сегодня утром. Прошу разобраться как можно скорее.',
  'Подробности в переписке с менеджером. Контактное лицо — автор заявки.',
  'Нужно сделать до конца месяца, бюджет согласован.',
  'Повторяется уже не первый раз, в прошлый раз помогла перезагрузка.',
  'Скриншоты и логи прикладываю в комментариях.',
];

export const ELAPSED_TEXTS: readonly string[] = [
  'Диагностика', 'Разбор логов', 'Исправление', 'Тестирование', 'Созвон с клиентом', 'Выезд на объект',
  'Настройка оборудования', 'Подготовка оценки', 'Документирование',
];

export const STOPPERS: readonly string[] = [
  'Ждём ответа клиента', 'Ждём поставщика', 'Нужен доступ', 'Ждём согласования оценки', 'Ждём оплату', 'Блокирует другая заявка',
];

export const SD_STAGES: readonly { title: string; color: string }[] = [
  { title: 'Новые заявки', color: '00C4FB' },
  { title: 'Сбор информации', color: '47D1E2' },
  { title: 'Запустить в работу', color: 'FFA900' },
  { title: 'В работе', color: '2FC6F6' },
  { title: 'Завершена', color: '75D900' },
];
