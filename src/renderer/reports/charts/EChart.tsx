/** One ECharts chart as a React element: created once, updated with each new option, resized with its box. */
import { useEffect, useRef } from 'react';
import { echarts, type EChartsCoreOption } from './echarts-setup';

interface Props {
  option: EChartsCoreOption;
  /** The chart's accessible name (the canvas itself says nothing to a screen reader). */
  label: string;
  height: number;
}

export function EChart({ option, label, height }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="report-chart" role="img" aria-label={label} style={{ height }} />;
}
