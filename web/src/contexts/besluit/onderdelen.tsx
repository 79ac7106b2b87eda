/** Small pieces shared by the besluit pages. */
import { StatusBadge } from '@utrecht/component-library-react';
import { formatDatum } from '../../platform/format.ts';
import { naamVan, useWaardelijsten } from '../toegang/api.ts';
import { TermijnBadge, urgentsteTermijn } from '../toegang/termijn.tsx';
import { aanvraagBadge, type Aanvraag, type AanvraagStatus } from './api.ts';

export function AanvraagStatusBadge({ status, naam }: { status: AanvraagStatus; naam: string }) {
  return <StatusBadge status={aanvraagBadge[status]}>{naam}</StatusBadge>;
}

/** The laws of an aanvraag (one decision term per law), in Dutch. */
export function useWetNaam(): (code: string) => string {
  const lijsten = useWaardelijsten();
  return (code) => naamVan(lijsten.data?.wetten, code);
}

export function wettenVan(a: Pick<Aanvraag, 'termijnen'>): string[] {
  return [...new Set(a.termijnen.map((t) => t.wet))];
}

/** A table cell: the decision term that needs attention first, with its state in words. */
export function BeslistermijnKort({ aanvraag }: { aanvraag: Pick<Aanvraag, 'termijnen' | 'status'> }) {
  const t = urgentsteTermijn(aanvraag.termijnen);
  if (!t) {
    return <span className="eenvoud-gedimd">{aanvraag.status === 'verzonden' ? 'Afgerond' : 'Geen lopende termijn'}</span>;
  }
  return (
    <span className="eenvoud-termijn-kort">
      <span className="eenvoud-nowrap">{formatDatum(t.uitersteDatum)}</span>
      {t.status !== 'loopt' ? <TermijnBadge termijn={t} /> : <span className="eenvoud-visueel-verborgen">, loopt</span>}
    </span>
  );
}

export const PERIODE_NAAM: Record<string, string> = { dag: 'per dag', week: 'per week', maand: 'per maand', jaar: 'per jaar', totaal: 'in totaal' };

export function omvangTekst(p: { uitkomst: string; omvang: number | null; eenheid: string | null; periode: string | null }): string {
  if (p.uitkomst === 'afgewezen' || p.omvang === null) return '—';
  return `${p.omvang.toLocaleString('nl-NL')} ${p.eenheid ?? ''} ${p.periode ? PERIODE_NAAM[p.periode] ?? p.periode : ''}`.replace(/\s+/g, ' ').trim();
}

export const korteHash = (hash: string) => hash.slice(0, 12);

