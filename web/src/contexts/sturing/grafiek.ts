/**
 * One echarts set-up for every sturing chart: SVG, no animation when the user asked for less motion,
 * resized with its box, and disposed with the component. A chart is an image with a description for
 * screen readers; the same numbers are always in a table next to it.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridSimpleComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the charts use: the simple grid (no axis pointer, as there is no tooltip) and no legend
// (the table next to each chart names the series). Keeps the sturing pages under 300 kB of script.
echarts.use([LineChart, BarChart, GridSimpleComponent, MarkLineComponent, SVGRenderer]);

export const zonderBeweging = (): boolean =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export const TEKSTKLEUR = '#333';
export const NORMKLEUR = '#b30000';

/**
 * An invisible series at the norm, so the axis always reaches the norm line (a mark line alone does
 * not stretch the axis) while echarts still picks round numbers for the ticks.
 */
/** The dashed red norm line with its label, on the value axis of a line (y) or bar (x) chart. */
export function normLijn(norm: number | null, schaal: number, tekst: string, as: 'xAxis' | 'yAxis'): Record<string, unknown> {
  if (norm === null) return {};
  return {
    markLine: {
      silent: true, symbol: 'none',
      lineStyle: { color: NORMKLEUR, type: 'dashed', width: 2 },
      label: { formatter: `Norm ${tekst}`, color: NORMKLEUR, position: as === 'yAxis' ? 'insideEndTop' : 'end', fontSize: 12 },
      data: [{ [as]: norm * schaal }],
    },
  };
}

export function normBereik(norm: number | null, aantal: number): Record<string, unknown>[] {
  if (norm === null || aantal === 0) return [];
  return [{ type: 'line', data: Array.from({ length: aantal }, () => norm), symbol: 'none', lineStyle: { opacity: 0 }, silent: true, z: 0 }];
}

/** Draws `optie` in the returned element; `onKlik` gets the index of the clicked bar or point. */
export function useGrafiek(optie: () => Record<string, unknown>, afhankelijk: unknown[], onKlik?: (index: number) => void) {
  const ref = useRef<HTMLDivElement>(null);
  const klik = useRef(onKlik);
  useEffect(() => {
    klik.current = onKlik;
  });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({ animation: !zonderBeweging(), aria: { enabled: false }, ...optie() });
    chart.on('click', (e) => {
      if (typeof e.dataIndex === 'number') klik.current?.(e.dataIndex);
    });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => chart.resize()) : null;
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chart.dispose();
    };
    // The option is rebuilt when one of `afhankelijk` changes, not on every render.
  }, afhankelijk);

  return ref;
}
