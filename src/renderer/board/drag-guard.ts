/**
 * The pointer-up that ends a drag also clicks the card under it, which would open the drawer.
 * That click is dispatched in the same input task as the pointer-up, so it is swallowed by a
 * one-shot listener that is gone by the next task (a keyboard drop produces no click at all).
 */
export function markDragEnd(): void {
  const swallow = (event: MouseEvent) => {
    event.stopPropagation();
    event.preventDefault();
  };
  window.addEventListener('click', swallow, { capture: true, once: true });
  setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
}
