/** Renders the board's containers: plain columns, or swimlanes (Lanes.tsx). */
import type { StageRole } from '../../core/domain/settings';
import { appStore } from '../store';
import type { BoardModel } from './board-model';
import type { CardView } from './card-view';
import { Column } from './Column';
import { Lanes } from './Lanes';
import type { Containers } from './drop-intent';
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
              wip={column.wip}
              onFold={fold(column.stage.id)}
            />
          );
        })}
      </div>
    );
  }
  return (
    <Lanes
      model={model}
      lanes={layout.lanes}
      containers={containers}
      cardsById={cardsById}
      activeId={activeId}
      folded={(column) => isFolded(column.stage.id, column.role)}
      onFold={(stageId, folded) => fold(stageId)(folded)}
    />
  );
}
