import { StatusBadge } from '@utrecht/component-library-react';
import { formatDatum } from '../../platform/format.ts';
import type { Termijn, TermijnStatus } from './api.ts';

/** The look of a term status; the text always says it too (never colour alone). */
const termijnBadge: Record<TermijnStatus, string> = {
  verlopen: 'danger',
  verlooptBinnenkort: 'warning',
  opgeschort: 'neutral',
  loopt: 'active',
  afgerondBinnenTermijn: 'safe',
  afgerondNaTermijn: 'neutral',
};

export function TermijnBadge({ termijn }: { termijn: Pick<Termijn, 'status' | 'statusNaam'> }) {
  return <StatusBadge status={termijnBadge[termijn.status]}>{termijn.statusNaam}</StatusBadge>;
}

const urgentie: Record<TermijnStatus, number> = {
  verlopen: 0, verlooptBinnenkort: 1, opgeschort: 2, loopt: 3, afgerondNaTermijn: 4, afgerondBinnenTermijn: 5,
};

/** The running term that needs attention first: overdue before nearly due, then the earliest end. */
export function urgentsteTermijn(termijnen: readonly Termijn[]): Termijn | null {
  const lopend = termijnen.filter((t) => t.afgerondOp === null);
  if (lopend.length === 0) return null;
  return [...lopend].sort((a, b) => urgentie[a.status] - urgentie[b.status] || a.uitersteDatum.localeCompare(b.uitersteDatum))[0] ?? null;
}

/** A table cell: the most urgent term's end date with its status. */
export function TermijnKort({ termijnen }: { termijnen: readonly Termijn[] }) {
  const t = urgentsteTermijn(termijnen);
  if (!t) return <span className="eenvoud-gedimd">Geen lopende termijn</span>;
  return (
    <span className="eenvoud-termijn-kort">
      <span className="eenvoud-nowrap">{formatDatum(t.uitersteDatum)}</span>
      {t.status !== 'loopt' ? <TermijnBadge termijn={t} /> : null}
      <span className="eenvoud-visueel-verborgen">{t.status === 'loopt' ? `, ${t.soortNaam}, loopt` : `, ${t.soortNaam}`}</span>
    </span>
  );
}
