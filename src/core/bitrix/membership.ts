/**
 * The user's own workgroup membership, `sonet_group.user.groups`: no parameters, always the
 * calling user (another user's membership cannot be asked for this way), one unpaged list of
 * `{GROUP_ID, GROUP_NAME, ROLE: A|E|K, GROUP_IMAGE_ID, GROUP_IMAGE}` (b24restdocs
 * api-reference/sonet-group/sonet-group-user-groups.md).
 */
import { z } from 'zod';
import { BitrixError } from './errors';
import type { BitrixClient } from './client';
import type { GroupMembership } from '../domain/model';

const ROLES = { A: 'owner', E: 'moderator', K: 'member' } as const;

const membershipRow = z
  .object({
    GROUP_ID: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String),
    GROUP_NAME: z.string().optional(),
    ROLE: z.string(),
  })
  .passthrough();

/** Rows to memberships; a role other than owner, moderator or member (a request, a ban) is not membership. */
export function mapMemberships(result: unknown): GroupMembership[] {
  const rows = z.array(membershipRow).safeParse(result);
  if (!rows.success) throw new BitrixError('malformed', 'MALFORMED_ANSWER', 'sonet_group.user.groups answered rows of an unexpected shape');
  const byGroup = new Map<string, GroupMembership>();
  for (const row of rows.data) {
    const role = Object.hasOwn(ROLES, row.ROLE) ? ROLES[row.ROLE as keyof typeof ROLES] : undefined;
    if (role && !byGroup.has(row.GROUP_ID)) byGroup.set(row.GROUP_ID, { groupId: row.GROUP_ID, role });
  }
  return [...byGroup.values()];
}

export async function readMemberships(client: BitrixClient): Promise<GroupMembership[]> {
  const answer = await client.call('sonet_group.user.groups', {});
  return mapMemberships(answer.result);
}
