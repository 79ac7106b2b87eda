/**
 * The provisions of a casus (on the casus page) or of one person: per voorziening the number, the
 * product, the status, who delivers it, the period and the budget, each leading to its own page.
 */
import { Heading2, Paragraph, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { formatDatum } from '../../platform/format.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useHuishouden } from '../inwoners/api.ts';
import { useVoorzieningen, type Voorziening } from './api.ts';
import { STATUS_BADGE, formatEuro, statusNaam, volumeTekst, zonderDagen } from './regels.ts';

/** Who delivers it: the aanbieder, or for a pgb the SVB, or still to be chosen. */
export function aanbiederTekst(v: Pick<Voorziening, 'aanbieder' | 'leveringsvorm' | 'status'>): string {
  if (v.aanbieder) return v.aanbieder.naam;
  if (v.leveringsvorm === 'pgb') return v.status === 'toegekend' ? 'Pgb via de SVB (nog vast te leggen)' : 'Pgb via de SVB';
  return v.status === 'toegekend' ? 'Nog te kiezen' : 'Geen';
}

/** The period as granted, and the real last day when it ended early. */
export function periodeTekst(v: Pick<Voorziening, 'begin' | 'eind' | 'beeindigdOp' | 'status'>): string {
  if (zonderDagen(v)) {
    return `${v.status === 'ingetrokken' ? 'Ingetrokken voordat zij inging' : 'Niet geleverd'} (zou ingaan op ${formatDatum(v.begin)})`;
  }
  const tot = v.beeindigdOp ?? v.eind;
  return tot ? `${formatDatum(v.begin)} tot en met ${formatDatum(tot)}` : `Vanaf ${formatDatum(v.begin)}`;
}

export function VoorzieningStatusBadge({ status }: { status: string }) {
  return <StatusBadge status={STATUS_BADGE[status as keyof typeof STATUS_BADGE] ?? 'neutral'}>{statusNaam(status)}</StatusBadge>;
}

export function VoorzieningenTabel({ voorzieningen, bijschrift, metPersoon }: { voorzieningen: Voorziening[]; bijschrift: string; metPersoon: boolean }) {
  return (
    <div className="eenvoud-tabel">
      <Table>
        <TableCaption className="eenvoud-visueel-verborgen">{bijschrift}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Nummer</TableHeaderCell>
            <TableHeaderCell scope="col">Product</TableHeaderCell>
            {metPersoon ? <TableHeaderCell scope="col">Voor</TableHeaderCell> : null}
            <TableHeaderCell scope="col">Status</TableHeaderCell>
            <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
            <TableHeaderCell scope="col">Periode</TableHeaderCell>
            <TableHeaderCell scope="col">Budget</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {voorzieningen.map((v) => (
            <TableRow key={v.id}>
              <TableCell className="eenvoud-nowrap"><RouterLink to={`/voorzieningen/${v.id}`}>{v.nummer}</RouterLink></TableCell>
              <TableCell>{v.productNaam}<br /><span className="eenvoud-gedimd">{volumeTekst(v.volume, v.eenheid, v.frequentie)}</span></TableCell>
              {metPersoon ? <TableCell>{v.persoon?.naam ?? '—'}</TableCell> : null}
              <TableCell><VoorzieningStatusBadge status={v.status} /></TableCell>
              <TableCell>{aanbiederTekst(v)}</TableCell>
              <TableCell>{periodeTekst(v)}</TableCell>
              <TableCell className="eenvoud-nowrap">
                {zonderDagen(v) ? 'Geen budget'
                  : v.bekostiging === 'taakgericht' ? 'Onder het contract'
                    : <>{formatEuro(v.budgetCents)}<br /><span className="eenvoud-gedimd">tot en met {formatDatum(v.budgetTot)}</span></>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The section on the casus page: every provision of the household, the newest decisions first as the API gives them. */
export function VoorzieningenSectie({ casusId, huishoudenId }: { casusId: string; huishoudenId?: string | undefined }) {
  const lijst = useVoorzieningen({ casusId });
  // The names of the members (the casus page has the household loaded already): for whom each provision is.
  const huishouden = useHuishouden(huishoudenId);
  const naam = new Map((huishouden.data?.leden ?? []).map((l) => [l.id, l.naam]));
  const v = (lijst.data ?? []).map((x) => (x.persoon || !naam.has(x.persoonId) ? x : { ...x, persoon: { id: x.persoonId, naam: naam.get(x.persoonId)! } }));
  const metPersoon = v.some((x) => x.persoon);
  return (
    <section id="voorzieningen" aria-labelledby="kop-voorzieningen" className="eenvoud-sectie">
      <Heading2 id="kop-voorzieningen">Voorzieningen</Heading2>
      {lijst.isPending ? <Laden tekst="De voorzieningen worden geladen…" /> : null}
      {lijst.isError ? <Foutmelding fout={lijst.error} /> : null}
      {lijst.data && v.length === 0 ? <Paragraph>Er is nog geen voorziening: die ontstaat als een beschikking met een toekenning is verzonden.</Paragraph> : null}
      {v.length > 0 ? <VoorzieningenTabel voorzieningen={v} metPersoon={metPersoon} bijschrift={`Voorzieningen van dit huishouden: ${v.length}`} /> : null}
    </section>
  );
}

/** The provisions of one person (a member of the household), for the person's view. */
export function PersoonVoorzieningen({ persoonId, naam, kopNiveau = 3 }: { persoonId: string; naam: string; kopNiveau?: 2 | 3 }) {
  const lijst = useVoorzieningen({ persoonId });
  const v = lijst.data ?? [];
  const Kop = kopNiveau === 2 ? 'h2' : 'h3';
  const kopId = `kop-voorzieningen-${persoonId}`;
  return (
    <section aria-labelledby={kopId} className="eenvoud-sectie">
      <Kop id={kopId} className={kopNiveau === 2 ? 'utrecht-heading-2' : 'utrecht-heading-3'}>Voorzieningen van {naam}</Kop>
      {lijst.isPending ? <Laden tekst="De voorzieningen worden geladen…" /> : null}
      {lijst.isError ? <Foutmelding fout={lijst.error} /> : null}
      {lijst.data && v.length === 0 ? <Paragraph>{naam} heeft geen voorziening.</Paragraph> : null}
      {v.length > 0 ? <VoorzieningenTabel voorzieningen={v} metPersoon={false} bijschrift={`Voorzieningen van ${naam}: ${v.length}`} /> : null}
    </section>
  );
}
