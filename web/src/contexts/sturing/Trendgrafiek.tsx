/**
 * The trend of a KPI per month as an SVG line chart (echarts), with the norm as a dashed line. The
 * chart is an image for screen readers with a description; the same numbers are in the table.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Eenheid, ReeksPunt } from './api.ts';
import { formatMaandKort, formatNormWaarde } from './regels.ts';

echarts.use([LineChart, GridComponent, MarkLineComponent, SVGRenderer]);

const zonderBeweging = (): boolean =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function Trendgrafiek({ reeks, eenheid, norm, beschrijving }: {
  reeks: ReeksPunt[];
  eenheid: Eenheid;
  norm: number | null;
  beschrijving: string;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    const schaal = eenheid === 'aandeel' ? 100 : 1;
    const label = (v: number) => (eenheid === 'aandeel' ? `${formatNormWaarde(v / 100, 'aandeel')}` : formatNormWaarde(v, 'aantal'));
    const animatie = !zonderBeweging();
    chart.setOption({
      animation: animatie,
      aria: { enabled: false },
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category', data: reeks.map((p) => formatMaandKort(p.periode)),
        axisLabel: { color: '#333', fontSize: 12 }, axisLine: { lineStyle: { color: '#666' } },
      },
      yAxis: {
        type: 'value', min: 0, ...(eenheid === 'aandeel' ? { max: 100 } : { minInterval: 1 }),
        axisLabel: { color: '#333', fontSize: 12, formatter: label }, splitLine: { lineStyle: { color: '#ddd' } },
      },
      series: [{
        type: 'line', name: 'Waarde', connectNulls: false, symbol: 'circle', symbolSize: 7,
        lineStyle: { color: '#24578f', width: 2.5 }, itemStyle: { color: '#24578f' },
        data: reeks.map((p) => (p.waarde === null ? null : Math.round(p.waarde * schaal * 10) / 10)),
        ...(norm !== null ? {
          markLine: {
            silent: true, symbol: 'none', animation: animatie,
            lineStyle: { color: '#b30000', type: 'dashed', width: 2 },
            label: { formatter: `Norm ${formatNormWaarde(norm, eenheid)}`, color: '#b30000', position: 'insideEndTop', fontSize: 12 },
            data: [{ yAxis: norm * schaal }],
          },
        } : {}),
      }],
    });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => chart.resize()) : null;
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chart.dispose();
    };
  }, [reeks, eenheid, norm]);

  return <div ref={ref} className="eenvoud-grafiek" role="img" aria-label={beschrijving} />;
}
