/**
 * The in-page instrumentation of `bench/console.ts`, injected with `page.addInitScript` before
 * the renderer's own scripts. It changes nothing in the app; it only watches:
 *
 * - first card: a MutationObserver notes when the first `[data-task-id]` element enters the DOM,
 *   then rAF + a posted message approximate "after that frame was painted";
 * - React commits: a minimal `__REACT_DEVTOOLS_GLOBAL_HOOK__` (react-dom production builds call
 *   `onCommitFiberRoot` too) lists which components performed work in each commit, pairing each
 *   fiber with its alternate the way React DevTools does (a subtree whose child pointer did not
 *   change was bailed out and is skipped);
 * - the clock tick: every `setInterval(fn, 1000)` callback is wrapped (on the board, the shared
 *   clock store's interval is the only one); the time is measured from the callback's start to a
 *   microtask queued after it (React flushes useSyncExternalStore updates in a microtask queued
 *   during the callback, so that one runs first), plus a forced style/layout read;
 * - the wire: when the first board request (getBoardPage) left, when its answer arrived and how
 *   big it was, and the biggest WebSocket message;
 * - frames: requestAnimationFrame timestamps while asked to record;
 * - long tasks and long animation frames (with script attribution) while asked to record.
 *
 * Plain ES2020 in a string: the bench's tsconfig has no DOM types.
 */
export const PROBE_SCRIPT = String.raw`
(() => {
  if (window.__pultBench) return;
  const B = (window.__pultBench = {
    firstCard: null,
    fcp: null,
    ticking: false,
    ticks: [],
    counting: null,
    commits: 0,
    framesOn: false,
    frames: [],
    longTasks: [],
    loafs: [],
    recordingLong: false,
  });

  // First card in the DOM, then painted.
  const firstCardObserver = new MutationObserver(() => {
    if (B.firstCard || !document.querySelector('[data-task-id]')) return;
    B.firstCard = { inserted: performance.now(), painted: null };
    firstCardObserver.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { B.firstCard.painted = performance.now(); };
      channel.port2.postMessage(0);
    });
  });
  firstCardObserver.observe(document, { childList: true, subtree: true });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') B.fcp = entry.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch (e) { /* not supported */ }

  // The board snapshot on the wire: when getBoard was sent, when the biggest answer arrived.
  B.wire = { createdAt: null, openAt: null, firstSendAt: null, boardRequestAt: null, boardRequestId: null, firstBoard: { at: null, chars: 0 }, biggest: { at: null, chars: 0 } };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      if (B.wire.createdAt === null) B.wire.createdAt = performance.now();
      this.addEventListener('open', () => { if (B.wire.openAt === null) B.wire.openAt = performance.now(); });
      this.addEventListener('message', (event) => {
        const chars = typeof event.data === 'string' ? event.data.length : 0;
        if (chars > B.wire.biggest.chars) B.wire.biggest = { at: performance.now(), chars };
        if (B.wire.boardRequestId !== null && B.wire.firstBoard.at === null && typeof event.data === 'string' && event.data.startsWith('{"id":' + B.wire.boardRequestId + ',')) {
          B.wire.firstBoard = { at: performance.now(), chars };
        }
      });
    }
    send(data) {
      if (B.wire.firstSendAt === null) B.wire.firstSendAt = performance.now();
      const board = B.wire.boardRequestAt === null && typeof data === 'string' ? /^\{"id":(\d+),"method":"getBoard(Page)?"/.exec(data) : null;
      if (board) {
        B.wire.boardRequestAt = performance.now();
        B.wire.boardRequestId = Number(board[1]);
      }
      return super.send(data);
    }
  };

  // React commits: which components rendered.
  function nameOf(fiber) {
    const type = fiber.type;
    if (!type) return null;
    if (fiber.tag === 11) return (type.render && (type.render.displayName || type.render.name)) || 'ForwardRef';
    if (fiber.tag === 14) return (type.type && (type.type.displayName || type.type.name)) || 'Memo';
    return type.displayName || type.name || 'Anonymous';
  }
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  function visit(next, prev, out) {
    const stack = [[next, prev]];
    while (stack.length) {
      const [n, p] = stack.pop();
      if (COMPONENT_TAGS.has(n.tag) && (p === null || (n.flags & 1) === 1)) {
        const name = nameOf(n);
        if (name) out[name] = (out[name] || 0) + 1;
      }
      if (p !== null && n.child === p.child) continue;
      for (let c = n.child; c; c = c.sibling) stack.push([c, p === null ? null : c.alternate]);
    }
  }
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) { const id = this.renderers.size + 1; this.renderers.set(id, renderer); return id; },
    onScheduleFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      B.commits++;
      if (!B.counting) return;
      const current = root.current;
      visit(current, current.alternate, B.counting);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };

  // The 1 s clock tick.
  let tickMutations = null;
  const originalSetInterval = window.setInterval;
  window.setInterval = function (fn, delay, ...rest) {
    if (delay !== 1000 || typeof fn !== 'function') return originalSetInterval.call(window, fn, delay, ...rest);
    const wrapped = function (...args) {
      if (!B.ticking) return fn.apply(this, args);
      if (tickMutations) tickMutations.takeRecords();
      const renders = {};
      B.counting = renders;
      const t0 = performance.now();
      try {
        return fn.apply(this, args);
      } finally {
        const t1 = performance.now();
        queueMicrotask(() => {
          const t2 = performance.now();
          B.counting = null;
          document.body.getBoundingClientRect();
          const t3 = performance.now();
          let outside = 0;
          let inside = 0;
          for (const record of tickMutations ? tickMutations.takeRecords() : []) {
            const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
            if (node && node.closest('[role="timer"]')) inside++;
            else outside++;
          }
          B.ticks.push({ callbackMs: t1 - t0, reactMs: t2 - t1, layoutMs: t3 - t2, totalMs: t3 - t0, renders, mutationsInTimers: inside, mutationsOutsideTimers: outside, timers: document.querySelectorAll('[role="timer"]').length });
        });
      }
    };
    return originalSetInterval.call(window, wrapped, delay, ...rest);
  };
  B.startTicks = () => {
    B.ticks = [];
    B.longTasks = [];
    tickMutations = new MutationObserver(() => {});
    tickMutations.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    B.ticking = true;
  };
  B.stopTicks = () => {
    B.ticking = false;
    if (tickMutations) tickMutations.disconnect();
    tickMutations = null;
    return { ticks: B.ticks, longTasks: B.longTasks };
  };

  // Frames, long tasks, long animation frames.
  B.startFrames = () => {
    B.frames = [];
    B.longTasks = [];
    B.loafs = [];
    B.framesOn = true;
    B.recordingLong = true;
    const loop = (t) => {
      if (!B.framesOn) return;
      B.frames.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  B.stopFrames = () => {
    B.framesOn = false;
    B.recordingLong = false;
    return { frames: B.frames, longTasks: B.longTasks, loafs: B.loafs };
  };
  try {
    new PerformanceObserver((list) => {
      if (!B.recordingLong && !B.ticking) return;
      for (const entry of list.getEntries()) B.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  } catch (e) { /* not supported */ }
  try {
    new PerformanceObserver((list) => {
      if (!B.recordingLong) return;
      for (const entry of list.getEntries()) {
        B.loafs.push({
          start: entry.startTime,
          duration: entry.duration,
          blockingDuration: entry.blockingDuration,
          renderMs: entry.renderStart > 0 ? entry.startTime + entry.duration - entry.renderStart : 0,
          styleAndLayoutMs: entry.styleAndLayoutStart > 0 ? entry.startTime + entry.duration - entry.styleAndLayoutStart : 0,
          scripts: (entry.scripts || []).map((s) => ({ invoker: s.invoker, fn: s.sourceFunctionName, duration: s.duration, forcedStyleAndLayout: s.forcedStyleAndLayoutDuration })),
        });
      }
    }).observe({ type: 'long-animation-frame' });
  } catch (e) { /* not supported */ }

  // Renders during a window of time (the drag), by component.
  B.startCounting = () => { B.counting = {}; B.commits = 0; };
  B.stopCounting = () => { const counted = B.counting; B.counting = null; return { renders: counted, commits: B.commits }; };
})();
`;
