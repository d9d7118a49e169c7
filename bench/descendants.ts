/**
 * An interrupted benchmark (Ctrl-C, `timeout`, a CI kill) must not leave its emulator, web host or
 * headless children running: they hold ports, data folders and CPU, and skew the next run. Every
 * benchmark spawns through different helpers (its own, the e2e support's), so the cleanup walks the
 * process tree instead of trusting each helper to register its children.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Every live descendant of `root` (Linux /proc; elsewhere none are found). */
export function descendantPids(root: number): number[] {
  const childrenOf = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces and parentheses): ppid is the second.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = childrenOf.get(ppid) ?? [];
      list.push(Number(name));
      childrenOf.set(ppid, list);
    } catch {
      // The process ended while the tree was read.
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of childrenOf.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function signal(pids: readonly number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  }
}

/** On SIGINT or SIGTERM: SIGTERM the whole tree below this process, SIGKILL what is left after 3 s, exit. */
export function endChildrenOnInterrupt(): void {
  let ending = false;
  const end = (name: NodeJS.Signals) => {
    if (ending) return;
    ending = true;
    const pids = descendantPids(process.pid);
    process.stderr.write(`bench interrupted (${name}): ending ${pids.length} child processes\n`);
    signal(pids, 'SIGTERM');
    setTimeout(() => {
      signal(descendantPids(process.pid), 'SIGKILL');
      process.exit(name === 'SIGINT' ? 130 : 143);
    }, 3_000);
  };
  process.on('SIGINT', () => end('SIGINT'));
  process.on('SIGTERM', () => end('SIGTERM'));
}
