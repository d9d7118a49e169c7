/** The shape of the renderer's data store: one bound store assembled from slices. */
import type { StateCreator } from 'zustand';
import type { SessionSlice } from './session-slice';
import type { BoardSlice } from './board-slice';
import type { NoticeSlice } from './notice-slice';
import type { ViewSlice } from './view-slice';

export type AppState = SessionSlice & BoardSlice & NoticeSlice & ViewSlice;

export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>;
