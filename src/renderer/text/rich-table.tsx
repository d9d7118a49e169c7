/**
 * [TABLE]/[TR]/[TD]/[TH] (and their HTML names) as a real table. Portal text puts line breaks
 * and stray text between the tags; a table may only hold rows and a row only cells, so blank
 * text is dropped and anything else is wrapped in a row or a cell rather than lost.
 */
import type { ReactNode } from 'react';
import type { MarkupNode } from './markup-tree';
import './rich-table.css';

type Element = Extract<MarkupNode, { type: 'element' }>;
type RenderChildren = (children: readonly MarkupNode[], prefix: string) => ReactNode[];

const isBlank = (node: MarkupNode) => node.type === 'break' || (node.type === 'text' && node.text.trim() === '');
const isCell = (node: MarkupNode) => node.type === 'element' && (node.kind === 'cell' || node.kind === 'header-cell');
const isRow = (node: MarkupNode) => node.type === 'element' && node.kind === 'row';

/** Consecutive nodes that fail `fits` are grouped under one `wrap` element, blank ones dropped. */
function normalise(children: readonly MarkupNode[], fits: (node: MarkupNode) => boolean, wrap: Element['kind']): Element[] {
  const out: Element[] = [];
  let loose: MarkupNode[] = [];
  const flush = () => {
    if (loose.some((node) => !isBlank(node))) out.push({ type: 'element', kind: wrap, attr: undefined, children: loose });
    loose = [];
  };
  for (const node of children) {
    if (fits(node)) {
      flush();
      out.push(node as Element);
    } else loose.push(node);
  }
  flush();
  return out;
}

function cells(row: Element, key: string, render: RenderChildren): ReactNode {
  return (
    <tr key={key}>
      {normalise(row.children, isCell, 'cell').map((cell, index) =>
        cell.kind === 'header-cell' ? <th key={`${key}.${index}`}>{render(cell.children, `${key}.${index}`)}</th> : <td key={`${key}.${index}`}>{render(cell.children, `${key}.${index}`)}</td>,
      )}
    </tr>
  );
}

export function renderTablePart(node: Element, key: string, render: RenderChildren): ReactNode {
  if (node.kind === 'table') {
    const rows = normalise(node.children, isRow, 'row');
    return (
      <table key={key} className="rich-text__table">
        <tbody>{rows.map((row, index) => cells(row, `${key}.${index}`, render))}</tbody>
      </table>
    );
  }
  // A row or a cell outside a table: its content, inline, so nothing is lost and the DOM stays valid.
  return <span key={key} className="rich-text__block">{render(node.children, key)}</span>;
}
