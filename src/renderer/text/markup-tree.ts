/**
 * Builds a tree from markup tokens the way forgiving renderers do: a close tag closes the nearest
 * open tag of its name (and any left open inside it), a stray close tag is text, unclosed tags
 * end with the text, and code keeps its content verbatim. Depth is capped so hostile nesting
 * cannot blow the render stack.
 */
import { decodeEntities } from './entities';
import { tokenize, type TagKind } from './markup-tokens';

export type MarkupNode =
  | { type: 'text'; text: string }
  | { type: 'break' }
  | { type: 'element'; kind: Exclude<TagKind, 'break'>; attr: string | undefined; children: MarkupNode[] };

type Open = { node: Extract<MarkupNode, { type: 'element' }>; name: string };

export const MAX_DEPTH = 24;

function lastIndex(stack: readonly Open[], test: (open: Open) => boolean): number {
  for (let i = stack.length - 1; i >= 0; i -= 1) if (test(stack[i]!)) return i;
  return -1;
}

function isCode(open: Open | undefined): boolean {
  return open?.node.kind === 'code';
}

export function parseMarkup(source: string): MarkupNode[] {
  const root: MarkupNode[] = [];
  const stack: Open[] = [];
  const children = () => stack.at(-1)?.node.children ?? root;

  const text = (value: string, decode: boolean) => {
    if (!value) return;
    const decoded = decode ? decodeEntities(value) : value;
    const list = children();
    const previous = list.at(-1);
    if (previous?.type === 'text') previous.text += decoded;
    else list.push({ type: 'text', text: decoded });
  };
  const closeTo = (index: number) => {
    stack.length = index;
  };

  for (const token of tokenize(source)) {
    const top = stack.at(-1);
    if (isCode(top)) {
      // Inside code everything is literal, up to the close of the same code tag.
      if (token.type === 'close' && token.name === top!.name) stack.pop();
      else text(token.type === 'text' ? token.text : token.raw, top!.name.startsWith('html:'));
      continue;
    }
    if (token.type === 'text') {
      text(token.text, true);
      continue;
    }
    if (token.type === 'open') {
      if (token.kind === 'break') {
        children().push({ type: 'break' });
        continue;
      }
      if (token.kind === 'item') {
        // [*] and <li> need no close: a new item ends the previous one.
        const openItem = lastIndex(stack, (open) => open.node.kind === 'item');
        const openList = lastIndex(stack, (open) => open.node.kind === 'list' || open.node.kind === 'ordered-list');
        if (openItem > openList && openItem >= 0) closeTo(openItem);
      }
      if (token.kind === 'row' || token.kind === 'cell' || token.kind === 'header-cell') {
        // As in HTML, a new cell ends the open cell of its row, and a new row the open row of its table.
        const ends = token.kind === 'row' ? ['row'] : ['cell', 'header-cell'];
        const openPart = lastIndex(stack, (open) => ends.includes(open.node.kind));
        const openParent = lastIndex(stack, (open) => open.node.kind === (token.kind === 'row' ? 'table' : 'row'));
        if (openPart > openParent && openParent >= 0) closeTo(openPart);
      }
      if (stack.length >= MAX_DEPTH) {
        text(token.raw, false);
        continue;
      }
      const kind = token.kind === 'list' && token.attr !== undefined && token.name === 'bb:list' ? 'ordered-list' : token.kind;
      const node: Open['node'] = { type: 'element', kind, attr: token.attr, children: [] };
      children().push(node);
      stack.push({ node, name: token.name });
      continue;
    }
    if (token.kind === 'break') continue; // </br>
    const index = lastIndex(stack, (open) => open.name === token.name);
    if (index >= 0) closeTo(index);
    else text(token.raw, false);
  }
  return root;
}

/** The plain text of a subtree (a link without a target uses its text as the address). */
export function plainText(nodes: readonly MarkupNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.text : node.type === 'break' ? '\n' : plainText(node.children))).join('');
}
