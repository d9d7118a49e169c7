import { describe, expect, it } from 'vitest';
import { insertAtSelection, isTemplateMenuShortcut, templateValuesOf } from '../../../../src/renderer/drawer/template-insert';
import { paletteTemplates } from '../../../../src/renderer/palette/template-items';
import type { BoardCard } from '../../../../src/shared/api';

const card = { id: '77', responsibleId: '5', crmLinks: ['CO_3'], deadline: 1_700_000_000_000 } as unknown as BoardCard;

describe('template insertion', () => {
  it('replaces the selection and puts the cursor after the insert', () => {
    expect(insertAtSelection('Hello world', 'X', 6, 11)).toEqual({ text: 'Hello X', cursor: 7 });
    expect(insertAtSelection('ab', 'X', 1, 1)).toEqual({ text: 'aXb', cursor: 2 });
    // Out-of-range or reversed selections clamp to the text.
    expect(insertAtSelection('ab', 'X', 9, 2)).toEqual({ text: 'abX', cursor: 3 });
  });

  it('takes the client from the CRM company and the responsible by full name; unknowns stay null', () => {
    const users = [{ id: '5', name: 'Мария', lastName: 'Иванова' }] as never;
    const companies = [{ id: '3', title: 'ООО «Ромашка»' }];
    expect(templateValuesOf(card, users, companies)).toEqual({ client: 'ООО «Ромашка»', number: '77', responsible: 'Мария Иванова', deadline: 1_700_000_000_000 });
    expect(templateValuesOf({ ...card, crmLinks: [], deadline: null }, [], [])).toEqual({ client: null, number: '77', responsible: null, deadline: null });
  });

  it('opens the menu with Alt+T by physical key, in any layout, and not with other modifiers', () => {
    const key = { code: 'KeyT', altKey: true, ctrlKey: false, metaKey: false, shiftKey: false };
    expect(isTemplateMenuShortcut(key)).toBe(true);
    expect(isTemplateMenuShortcut({ ...key, ctrlKey: true })).toBe(false);
    expect(isTemplateMenuShortcut({ ...key, altKey: false })).toBe(false);
    expect(isTemplateMenuShortcut({ ...key, code: 'KeyE' })).toBe(false);
  });

  it('offers palette items only while a card is open, each answering that card', () => {
    const templates = [{ title: 'A', text: 'a' }, { title: 'B', text: 'b' }];
    const asked: [string, number][] = [];
    const t = (key: string, values?: Record<string, string | number>) => `${key}:${values?.title}`;
    expect(paletteTemplates(templates, null, t as never, () => {})).toEqual([]);
    const items = paletteTemplates(templates, '77', t as never, (taskId, index) => asked.push([taskId, index]));
    expect(items.map((item) => [item.label, item.hint])).toEqual([['templates.palette.insert:A', 'Alt+T 1'], ['templates.palette.insert:B', 'Alt+T 2']]);
    void items[1]!.run();
    expect(asked).toEqual([['77', 1]]);
  });
});
