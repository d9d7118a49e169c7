/**
 * The build's chunk reports (electron.vite.config.ts's chunkReport), built first when out/ is
 * missing or older than the sources. `npm test` builds before the unit stage, so there the
 * existing out/ is used as it is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ChunkReport {
  file: string;
  facade: string | null;
  isEntry: boolean;
  isDynamicEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  packages: string[];
}

export type Target = 'main' | 'preload' | 'renderer';
const TARGETS: readonly Target[] = ['main', 'preload', 'renderer'];
const reportPath = (target: Target) => path.join('out', target, '.vite', 'chunks.json');

function newestSourceMs(): number {
  let newest = Math.max(statSync('electron.vite.config.ts').mtimeMs, statSync('package.json').mtimeMs);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  walk('src');
  return newest;
}

/** Builds once if needed; returns each target's chunk reports. */
export function builtChunks(): Record<Target, ChunkReport[]> {
  const fresh = TARGETS.every((target) => existsSync(reportPath(target)) && statSync(reportPath(target)).mtimeMs >= newestSourceMs());
  if (!fresh) {
    const build = spawnSync('npx', ['electron-vite', 'build'], { encoding: 'utf8', shell: process.platform === 'win32' });
    if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`);
  }
  return Object.fromEntries(TARGETS.map((target) => [target, JSON.parse(readFileSync(reportPath(target), 'utf8')) as ChunkReport[]])) as Record<Target, ChunkReport[]>;
}

/** The chunks a chunk loads before it runs: itself and its static imports, transitively. */
export function staticClosure(chunks: readonly ChunkReport[], start: ChunkReport): ChunkReport[] {
  const byFile = new Map(chunks.map((chunk) => [chunk.file, chunk]));
  const seen = new Map<string, ChunkReport>();
  const visit = (chunk: ChunkReport) => {
    if (seen.has(chunk.file)) return;
    seen.set(chunk.file, chunk);
    for (const imported of chunk.imports) {
      const next = byFile.get(imported);
      if (next) visit(next);
    }
  };
  visit(start);
  return [...seen.values()];
}

export function chunkFor(chunks: readonly ChunkReport[], facade: string): ChunkReport {
  const found = chunks.find((chunk) => chunk.facade === facade);
  if (!found) throw new Error(`no chunk is built from ${facade}`);
  return found;
}
