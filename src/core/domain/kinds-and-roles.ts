/**
 * The closed lists settings are made of, apart from the settings schema (and zod), so that a
 * window can name them without loading the validation.
 */
export const STAGE_ROLES = ['new', 'classification', 'queue', 'work', 'done'] as const;
export type StageRole = (typeof STAGE_ROLES)[number];

export const CARD_KINDS = ['incident', 'change', 'service'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/**
 * How a board's columns order their cards: as on the board (by ID, or where the user dropped
 * them), newest first, by priority then age, or the longest without an update first.
 */
export const CARD_ORDERS = ['board', 'newest', 'priority', 'lu'] as const;
export type CardOrder = (typeof CARD_ORDERS)[number];
