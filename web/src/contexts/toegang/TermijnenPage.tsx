import {
  Alert, Button, Heading1, Heading2, Paragraph, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { HERBEREKENEN_ROLLEN } from '../../platform/functies.ts';
import { formatDatum } from '../../platform/format.ts';
import { KeuzeVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { KeysetPaginering, RouterLink } from '../../platform/links.tsx';
import { useSession } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { naamVan, useHerbereken, useTermijnen, useWaardelijsten, type TermijnFilter } from './api.ts';
import { TermijnBadge } from './termijn.tsx';

const AANTAL_PER_PAGINA = 25;
/** Without a choice, the page shows what needs action first. 'alle' shows every status. */
const STANDAARD_STATUS = 'verlopen';

interface Velden {
  status: string;
  soort: string;
  wet: string;
}

function uitUrl(p: URLSearchParams): Velden & { na: string | undefined } {
  return {
    status: p.get('status') ?? STANDAARD_STATUS,
    soort: p.get('soort') ?? '',
    wet: p.get('wet') ?? '',
    na: p.get('na') ?? undefined,
  };
}

function naarUrl(v: Velden & { na?: string | undefined }): string {
  const p = new URLSearchParams();
  if (v.status !== STANDAARD_STATUS) p.set('status', v.status);
  if (v.soort) p.set('soort', v.soort);
  if (v.wet) p.set('wet', v.wet);
  if (v.na) p.set('na', v.na);
  const qs = p.toString();
  return qs ? `?${qs}` : '';
}

export function TermijnenPage() {
  usePageTitle('Termijnen');
  const { heeftRol } = useSession();
  const waardelijsten = useWaardelijsten();
  const [searchParams, setSearchParams] = useSearchParams();
  const gekozen = uitUrl(searchParams);
  const lijsten = waardelijsten.data;
  const geldig = (lijst: { code: string }[] | undefined, v: string) => (v && lijst?.some((w) => w.code === v) ? v : undefined);
  const filter: TermijnFilter = {
    status: geldig(lijsten?.termijnStatussen, gekozen.status),
    soort: geldig(lijsten?.termijnSoorten, gekozen.soort),
    wet: geldig(lijsten?.wetten, gekozen.wet),
    na: gekozen.na,
    aantal: AANTAL_PER_PAGINA,
  };
  const termijnen = useTermijnen(filter, { enabled: !waardelijsten.isPending });
  const [invoer, setInvoer] = useState<Velden>(gekozen);
  const sleutel = searchParams.toString();
  useEffect(() => {
    setInvoer(uitUrl(new URLSearchParams(sleutel)));
  }, [sleutel]);
  const herbereken = useHerbereken();

  const onFilteren = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSearchParams(new URLSearchParams(naarUrl({ ...invoer, na: undefined }).slice(1)));
  };

  const data = termijnen.data;
  const statusTekst = filter.status ? naamVan(lijsten?.termijnStatussen, filter.status).toLowerCase() : null;

  return (
    <>
      <Heading1>Termijnen</Heading1>
      <Paragraph appearance="lead">De wettelijke termijnen van de meldingen, de vroegste uiterste datum eerst.</Paragraph>

      {heeftRol(...HERBEREKENEN_ROLLEN) ? (
        <section aria-labelledby="kop-herberekenen" className="eenvoud-herberekenen">
          <Heading2 id="kop-herberekenen">Signalen</Heading2>
          <Paragraph>De signalen worden elke nacht berekend. Wilt u de stand van vandaag nu al zien?</Paragraph>
          <Button appearance="secondary-action-button" type="button" busy={herbereken.isPending} disabled={herbereken.isPending}
            onClick={() => herbereken.mutate()}>
            Signalen nu herberekenen
          </Button>
          <div role="status" className="eenvoud-herberekenen__uitkomst">
            {herbereken.data ? (
              <Alert type="ok">
                <Paragraph>
                  {herbereken.data.herberekend} {herbereken.data.herberekend === 1 ? 'termijn' : 'termijnen'} herberekend op {formatDatum(herbereken.data.berekendOp)}.
                </Paragraph>
              </Alert>
            ) : null}
          </div>
          {herbereken.isError ? <Foutmelding fout={herbereken.error} /> : null}
        </section>
      ) : null}

      <form onSubmit={onFilteren} className="eenvoud-filters" aria-label="Termijnen filteren">
        <KeuzeVeld naam="status" label="Status" value={invoer.status} onChange={(e) => setInvoer((o) => ({ ...o, status: e.target.value }))}>
          <SelectOption value="alle">Alle statussen</SelectOption>
          {(lijsten?.termijnStatussen ?? []).map((s) => <SelectOption key={s.code} value={s.code}>{s.naam}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam="soort" label="Soort" value={invoer.soort} onChange={(e) => setInvoer((o) => ({ ...o, soort: e.target.value }))}>
          <SelectOption value="">Alle soorten</SelectOption>
          {(lijsten?.termijnSoorten ?? []).map((s) => <SelectOption key={s.code} value={s.code}>{s.naam}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam="wet" label="Wet" value={invoer.wet} onChange={(e) => setInvoer((o) => ({ ...o, wet: e.target.value }))}>
          <SelectOption value="">Alle wetten</SelectOption>
          {(lijsten?.wetten ?? []).map((w) => <SelectOption key={w.code} value={w.code}>{w.naam}</SelectOption>)}
        </KeuzeVeld>
        <div className="eenvoud-filters__knoppen">
          <Button appearance="secondary-action-button" type="submit">Filteren</Button>
        </div>
      </form>

      {termijnen.isPending ? <Laden tekst="De termijnen worden geladen…" /> : null}
      {termijnen.isError ? <Foutmelding fout={termijnen.error} /> : null}
      {data && data.resultaten.length === 0 ? (
        <Paragraph role="status" className="eenvoud-leeg">
          {statusTekst ? `Er zijn geen termijnen met de status ${statusTekst}.` : 'Er zijn geen termijnen die passen bij deze filters.'}
        </Paragraph>
      ) : null}
      {data && data.resultaten.length > 0 ? (
        <>
          <div className="eenvoud-tabel">
            <Table busy={termijnen.isFetching}>
              <TableCaption>
                {data.totaalIsSchatting ? 'Ongeveer ' : ''}{data.totaal} {data.totaal === 1 ? 'termijn' : 'termijnen'}{statusTekst ? ` met de status ${statusTekst}` : ''}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Melding of bezwaar</TableHeaderCell>
                  <TableHeaderCell scope="col">Inwoner</TableHeaderCell>
                  <TableHeaderCell scope="col">Soort</TableHeaderCell>
                  <TableHeaderCell scope="col">Uiterste datum</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                  <TableHeaderCell scope="col">Casusregisseur</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.resultaten.map((t) => (
                  <TableRow key={t.id}>
                    <TableCell className="eenvoud-nowrap">
                      {t.melding ? <RouterLink to={`/meldingen/${t.melding.id}`}>{t.melding.nummer}</RouterLink>
                        : t.bezwaar ? <RouterLink to={`/bezwaren/${t.bezwaar.id}`}>Bezwaar {t.bezwaar.nummer}</RouterLink> : '—'}
                    </TableCell>
                    <TableCell>{t.persoon.naam}</TableCell>
                    <TableCell>{t.soortNaam}</TableCell>
                    <TableCell className="eenvoud-nowrap">{formatDatum(t.uitersteDatum)}</TableCell>
                    <TableCell><TermijnBadge termijn={t} /></TableCell>
                    <TableCell>{t.regisseur?.naam ?? 'Nog niet opgepakt'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <KeysetPaginering na={gekozen.na} volgende={data.volgende} naar={(na) => naarUrl({ ...gekozen, na })} />
        </>
      ) : null}
    </>
  );
}
