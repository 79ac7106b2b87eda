/**
 * Bar charts for sturing: a KPI per kern, wijk, team… as horizontal bars coloured by signal with the
 * norm as a dashed line; and the pilot monitor's bars (pilot wijk, other wijken, earlier years). The
 * chart is an image with a description; the same numbers, with the signal in words, are in the table.
 */
import type { Signaal } from './api.ts';
import { TEKSTKLEUR, normBereik, normLijn, useGrafiek } from './grafiek.ts';
import { asLabel, formatNormWaarde, formatWaarde, invoerSchaal, SIGNAAL_KLEUR, type Maat } from './regels.ts';

export interface Staaf {
  naam: string;
  waarde: number | null;
  signaal?: Signaal | null;
  /** Fixed colour (the pilot monitor); otherwise the signal's colour. */
  kleur?: string;
}

const afgerond = (w: number | null, schaal: number) => (w === null ? null : Math.round(w * schaal * 100) / 100);

/** Horizontal bars, one per row (the first on top), names on the left; a click on a bar calls `onKlik` with its index. */
export function Staafgrafiek({ staven, maat, norm, beschrijving, onKlik }: {
  staven: Staaf[];
  maat: Maat;
  norm: number | null;
  beschrijving: string;
  onKlik?: (index: number) => void;
}) {
  const schaal = invoerSchaal(maat.eenheid);
  const sleutel = JSON.stringify(staven);
  // A category axis draws its first category at the bottom: reversed, the first row is on top.
  const omgekeerd = [...staven].reverse();
  const ref = useGrafiek(() => ({
    grid: { left: 8, right: 72, top: norm !== null ? 28 : 8, bottom: 8, containLabel: true },
    yAxis: {
      type: 'category', data: omgekeerd.map((s) => s.naam),
      axisLabel: { color: TEKSTKLEUR, fontSize: 13, width: 160, overflow: 'truncate' }, axisLine: { lineStyle: { color: '#666' } }, axisTick: { show: false },
    },
    xAxis: {
      type: 'value', ...(maat.eenheid === 'aandeel' ? { min: 0, max: 100 } : {}), ...(maat.eenheid === 'aantal' ? { minInterval: 1 } : {}),
      axisLabel: { color: TEKSTKLEUR, fontSize: 12, formatter: (v: number) => asLabel(v, maat) }, splitLine: { lineStyle: { color: '#ddd' } },
    },
    series: [{
      type: 'bar', barMaxWidth: 26, cursor: onKlik ? 'pointer' : 'default',
      data: omgekeerd.map((s) => ({
        value: afgerond(s.waarde, schaal),
        itemStyle: { color: s.kleur ?? SIGNAAL_KLEUR[s.signaal ?? 'geen'] },
        label: { show: true, position: 'right', color: TEKSTKLEUR, fontSize: 12, formatter: () => formatWaarde(s.waarde, maat) },
      })),
      ...normLijn(norm, schaal, norm === null ? '' : formatNormWaarde(norm, maat), 'xAxis'),
    }, ...normBereik(norm === null ? null : norm * schaal, staven.length)],
  }), [sleutel, maat.id, maat.eenheid, norm, !!onKlik], onKlik ? (i) => onKlik(staven.length - 1 - i) : undefined);

  const hoogte = `${Math.max(6, staven.length * 2.4 + 3.5)}rem`;
  return <div ref={ref} className="eenvoud-grafiek eenvoud-grafiek--staven" style={{ blockSize: hoogte }} role="img" aria-label={beschrijving} />;
}

/** Vertical bars with a value on top (the pilot monitor: one indicator, four groups). */
export function Kolomgrafiek({ staven, maat, norm, beschrijving }: { staven: Staaf[]; maat: Maat; norm: number | null; beschrijving: string }) {
  const schaal = invoerSchaal(maat.eenheid);
  const sleutel = JSON.stringify(staven);
  const ref = useGrafiek(() => ({
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category', data: staven.map((s) => s.naam),
      axisLabel: { color: TEKSTKLEUR, fontSize: 12, interval: 0, width: 110, overflow: 'break' }, axisLine: { lineStyle: { color: '#666' } },
    },
    yAxis: {
      type: 'value', ...(maat.eenheid === 'aandeel' ? { min: 0, max: 100 } : {}),
      axisLabel: { color: TEKSTKLEUR, fontSize: 12, formatter: (v: number) => asLabel(v, maat) }, splitLine: { lineStyle: { color: '#ddd' } },
    },
    series: [{
      type: 'bar', barMaxWidth: 48,
      data: staven.map((s) => ({
        value: afgerond(s.waarde, schaal),
        itemStyle: { color: s.kleur ?? SIGNAAL_KLEUR[s.signaal ?? 'geen'] },
        label: { show: true, position: 'top', color: TEKSTKLEUR, fontSize: 12, formatter: () => formatWaarde(s.waarde, maat) },
      })),
      ...normLijn(norm, schaal, norm === null ? '' : formatNormWaarde(norm, maat), 'yAxis'),
    }, ...normBereik(norm === null ? null : norm * schaal, staven.length)],
  }), [sleutel, maat.id, maat.eenheid, norm]);

  return <div ref={ref} className="eenvoud-grafiek eenvoud-grafiek--kolommen" role="img" aria-label={beschrijving} />;
}
