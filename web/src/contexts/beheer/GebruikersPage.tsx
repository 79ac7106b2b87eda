/**
 * For beheer (ADR 38): the accounts of the gemeente — its own staff and the staff of its providers —
 * to search by name, role, provider and status, page by page.
 */
import {
  Button, Heading1, Paragraph, SelectOption, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { KnopLink } from '../../platform/acties.tsx';
import { KeuzeVeld, TekstVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { KeysetPaginering, RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useGebruikerKeuzes, useGebruikers, type Gebruiker } from './gebruikers.ts';

const SLEUTELS = ['zoek', 'rol', 'aanbiederId', 'actief'] as const;
type Invoer = Record<(typeof SLEUTELS)[number], string>;

const uitUrl = (p: URLSearchParams): Invoer => ({
  zoek: p.get('zoek') ?? '', rol: p.get('rol') ?? '', aanbiederId: p.get('aanbiederId') ?? '',
  actief: ['true', 'false'].includes(p.get('actief') ?? '') ? p.get('actief')! : '',
});

export function GebruikersPage() {
  usePageTitle('Gebruikers');
  const [params, setParams] = useSearchParams();
  const filter = uitUrl(params);
  const na = params.get('na') ?? undefined;
  const sleutel = params.toString();
  const [invoer, setInvoer] = useState<Invoer>(filter);
  useEffect(() => setInvoer(uitUrl(new URLSearchParams(sleutel))), [sleutel]);
  const keuzes = useGebruikerKeuzes();
  const lijst = useGebruikers({
    zoek: filter.zoek || undefined, rol: filter.rol || undefined, aanbiederId: filter.aanbiederId || undefined, actief: filter.actief || undefined, na,
  });
  const zet = (k: keyof Invoer) => (e: { target: { value: string } }) => setInvoer((o) => ({ ...o, [k]: e.target.value }));

  const filterParams = (i: Invoer) => {
    const p = new URLSearchParams();
    for (const k of SLEUTELS) if (i[k].trim()) p.set(k, i[k].trim());
    return p;
  };
  const onZoeken = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setParams(filterParams(invoer));
  };
  const naarPagina = (cursor: string | undefined) => {
    const p = filterParams(filter);
    if (cursor) p.set('na', cursor);
    return `?${p.toString()}`;
  };
  const gefilterd = SLEUTELS.some((k) => filter[k]);
  const rijen = lijst.data?.resultaten ?? [];

  return (
    <>
      <Heading1>Gebruikers</Heading1>
      <Paragraph appearance="lead">
        De medewerkers van de gemeente en van de zorgaanbieders die met Eenvoud werken. Een nieuwe gebruiker stelt zelf een wachtwoord in met een
        eenmalige link; een gedeactiveerde gebruiker is meteen uitgelogd.
      </Paragraph>
      <Paragraph><KnopLink to="/beheer/gebruikers/nieuw">Nieuwe gebruiker</KnopLink></Paragraph>

      <form onSubmit={onZoeken} className="eenvoud-filters" aria-label="Gebruikers zoeken" role="search">
        <TekstVeld naam="zoek" label="Zoeken" type="search" beschrijving="Op naam of gebruikersnaam." value={invoer.zoek} onChange={zet('zoek')} />
        <KeuzeVeld naam="rol" label="Rol" value={invoer.rol} onChange={zet('rol')}>
          <SelectOption value="">Alle rollen</SelectOption>
          {(keuzes.data?.rollen ?? []).map((r) => <SelectOption key={r.code} value={r.code}>{r.naam}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam="aanbiederId" label="Zorgaanbieder" value={invoer.aanbiederId} onChange={zet('aanbiederId')}>
          <SelectOption value="">Alle (ook de gemeente)</SelectOption>
          {(keuzes.data?.aanbieders ?? []).map((a) => <SelectOption key={a.id} value={a.id}>{a.naam}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam="actief" label="Status" value={invoer.actief} onChange={zet('actief')}>
          <SelectOption value="">Actief en gedeactiveerd</SelectOption>
          <SelectOption value="true">Alleen actief</SelectOption>
          <SelectOption value="false">Alleen gedeactiveerd</SelectOption>
        </KeuzeVeld>
        <div className="eenvoud-filters__knoppen">
          <Button appearance="secondary-action-button" type="submit">Zoeken</Button>
          {gefilterd ? <RouterLink to="/beheer/gebruikers">Alles tonen</RouterLink> : null}
        </div>
      </form>

      {lijst.isPending ? <Laden tekst="De gebruikers worden geladen…" /> : null}
      {lijst.isError ? <Foutmelding fout={lijst.error} /> : null}
      {lijst.data ? (
        <Paragraph role="status" className="eenvoud-samenvatting">
          {lijst.data.totaal === 0 ? 'Geen gebruikers gevonden.' : `${lijst.data.totaal} ${lijst.data.totaal === 1 ? 'gebruiker' : 'gebruikers'} gevonden.`}
        </Paragraph>
      ) : null}
      {rijen.length > 0 ? (
        <>
          <div className="eenvoud-tabel">
            <Table busy={lijst.isFetching}>
              <TableCaption className="eenvoud-visueel-verborgen">Gebruikers, op naam</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Naam</TableHeaderCell>
                  <TableHeaderCell scope="col">Gebruikersnaam</TableHeaderCell>
                  <TableHeaderCell scope="col">Rollen</TableHeaderCell>
                  <TableHeaderCell scope="col">Team of zorgaanbieder</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rijen.map((g) => (
                  <TableRow key={g.id}>
                    <TableCell><RouterLink to={`/beheer/gebruikers/${g.id}`}>{g.naam}</RouterLink></TableCell>
                    <TableCell>{g.gebruikersnaam}</TableCell>
                    <TableCell>{g.rollen.map((r) => r.naam).join(', ')}</TableCell>
                    <TableCell>{g.aanbieder?.naam ?? g.team?.naam ?? '–'}</TableCell>
                    <TableCell><GebruikerStatus gebruiker={g} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <KeysetPaginering na={na} volgende={lijst.data?.volgende ?? null} naar={naarPagina} />
        </>
      ) : null}
    </>
  );
}

/** Active or not, and whether the account still waits for its password. */
export function GebruikerStatus({ gebruiker: g }: { gebruiker: Gebruiker }) {
  if (!g.actief) return <StatusBadge status="neutral">Gedeactiveerd</StatusBadge>;
  if (!g.wachtwoordIngesteld) return <StatusBadge status="warning">Wacht op wachtwoord</StatusBadge>;
  return <StatusBadge status="safe">Actief</StatusBadge>;
}
