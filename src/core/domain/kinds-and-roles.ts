/**
 * The closed lists settings are made of, apart from the settings schema (and zod), so that a
 * window can name them without loading the validation.
 */
export const STAGE_ROLES = ['new', 'classification', 'queue', 'work', 'done'] as const;
export type StageRole = (typeof STAGE_ROLES)[number];

export const CARD_KINDS = ['incident', 'change', 'service'] as const;
export type CardKind = (typeof CARD_KINDS)[number];
