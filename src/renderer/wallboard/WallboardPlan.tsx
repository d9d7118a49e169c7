/** Today's plan vs fact per team member and this month's hours per client, as labelled meters. */
import type { ReportsData } from '../../shared/api';
import { portalDayKey, portalMonthKey } from '../../core/domain/portal-time';
import { useI18n } from '../i18n/context';
import type { GroupView } from './wallboard-model';
import { clientsThisMonth, formatHours, teamPlanToday, type HoursBar } from './plan-today';

const PEOPLE_LIMIT = 10;
const CLIENT_LIMIT = 5;

function Meter({ bar }: { bar: HoursBar }) {
  const { t, language } = useI18n();
  const fact = formatHours(bar.factHours, language);
  const label = bar.planHours > 0 ? t('wallboard.hoursOf', { fact, plan: formatHours(bar.planHours, language) }) : t('wallboard.hoursNoPlan', { fact });
  const tone = bar.ratio === null ? 'none' : bar.ratio >= 1 ? 'met' : bar.ratio >= 0.5 ? 'part' : 'low';
  // The fill is the share of the plan done; 150 % at most so an overrun stays visible but bounded.
  const width = bar.ratio === null ? 100 : Math.round((bar.ratio / 1.5) * 100);
  return (
    <li className="wallboard__meter">
      <span className="wallboard__meter-label">{bar.label}</span>
      <span className="wallboard__meter-track" aria-hidden="true">
        <span className={`wallboard__meter-fill wallboard__meter-fill--${tone}`} style={{ width: `${width}%` }} />
        {bar.ratio !== null && <span className="wallboard__meter-plan" />}
      </span>
      <span className="wallboard__meter-value">{label}</span>
    </li>
  );
}

const MONTHS_RU = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthName(monthKey: string, language: 'ru' | 'en'): string {
  const index = Number(monthKey.slice(5, 7)) - 1;
  return (language === 'ru' ? MONTHS_RU : MONTHS_EN)[index] ?? monthKey;
}

interface Props {
  view: GroupView;
  report: ReportsData | null;
  portalNow: number;
  offset: number;
}

export function WallboardPlan({ view, report, portalNow, offset }: Props) {
  const { t, language } = useI18n();
  const people = report ? teamPlanToday(report.employees, portalDayKey(portalNow, offset), view.teamIds) : [];
  const clients = report ? clientsThisMonth(report.clients) : [];
  return (
    <div className="wallboard__plans">
      <section className="wallboard__panel wallboard__panel--plan">
        <h2 className="wallboard__panel-title">{t('wallboard.planToday')}</h2>
        <ul className="wallboard__meters wallboard__meters--two" aria-label={t('wallboard.planToday')}>
          {people.slice(0, PEOPLE_LIMIT).map((bar) => (
            <Meter key={bar.id} bar={bar} />
          ))}
        </ul>
        {people.length === 0 && <p className="wallboard__empty">{t('wallboard.noTime')}</p>}
        {people.length > PEOPLE_LIMIT && <p className="wallboard__more">{t('wallboard.more', { n: people.length - PEOPLE_LIMIT })}</p>}
      </section>
      <section className="wallboard__panel wallboard__panel--clients">
        <h2 className="wallboard__panel-title">{t('wallboard.clientsMonth', { month: monthName(portalMonthKey(portalNow, offset), language) })}</h2>
        <ul className="wallboard__meters" aria-label={t('wallboard.clientsMonth', { month: monthName(portalMonthKey(portalNow, offset), language) })}>
          {clients.slice(0, CLIENT_LIMIT).map((bar) => (
            <Meter key={bar.id} bar={bar} />
          ))}
        </ul>
        {clients.length === 0 && <p className="wallboard__empty">{t('wallboard.noClients')}</p>}
        {clients.length > CLIENT_LIMIT && <p className="wallboard__more">{t('wallboard.more', { n: clients.length - CLIENT_LIMIT })}</p>}
      </section>
    </div>
  );
}
