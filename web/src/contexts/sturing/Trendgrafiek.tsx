/**
 * The trend of a KPI per month as an SVG line chart (echarts), with the norm as a dashed line. The
 * chart is an image for screen readers with a description; the same numbers are in the table.
 */
import type { ReeksPunt } from './api.ts';
import { TEKSTKLEUR, normBereik, normLijn, useGrafiek } from './grafiek.ts';
import { asLabel, formatMaandKort, formatNormWaarde, invoerSchaal, type Maat } from './regels.ts';

export function Trendgrafiek({ reeks, maat, norm, beschrijving, onKlik }: {
  reeks: ReeksPunt[];
  maat: Maat;
  norm: number | null;
  beschrijving: string;
  /** A click on a point (for the mouse; the table has the same as links). */
  onKlik?: (periode: string) => void;
}) {
  const schaal = invoerSchaal(maat.eenheid);
  const ref = useGrafiek(() => ({
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category', data: reeks.map((p) => formatMaandKort(p.periode)),
      axisLabel: { color: TEKSTKLEUR, fontSize: 12 }, axisLine: { lineStyle: { color: '#666' } },
    },
    yAxis: {
      type: 'value',
      // Shares run from 0 to 100%; counts and amounts from 0; changes and averages may be negative.
      ...(maat.eenheid === 'aandeel' ? { min: 0, max: 100 } : maat.eenheid === 'aantal' || maat.eenheid === 'bedrag' ? { min: 0 } : {}),
      ...(maat.eenheid === 'aantal' ? { minInterval: 1 } : {}),
      axisLabel: { color: TEKSTKLEUR, fontSize: 12, formatter: (v: number) => asLabel(v, maat) }, splitLine: { lineStyle: { color: '#ddd' } },
    },
    series: [{
      type: 'line', name: 'Waarde', connectNulls: false, symbol: 'circle', symbolSize: 8,
      lineStyle: { color: '#24578f', width: 2.5 }, itemStyle: { color: '#24578f' },
      cursor: onKlik ? 'pointer' : 'default',
      data: reeks.map((p) => (p.waarde === null ? null : Math.round(p.waarde * schaal * 100) / 100)),
      ...normLijn(norm, schaal, norm === null ? '' : formatNormWaarde(norm, maat), 'yAxis'),
    }, ...normBereik(norm === null ? null : norm * schaal, reeks.length)],
  }), [reeks, maat.id, maat.eenheid, norm, !!onKlik], onKlik ? (i) => { const p = reeks[i]; if (p) onKlik(p.periode); } : undefined);

  return <div ref={ref} className="eenvoud-grafiek" role="img" aria-label={beschrijving} />;
}
