/**
 * The demo's team settings: what a lead would have set, so a first look at the demo shows the
 * features that need a setting. A WIP limit on the work stage, below what the demo portal
 * generates in work, so the combined board's «В работе» column is over it at once.
 */
import type { Settings } from '../../core/domain/settings';

export const DEMO_WORK_LIMIT = 8;

/** The demo's WIP limits, unless the settings already have any (a person's choice is kept). */
export function withDemoTeamSettings(settings: Settings): Settings {
  const { wip } = settings;
  const anyLimit = Object.values(wip.roles).some((limit) => limit !== null) || Object.keys(wip.groups).length > 0;
  if (anyLimit) return settings;
  return { ...settings, wip: { ...wip, roles: { ...wip.roles, work: DEMO_WORK_LIMIT } } };
}
