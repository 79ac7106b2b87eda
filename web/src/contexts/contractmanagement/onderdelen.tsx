/**
 * What the contract manager's pages share: a figure in Dutch in its unit, its norm in words, and the
 * signal as an icon and a word (never colour alone, WCAG 1.4.1), and the choice of year.
 */
import { SelectOption, StatusBadge } from '@utrecht/component-library-react';
import { KeuzeVeld } from '../../platform/form.tsx';
import { formatEuro } from '../../platform/geld.ts';
import type { Eenheid, Figuur, FiguurDefinitie, Signaal } from './api.ts';

const getal = (n: number, decimalen = 0) => n.toLocaleString('nl-NL', { minimumFractionDigits: decimalen, maximumFractionDigits: decimalen });

/** A figure's value as people read it: "12", "95,0%", "12,5 dagen", "€ 3.645,00", "+0,50 punt". */
export function formatFiguur(waarde: number | null, eenheid: Eenheid): string {
  if (waarde === null) return '–';
  switch (eenheid) {
    case 'aantal': return getal(waarde);
    case 'aandeel': return `${getal(waarde * 100, 1)}%`;
    case 'dagen': return `${getal(waarde, waarde % 1 === 0 ? 0 : 1)} ${waarde === 1 ? 'dag' : 'dagen'}`;
    case 'bedrag': return formatEuro(Math.round(waarde));
    case 'gemiddelde': return `${waarde > 0 ? '+' : ''}${getal(waarde, 2)} punt`;
  }
}

/** "ten hoogste 5,0%", "onder 90,0%", "ten minste 80,0%", or "Geen norm". */
export function normTekst(d: FiguurDefinitie): string {
  if (d.norm === null) return 'Geen norm';
  const woord = d.richting === 'hogerIsBeter' ? 'ten minste' : d.signaalOpNorm ? 'onder' : 'ten hoogste';
  return `${woord} ${formatFiguur(d.norm, d.eenheid)}`;
}

export const SIGNAAL_TEKST: Record<Signaal, string> = { groen: 'Op norm', oranje: 'Let op', rood: 'Niet op norm' };
const BADGE: Record<Signaal, string> = { groen: 'safe', oranje: 'warning', rood: 'danger' };
const ICOON: Record<Signaal, string> = { groen: '✓', oranje: '!', rood: '✕' };

/** The signal as icon and word; without a norm or a value it says so. */
export function SignaalLabel({ figuur }: { figuur: Figuur }) {
  if (!figuur.signaal) return <span className="eenvoud-gedimd">{figuur.norm === null ? 'Geen norm' : 'Geen gegevens'}</span>;
  return (
    <StatusBadge status={BADGE[figuur.signaal]}>
      <span aria-hidden="true">{ICOON[figuur.signaal]}</span> {SIGNAAL_TEKST[figuur.signaal]}
    </StatusBadge>
  );
}

/** This year and the four before: the years there are figures for. */
export function jaren(huidig: number): number[] {
  return [0, 1, 2, 3, 4].map((i) => huidig - i);
}

export function JaarKeuze({ jaar, huidig, onKies }: { jaar: number; huidig: number; onKies: (jaar: number) => void }) {
  return (
    <KeuzeVeld naam="jaar" label="Jaar" value={String(jaar)} onChange={(e) => onKies(Number(e.target.value))}
      beschrijving={jaar === huidig ? 'Het lopende jaar telt tot vandaag.' : undefined}>
      {jaren(huidig).map((j) => <SelectOption key={j} value={String(j)}>{j}</SelectOption>)}
    </KeuzeVeld>
  );
}

/** The year from the address (?jaar=2025), or undefined for the current year. */
export function leesJaar(params: URLSearchParams): number | undefined {
  const j = Number(params.get('jaar'));
  return Number.isInteger(j) && j >= 2000 && j <= 2100 ? j : undefined;
}
