/** For the inkoper: the aanbieders of the gemeente, to search by name or AGB code, per law and active or not. */
import {
  Button, Heading1, Paragraph, SelectOption, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { KnopLink } from '../../platform/acties.tsx';
import { KeuzeVeld, TekstVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { WETTEN, useAanbieders, wetNaam } from './api.ts';

const SLEUTELS = ['zoek', 'wet', 'actief'] as const;
type Invoer = Record<(typeof SLEUTELS)[number], string>;

function uitUrl(p: URLSearchParams): Invoer {
  return {
    zoek: p.get('zoek') ?? '',
    wet: WETTEN.some((w) => w.code === p.get('wet')) ? p.get('wet')! : '',
    actief: ['true', 'false'].includes(p.get('actief') ?? '') ? p.get('actief')! : '',
  };
}

export function AanbiedersPage() {
  usePageTitle('Aanbieders');
  const [params, setParams] = useSearchParams();
  const filter = uitUrl(params);
  const sleutel = params.toString();
  const [invoer, setInvoer] = useState<Invoer>(filter);
  useEffect(() => setInvoer(uitUrl(new URLSearchParams(sleutel))), [sleutel]);
  const aanbieders = useAanbieders({ zoek: filter.zoek || undefined, wet: filter.wet || undefined, actief: filter.actief || undefined });
  const zet = (k: keyof Invoer) => (e: { target: { value: string } }) => setInvoer((o) => ({ ...o, [k]: e.target.value }));

  const onZoeken = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const k of SLEUTELS) if (invoer[k].trim()) p.set(k, invoer[k].trim());
    setParams(p);
  };
  const gefilterd = SLEUTELS.some((k) => filter[k]);
  const items = aanbieders.data ?? [];

  return (
    <>
      <Heading1>Aanbieders</Heading1>
      <Paragraph appearance="lead">De zorgaanbieders waarmee de gemeente een contract heeft, of had. Open een aanbieder voor de contracten, tarieven en lopende voorzieningen.</Paragraph>
      <Paragraph><KnopLink to="/inkoop/aanbieders/nieuw">Aanbieder toevoegen</KnopLink></Paragraph>

      <form onSubmit={onZoeken} className="eenvoud-filters" aria-label="Aanbieders zoeken" role="search">
        <TekstVeld naam="zoek" label="Zoeken" type="search" beschrijving="Op naam of AGB-code." value={invoer.zoek} onChange={zet('zoek')} />
        <KeuzeVeld naam="wet" label="Wet" value={invoer.wet} onChange={zet('wet')}>
          <SelectOption value="">Alle wetten</SelectOption>
          {WETTEN.map((w) => <SelectOption key={w.code} value={w.code}>{w.naam}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam="actief" label="Actief" value={invoer.actief} onChange={zet('actief')}>
          <SelectOption value="">Actief en niet actief</SelectOption>
          <SelectOption value="true">Alleen actief</SelectOption>
          <SelectOption value="false">Alleen niet actief</SelectOption>
        </KeuzeVeld>
        <div className="eenvoud-filters__knoppen">
          <Button appearance="secondary-action-button" type="submit">Zoeken</Button>
          {gefilterd ? <RouterLink to="/inkoop/aanbieders">Alles tonen</RouterLink> : null}
        </div>
      </form>

      {aanbieders.isPending ? <Laden tekst="De aanbieders worden geladen…" /> : null}
      {aanbieders.isError ? <Foutmelding fout={aanbieders.error} /> : null}
      {aanbieders.data ? (
        <Paragraph role="status" className="eenvoud-samenvatting">
          {items.length === 0 ? 'Geen aanbieders gevonden.' : `${items.length} ${items.length === 1 ? 'aanbieder' : 'aanbieders'} gevonden.`}
        </Paragraph>
      ) : null}
      {items.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Aanbieders</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Naam</TableHeaderCell>
                <TableHeaderCell scope="col">AGB-code</TableHeaderCell>
                <TableHeaderCell scope="col">Wetten</TableHeaderCell>
                <TableHeaderCell scope="col">Plaats</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((a) => (
                <TableRow key={a.id}>
                  <TableCell><RouterLink to={`/inkoop/aanbieders/${a.id}`}>{a.naam}</RouterLink></TableCell>
                  <TableCell>{a.agbCode}</TableCell>
                  <TableCell>{a.wetten.map(wetNaam).join(', ')}</TableCell>
                  <TableCell>{a.plaats ?? '–'}</TableCell>
                  <TableCell>{a.actief ? <StatusBadge status="safe">Actief</StatusBadge> : <StatusBadge status="neutral">Niet actief</StatusBadge>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </>
  );
}
