/** Renders the board's containers: plain columns, or swimlane rows under a row of column headers. */
import type { StageRole } from '../../core/domain/settings';
import { useI18n } from '../i18n/context';
import { appStore } from '../store';
import type { BoardModel } from './board-model';
import type { CardView } from './card-view';
import { Column } from './Column';
import type { Containers } from './drop-intent';
import { formatHours } from './format';
import type { BoardLayoutModel } from './layout';
import { containerId } from './layout';

interface Props {
  model: BoardModel;
  layout: BoardLayoutModel;
  containers: Containers;
  cardsById: ReadonlyMap<string, CardView>;
  activeId: string | null;
  isFolded: (stageId: string, role: StageRole | null) => boolean;
}

const fold = (stageId: string) => (folded: boolean) => appStore.getState().setColumnFolded(stageId, folded);

export function BoardLayout({ model, layout, containers, cardsById, activeId, isFolded }: Props) {
  const { t, language } = useI18n();
  if (!layout.lanes) {
    return (
      <div className="board">
        {model.columns.map((column) => {
          const id = containerId(column.stage.id);
          return (
            <Column
              key={id}
              containerId={id}
              stage={column.stage}
              ids={containers[id] ?? []}
              cardsById={cardsById}
              ctx={model.ctx}
              hours={column.hours}
              folded={isFolded(column.stage.id, column.role)}
              activeId={activeId}
              windowed
              region
              onFold={fold(column.stage.id)}
            />
          );
        })}
      </div>
    );
  }
  return (
    <div className="board board--lanes">
      <div className="lanes__header">
        {model.columns.map((column) => (
          <div key={column.stage.id} className={`lanes__stage${isFolded(column.stage.id, column.role) ? ' lanes__stage--folded' : ''}`}>
            <button type="button" className="lanes__stage-button" onClick={() => fold(column.stage.id)(!isFolded(column.stage.id, column.role))} aria-expanded={!isFolded(column.stage.id, column.role)}>
              {column.stage.title}
            </button>
            <span className="column__count">{t('board.column.cards', { n: column.cards.length })}</span>
            {column.hours > 0 && <span className="column__hours">{t('board.column.hours', { hours: formatHours(column.hours, language) })}</span>}
          </div>
        ))}
      </div>
      {layout.lanes.map((lane) => (
        <section key={lane.key} className="lane" aria-label={lane.title ?? t('board.lane.none')}>
          <h3 className="lane__title">
            {lane.title ?? t('board.lane.none')} <span className="lane__count">{lane.count}</span>
          </h3>
          <div className="lane__cells">
            {model.columns.map((column) => {
              const id = lane.containerOf.get(column.stage.id) ?? '';
              return (
                <Column
                  key={id}
                  containerId={id}
                  stage={column.stage}
                  ids={containers[id] ?? []}
                  cardsById={cardsById}
                  ctx={model.ctx}
                  hours={0}
                  folded={isFolded(column.stage.id, column.role)}
                  activeId={activeId}
                  windowed={false}
                  region={false}
                />
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}
