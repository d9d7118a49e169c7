import { z } from 'zod';
import { BitrixError } from './errors';
import type { BitrixClient } from './client';
import type { GroupSummary } from '../../shared/api';

/** A `sonet_group.get` row: UPPERCASE keys, string values, CLOSED as Y/N. */
const groupRow = z
  .object({
    ID: z.union([z.string(), z.number()]).transform(String),
    NAME: z.string(),
    CLOSED: z.enum(['Y', 'N']).optional(),
    NUMBER_OF_MEMBERS: z.union([z.string(), z.number()]).optional(),
  })
  .passthrough();

export function toGroupSummary(row: z.infer<typeof groupRow>): GroupSummary {
  const members = row.NUMBER_OF_MEMBERS === undefined ? null : Number(row.NUMBER_OF_MEMBERS);
  return {
    id: row.ID,
    name: row.NAME,
    closed: row.CLOSED === 'Y',
    membersCount: members !== null && Number.isFinite(members) ? members : null,
  };
}

/** Lists the workgroups visible to the user, following `next` until the portal has no more. */
export async function listGroups(client: BitrixClient): Promise<GroupSummary[]> {
  const groups: GroupSummary[] = [];
  let start: number | undefined = 0;
  while (start !== undefined) {
    // IS_ADMIN lets a portal admin see every group; the portal ignores it for other users.
    const answer = await client.call('sonet_group.get', { ORDER: { NAME: 'ASC' }, IS_ADMIN: 'Y', start });
    const rows = z.array(groupRow).safeParse(answer.result);
    if (!rows.success) {
      throw new BitrixError('malformed', 'MALFORMED_ANSWER', 'sonet_group.get answered rows of an unexpected shape');
    }
    groups.push(...rows.data.map(toGroupSummary));
    start = answer.next;
  }
  return groups;
}
