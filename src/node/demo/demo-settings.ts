/**
 * The demo's team settings: what a lead would have set, so a first look at the demo shows the
 * features that need a setting. A team-wide WIP limit on the work role, below what the
 * demo portal generates in work (about 85 in both groups) and above each group's own share, so
 * the combined board's «В работе» is over it at once while each group's board is within it.
 */
import type { Settings } from '../../core/domain/settings';

export const DEMO_WORK_LIMIT = 60;

/** The demo's WIP limits, unless the settings already have any (a person's choice is kept). */
export function withDemoTeamSettings(settings: Settings): Settings {
  const { wip } = settings;
  const anyLimit = Object.values(wip.roles).some((limit) => limit !== null) || Object.keys(wip.groups).length > 0;
  if (anyLimit) return settings;
  return { ...settings, wip: { ...wip, roles: { ...wip.roles, work: DEMO_WORK_LIMIT } } };
}
