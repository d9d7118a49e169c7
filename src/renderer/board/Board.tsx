/**
 * The kanban: columns = the group's stages. Drag state stays local while hovering (ordered ids
 * per container, the MultipleContainers pattern); the drop creates exactly one moveCard intent.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragOverEvent, type DragStartEvent } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useI18n } from '../i18n/context';
import { appStore, useAppStore } from '../store';
import { isColumnFolded } from '../store/view-slice';
import type { BoardModel } from './board-model';
import type { CardView } from './card-view';
import { CardBody } from './CardBody';
import { DragTracker } from './collision';
import { applyOver, dropToMove, findContainer, type Containers } from './drop-intent';
import { markDragEnd } from './drag-guard';
import { BoardLayout } from './BoardLayout';
import { layoutContainers } from './layout';
import { BoardKeysContext } from './board-focus';
import { useBoardFocus } from './use-board-focus';
import { planDrop } from './drop-plan';
import { breachText } from './wip-text';

const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space'] };

export function Board({ model }: { model: BoardModel }) {
  const { t } = useI18n();
  const swimlanes = useAppStore((state) => state.swimlanes);
  const columnFolded = useAppStore((state) => state.columnFolded);
  const layout = useMemo(() => layoutContainers(model, swimlanes), [model, swimlanes]);
  const cardsById = useMemo(() => new Map<string, CardView>(model.visible.map((card) => [card.id, card])), [model]);
  const [drag, setDrag] = useState<{ id: string; containers: Containers; from: string; fromIndex: number } | null>(null);
  const containers = drag?.containers ?? layout.containers;
  // One collision function for the whole drag (a new one per hover would re-measure everything);
  // it reads the current containers through a ref and keeps its memory between moves.
  const [tracker] = useState(() => new DragTracker(layout.containers));
  useEffect(() => {
    // The card has been laid out in its new column: collisions may follow the pointer again.
    const frame = requestAnimationFrame(() => tracker.laidOut(containers));
    return () => cancelAnimationFrame(frame);
  }, [containers, tracker]);

  useEffect(() => {
    // dnd-kit's announcer is a second role="status" region (mounted a moment after the board);
    // the app's status region is the status bar. A log region is announced just the same.
    const retag = () => {
      const found = document.querySelectorAll('[id^="DndLiveRegion-"][role="status"]');
      found.forEach((node) => node.setAttribute('role', 'log'));
      if (found.length > 0) observer.disconnect();
    };
    const observer = new MutationObserver(retag);
    observer.observe(document.body, { childList: true, subtree: true });
    retag();
    return () => observer.disconnect();
  }, []);

  const stageIds = useMemo(() => model.columns.map((column) => column.stage.id), [model.columns]);
  const roles = useMemo(() => new Map(model.columns.map((column) => [column.stage.id, column.role])), [model.columns]);
  const { keys, dropped } = useBoardFocus({
    layout,
    containers,
    stageIds,
    isFolded: (stageId) => isColumnFolded(columnFolded, stageId, roles.get(stageId) ?? null),
    dragging: drag !== null,
  });

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: KEYBOARD_CODES }),
  );

  const onDragStart = useCallback(
    ({ active }: DragStartEvent) => {
      tracker.begin();
      const id = String(active.id);
      const from = findContainer(layout.containers, id);
      if (!from) return;
      setDrag({ id, containers: layout.containers, from, fromIndex: layout.containers[from]?.indexOf(id) ?? -1 });
    },
    [layout, tracker],
  );

  const onDragOver = useCallback(
    ({ active, over }: DragOverEvent) => {
      if (!over) return;
      setDrag((current) => {
        if (!current) return current;
        const activeId = String(active.id);
        const next = applyOver(current.containers, activeId, String(over.id));
        if (next === current.containers) return current;
        if (findContainer(next, activeId) !== findContainer(current.containers, activeId)) tracker.movedToNewContainer();
        return { ...current, containers: next };
      });
    },
    [tracker],
  );

  const onDragEnd = useCallback(
    ({ active, over }: DragEndEvent) => {
      markDragEnd();
      dropped();
      const current = drag;
      setDrag(null);
      if (!current || !over) return;
      const move = dropToMove({
        containers: applyOver(current.containers, String(active.id), String(over.id)),
        stageOf: (id) => layout.stageOf.get(id),
        taskId: String(active.id),
        fromContainer: current.from,
        fromIndex: current.fromIndex,
        keys: model.keys,
      });
      const plan = move ? planDrop(model, move) : null;
      if (!plan) return;
      const store = appStore.getState();
      const badge = (groupId: string) => model.combined?.groupBadges.get(groupId) ?? store.groups.find((group) => group.id === groupId)?.name ?? `#${groupId}`;
      if (plan.kind === 'refused') {
        // Nothing was sent: the card goes back where it was (the layout is the model's again).
        if (plan.reason === 'no-stage') store.pushToast({ tone: 'error', key: 'allBoard.noStage', values: { group: badge(plan.groupId), role: t(`allBoard.role.${plan.role}`) }, taskId: move!.intent.taskId });
        else store.pushToast({ tone: 'error', key: 'wip.refused', values: { limits: breachText(plan.breaches, badge, t) }, taskId: move!.intent.taskId });
        return;
      }
      if (plan.warnings.length > 0) store.pushToast({ tone: 'warning', key: 'wip.warned', values: { limits: breachText(plan.warnings, badge, t) }, taskId: plan.move.intent.taskId });
      void store.moveCard(plan.groupId, plan.move);
    },
    [drag, layout, model, dropped, t],
  );

  const onDragCancel = useCallback(() => {
    markDragEnd();
    dropped();
    setDrag(null);
  }, [dropped]);

  const stageTitle = (containerId: string | undefined) => {
    const stageId = containerId ? layout.stageOf.get(containerId) : undefined;
    return model.columns.find((column) => column.stage.id === stageId)?.stage.title ?? '';
  };
  const announcements = {
    onDragStart: ({ active }: { active: { id: string | number } }) => t('dnd.lifted', { id: String(active.id) }),
    onDragOver: ({ active, over }: { active: { id: string | number }; over: { id: string | number } | null }) =>
      over ? t('dnd.over', { id: String(active.id), stage: stageTitle(findContainer(containers, String(over.id))) }) : undefined,
    onDragEnd: ({ active }: { active: { id: string | number } }) =>
      t('dnd.dropped', { id: String(active.id), stage: stageTitle(findContainer(containers, String(active.id))) }),
    onDragCancel: ({ active }: { active: { id: string | number } }) => t('dnd.cancelled', { id: String(active.id) }),
  };

  const active = drag ? cardsById.get(drag.id) : undefined;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={tracker.detect}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
    >
      <BoardKeysContext.Provider value={keys}>
        <BoardLayout
          model={model}
          layout={layout}
          containers={containers}
          cardsById={cardsById}
          activeId={drag?.id ?? null}
          isFolded={(stageId, role) => isColumnFolded(columnFolded, stageId, role)}
        />
      </BoardKeysContext.Provider>
      <DragOverlay dropAnimation={null}>{active ? <div className={`card card--${active.kind} card--overlay`}><CardBody card={active} ctx={model.ctx} /></div> : null}</DragOverlay>
    </DndContext>
  );
}
