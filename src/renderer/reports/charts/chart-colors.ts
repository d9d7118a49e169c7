/**
 * Chart colours follow the page theme: read from the stylesheet's CSS variables, so light, dark
 * and "system" all work without the charts knowing how the theme is chosen.
 */
import { useEffect, useState } from 'react';
import type { StageRole } from '../../../core/domain/settings';

export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  plan: string;
  fact: string;
  over: string;
  roles: Record<StageRole, string>;
  percentiles: [string, string, string];
}

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

function isDark(): boolean {
  const theme = document.documentElement.dataset.theme;
  if (theme === 'dark' || theme === 'light') return theme === 'dark';
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export function readChartColors(): ChartColors {
  const dark = isDark();
  return {
    text: cssVar('--fg', dark ? '#e6e9ef' : '#1d2330'),
    muted: cssVar('--muted', dark ? '#9aa3b5' : '#5b6478'),
    grid: cssVar('--border', dark ? '#2e3542' : '#d8dde6'),
    surface: cssVar('--card', dark ? '#1d222b' : '#ffffff'),
    plan: dark ? '#5b6478' : '#b7c0d0',
    fact: cssVar('--accent', dark ? '#6ea0ff' : '#2f6fde'),
    over: dark ? '#ff7a7a' : '#d33a3a',
    roles: dark
      ? { new: '#a99bff', classification: '#5fd0ff', queue: '#ffbe55', work: '#6ea0ff', done: '#3ddc97' }
      : { new: '#7b68ee', classification: '#1ea7e1', queue: '#e69500', work: '#2f6fde', done: '#1f9d6b' },
    percentiles: dark ? ['#3ddc97', '#ffbe55', '#ff7a7a'] : ['#1f9d6b', '#e69500', '#d33a3a'],
  };
}

/** The colours now, re-read when the OS scheme or the app's `data-theme` changes. */
export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(readChartColors);
  useEffect(() => {
    const update = () => setColors(readChartColors());
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', update);
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    return () => {
      media.removeEventListener('change', update);
      observer.disconnect();
    };
  }, []);
  return colors;
}
