/**
 * Portal text (task descriptions, comments) as React elements from a fixed whitelist: strong, em,
 * u, s, br, blockquote, pre, code, ul, ol, li, span, button. No attribute comes from the text
 * except what is shown as text; nothing is ever set as HTML. Links are not navigable from the
 * page: a link to a task on the connected portal opens it in Pult, any other shows its address.
 */
import type { ReactNode } from 'react';
import { parseMarkup, plainText, type MarkupNode } from './markup-tree';
import { portalTaskId, safeUrl } from './safe-url';
import { renderTablePart } from './rich-table';
import { splitDiskFileTags } from './disk-file';
import { Icon } from '../shared-ui/Icon';

export interface RichTextOptions {
  /** The connected portal, to recognise links to its tasks. */
  portalUrl?: string | undefined;
  /** Opens a portal task inside Pult. */
  onOpenTask?: ((taskId: string) => void) | undefined;
  /** Shows a `[DISK FILE ID=…]` tag as the attachment; without it the tag stays as text. */
  renderDiskFile?: ((id: string, key: string) => ReactNode) | undefined;
}

function textWithDiskFiles(text: string, key: string, render: (id: string, key: string) => ReactNode): ReactNode[] {
  return splitDiskFileTags(text).flatMap((part, index) =>
    part.kind === 'file' ? [render(part.id, `${key}-f${index}`)] : textWithBreaks(part.text, `${key}-t${index}`),
  );
}

function textWithBreaks(text: string, key: string): ReactNode[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines.flatMap((line, index) => (index === 0 ? [line] : [<br key={`${key}-br${index}`} />, line]));
}

function renderLink(node: Extract<MarkupNode, { type: 'element' }>, key: string, options: RichTextOptions): ReactNode {
  const label = plainText(node.children);
  const target = safeUrl(node.attr ?? label);
  const content = renderNodes(node.children, options, key);
  if (!target) return <span key={key}>{content}</span>;
  const taskId = target.kind === 'web' ? portalTaskId(target.href, options.portalUrl) : null;
  if (taskId && options.onOpenTask) {
    const open = options.onOpenTask;
    return (
      <button key={key} type="button" className="rich-text__task-link" onClick={() => open(taskId)}>
        {content}
      </button>
    );
  }
  const shown = target.kind === 'mail' ? target.href.slice('mailto:'.length) : target.href;
  return (
    <span key={key} className="rich-text__link" title={target.href}>
      {content}
      {label.trim() !== shown && label.trim() !== target.href ? <span className="rich-text__url"> ({shown})</span> : null}
    </span>
  );
}

function renderElement(node: Extract<MarkupNode, { type: 'element' }>, key: string, options: RichTextOptions): ReactNode {
  const inner = () => renderNodes(node.children, options, key);
  switch (node.kind) {
    case 'bold':
      return <strong key={key}>{inner()}</strong>;
    case 'italic':
      return <em key={key}>{inner()}</em>;
    case 'underline':
      return <u key={key}>{inner()}</u>;
    case 'strike':
      return <s key={key}>{inner()}</s>;
    case 'link':
      return renderLink(node, key, options);
    case 'quote':
      return <blockquote key={key} className="rich-text__quote">{inner()}</blockquote>;
    case 'code':
      return (
        <pre key={key} className="rich-text__code">
          <code>{plainText(node.children)}</code>
        </pre>
      );
    case 'list':
      return <ul key={key}>{inner()}</ul>;
    case 'ordered-list':
      return <ol key={key}>{inner()}</ol>;
    case 'item':
      return <li key={key}>{inner()}</li>;
    case 'mention':
      return <span key={key} className="rich-text__mention">{inner()}</span>;
    case 'image': {
      const target = safeUrl(node.attr ?? plainText(node.children));
      // Images are never loaded from portal text: the address is shown instead.
      return <span key={key} className="rich-text__url"><Icon name="image" size={14} /> {target ? target.href : plainText(node.children)}</span>;
    }
    case 'block':
      return <span key={key} className="rich-text__block">{inner()}</span>;
    case 'inline':
      return <span key={key}>{inner()}</span>;
    case 'table':
    case 'row':
    case 'cell':
    case 'header-cell':
      return renderTablePart(node, key, (children, prefix) => renderNodes(children, options, prefix));
  }
}

function renderNodes(nodes: readonly MarkupNode[], options: RichTextOptions, prefix: string): ReactNode[] {
  return nodes.flatMap((node, index): ReactNode[] => {
    const key = `${prefix}.${index}`;
    if (node.type === 'text') return options.renderDiskFile ? textWithDiskFiles(node.text, key, options.renderDiskFile) : textWithBreaks(node.text, key);
    if (node.type === 'break') return [<br key={key} />];
    return [renderElement(node, key, options)];
  });
}

/** Safe React elements for portal text. */
export function renderRichText(source: string, options: RichTextOptions = {}): ReactNode[] {
  return renderNodes(parseMarkup(source), options, 'n');
}

export function RichText({ text, className, ...options }: { text: string; className?: string } & RichTextOptions) {
  return <div className={className ? `rich-text ${className}` : 'rich-text'}>{renderRichText(text, options)}</div>;
}
