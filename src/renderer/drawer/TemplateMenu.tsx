/**
 * «Шаблоны» beside the comment box: a menu of the team's reply templates. Opened by the button or
 * Alt+T; a digit picks the numbered template, arrows and Enter pick any, Esc closes it (and only it).
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ReplyTemplate } from '../../core/domain/reply-templates';
import { useI18n } from '../i18n/context';
import { useUiStore } from '../store/ui-store';
import './templates.css';

export interface TemplateMenuProps {
  templates: readonly ReplyTemplate[];
  open: boolean;
  onOpenChange(open: boolean): void;
  onPick(index: number): void;
}

function clickOnEnter(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  event.currentTarget.click();
}

function openSettings() {
  const ui = useUiStore.getState();
  ui.selectTask(null);
  ui.setScreen('settings');
}

export function TemplateMenu({ templates, open, onOpenChange, onPick }: TemplateMenuProps) {
  const { t } = useI18n();
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onOpenChange(false);
      return;
    }
    const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : undefined);
    if (digit && Number(digit) <= templates.length) {
      event.preventDefault();
      onPick(Number(digit) - 1);
      return;
    }
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step) {
      event.preventDefault();
      const all = items();
      const at = all.indexOf(document.activeElement as HTMLElement);
      all[(at + step + all.length) % all.length]?.focus();
    } else if (event.key === 'Tab') onOpenChange(false);
  };

  return (
    <div className="template-menu">
      <button
        type="button"
        className="template-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="drawer-template-menu"
        aria-keyshortcuts="Alt+T"
        title="Alt+T"
        onClick={() => onOpenChange(!open)}
      >
        {t('templates.menu.button')}
      </button>
      {open && (
        <ul id="drawer-template-menu" ref={menu} role="menu" aria-label={t('templates.menu.label')} className="template-menu__list" onKeyDown={onKeyDown}>
          {templates.map((template, index) => (
            <li key={index} role="menuitem" tabIndex={-1} className="template-menu__item" onClick={() => onPick(index)} onKeyDown={clickOnEnter}>
              {index < 9 && <kbd className="template-menu__digit">{index + 1}</kbd>}
              <span className="template-menu__title">{template.title}</span>
            </li>
          ))}
          {templates.length === 0 && (
            <li role="menuitem" tabIndex={-1} className="template-menu__item template-menu__item--empty" onClick={openSettings} onKeyDown={clickOnEnter}>
              {t('templates.menu.empty')}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
