import type { PultHost } from './pult-host';
import type { ConnectResult } from '../../shared/api';

/**
 * Binds the Service Desk groups with the proposed stage roles and field mapping, as a user who
 * accepts every pre-filled first-run step would (browser mode `--demo`, a fresh `npm start`).
 */
export async function acceptProposedSetup(host: PultHost, connected: ConnectResult): Promise<void> {
  const candidates = connected.groups.filter((g) => /service desk/i.test(g.name));
  const groupIds = (candidates.length ? candidates : connected.groups).map((g) => g.id);
  if (groupIds.length === 0) return;
  const proposal = await host.proposeSetup(groupIds);
  await host.completeSetup({ groupIds, stageRoles: proposal.stageRoles, fields: proposal.fields });
}
