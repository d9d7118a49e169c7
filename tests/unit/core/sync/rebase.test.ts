import { describe, expect, it } from 'vitest';
import { rebase } from '../../../../src/core/sync/rebase';
import { makeIntent, makeTask } from '../../../support/factories';

describe('rebase', () => {
  it('without intents the view is the server state', () => {
    const [card] = rebase([makeTask()], [], '5');
    expect(card).toMatchObject({ id: '1', stageId: '100', pendingEdits: 0, conflicted: false });
  });

  it('replays intents in sequence order: the last move wins', () => {
    const a = makeIntent({ name: 'moveCard', taskId: '1', stageId: '101' });
    const b = makeIntent({ name: 'moveCard', taskId: '1', stageId: '102' });
    const [card] = rebase([makeTask()], [b, a], '5');
    expect(card).toMatchObject({ stageId: '102', pendingEdits: 2 });
  });

  it('applies field edits by portal field name, user fields included', () => {
    const intent = makeIntent({ name: 'updateFields', taskId: '1', fields: { PRIORITY: '2', UF_AUTO_1: '7', DEADLINE: '2026-02-01T18:00:00+03:00', UF_CRM_TASK: ['CO_3'] } });
    const [card] = rebase([makeTask()], [intent], '5');
    expect(card).toMatchObject({ priority: 2, userFields: { UF_AUTO_1: '7' }, deadline: Date.UTC(2026, 1, 1, 15), crmLinks: ['CO_3'] });
  });

  it('a status action changes the status; complete sets the close time', () => {
    const intent = makeIntent({ name: 'changeStatus', taskId: '1', action: 'complete' });
    const [card] = rebase([makeTask()], [intent], '5');
    expect(card).toMatchObject({ status: 5, closedAt: intent.createdAt });
  });

  it('a task created offline shows in the first column as local', () => {
    const intent = makeIntent({ name: 'createTask', clientId: 'c-1', groupId: '10', title: 'Новая заявка' });
    const cards = rebase([], [intent], '5');
    expect(cards).toEqual([expect.objectContaining({ id: 'local:c-1', stageId: '0', localOnly: true, responsibleId: '5', title: 'Новая заявка' })]);
  });

  it('failed and conflicted edits are not applied, only marked', () => {
    const failed = makeIntent({ name: 'moveCard', taskId: '1', stageId: '109' }, { state: 'failed' });
    const conflict = makeIntent({ name: 'updateFields', taskId: '1', fields: { TITLE: 'mine' } }, { state: 'conflict' });
    const [card] = rebase([makeTask()], [failed, conflict], '5');
    expect(card).toMatchObject({ stageId: '100', title: 'Не печатает принтер', failedEdits: 1, conflicted: true, pendingEdits: 0 });
  });

  it('comments and time records do not change the card but count as pending', () => {
    const [card] = rebase([makeTask()], [makeIntent({ name: 'addComment', taskId: '1', text: 'hi' })], '5');
    expect(card).toMatchObject({ pendingEdits: 1, stageId: '100' });
  });

  it('does not touch the server snapshot it was given', () => {
    const task = makeTask();
    rebase([task], [makeIntent({ name: 'updateFields', taskId: '1', fields: { UF_X: '1' } })], '5');
    expect(task.userFields).toEqual({});
  });
});
