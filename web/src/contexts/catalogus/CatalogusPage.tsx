/**
 * The catalogue for professionals: every product and service of the social domain, including the
 * voorliggend veld, to search by need, leefgebied, kern, domain and rung. Beheer adds and edits.
 */
import {
  Button, Heading1, Paragraph, SelectOption, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { KnopLink } from '../../platform/acties.tsx';
import { AankruisVeld, KeuzeVeld, TekstVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useSession } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useGebieden } from '../toegang/api.ts';
import { DOMEINEN, LEEFGEBIEDEN, TREDEN, limietTekst, useCatalogus, type CatalogusFilter } from './api.ts';

const SLEUTELS = ['zoek', 'leefgebied', 'kern', 'domein', 'trede', 'zonderBeschikking'] as const;
type Invoer = Record<(typeof SLEUTELS)[number], string>;

function uitUrl(p: URLSearchParams): Invoer {
  return {
    zoek: p.get('zoek') ?? '',
    leefgebied: LEEFGEBIEDEN.some((l) => l.code === p.get('leefgebied')) ? p.get('leefgebied')! : '',
    kern: p.get('kern') ?? '',
    domein: DOMEINEN.some((d) => d.code === p.get('domein')) ? p.get('domein')! : '',
    trede: ['1', '2', '3', '4'].includes(p.get('trede') ?? '') ? p.get('trede')! : '',
    zonderBeschikking: p.get('zonderBeschikking') === 'true' ? 'true' : '',
  };
}

export function CatalogusPage() {
  const { heeftRol } = useSession();
  const beheer = heeftRol('beheer');
  usePageTitle(beheer ? 'Catalogus beheren' : 'Catalogus');
  const [params, setParams] = useSearchParams();
  const gebieden = useGebieden();
  const filter = uitUrl(params);
  const sleutel = params.toString();
  const [invoer, setInvoer] = useState<Invoer>(filter);
  useEffect(() => setInvoer(uitUrl(new URLSearchParams(sleutel))), [sleutel]);
  const query: CatalogusFilter = {
    zoek: filter.zoek || undefined, leefgebied: filter.leefgebied || undefined, kern: filter.kern || undefined,
    domein: filter.domein || undefined, trede: filter.trede || undefined, zonderBeschikking: filter.zonderBeschikking ? 'true' : undefined,
  };
  const catalogus = useCatalogus(query);
  const zet = (k: keyof Invoer) => (e: { target: { value: string } }) => setInvoer((o) => ({ ...o, [k]: e.target.value }));

  const onZoeken = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const k of SLEUTELS) if (invoer[k].trim()) p.set(k, invoer[k].trim());
    setParams(p);
  };
  const gefilterd = SLEUTELS.some((k) => filter[k]);
  const items = catalogus.data ?? [];

  return (
    <>
      <Heading1>{beheer ? 'Catalogus beheren' : 'Catalogus'}</Heading1>
      <Paragraph appearance="lead">
        Producten en diensten van het sociaal domein, van eigen kracht tot maatwerkvoorziening. Zoek op wat de inwoner nodig heeft.
      </Paragraph>
      {beheer ? <Paragraph><KnopLink to="/catalogus/nieuw">Product toevoegen</KnopLink></Paragraph> : null}

      <form onSubmit={onZoeken} className="eenvoud-filters" aria-label="Catalogus doorzoeken" role="search">
        <TekstVeld naam="zoek" label="Zoeken" type="search" beschrijving="Bijvoorbeeld: schulden, eenzaam, boodschappen."
          value={invoer.zoek} onChange={zet('zoek')} />
        <KeuzeVeld naam="leefgebied" label="Leefgebied" value={invoer.leefgebied} onChange={zet('leefgebied')}>
          <SelectOption value="">Alle leefgebieden</SelectOption>
          {LEEFGEBIEDEN.map((l) => <SelectOption key={l.code} value={l.code}>{l.naam}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam="kern" label="Kern" value={invoer.kern} onChange={zet('kern')}>
          <SelectOption value="">Alle kernen</SelectOption>
          {(gebieden.data ?? []).map((k) => <SelectOption key={k.id} value={k.id}>{k.naam}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam="domein" label="Domein" value={invoer.domein} onChange={zet('domein')}>
          <SelectOption value="">Alle domeinen</SelectOption>
          {DOMEINEN.map((d) => <SelectOption key={d.code} value={d.code}>{d.naam}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam="trede" label="Trede" value={invoer.trede} onChange={zet('trede')}>
          <SelectOption value="">Alle treden</SelectOption>
          {TREDEN.map((t) => <SelectOption key={t.trede} value={String(t.trede)}>{t.trede} – {t.naam}</SelectOption>)}
        </KeuzeVeld>
        <AankruisVeld naam="zonderBeschikking" label="Alleen zonder beschikking" aan={invoer.zonderBeschikking === 'true'}
          onChange={(aan) => setInvoer((o) => ({ ...o, zonderBeschikking: aan ? 'true' : '' }))} />
        <div className="eenvoud-filters__knoppen">
          <Button appearance="secondary-action-button" type="submit">Zoeken</Button>
          {gefilterd ? <RouterLink to="/catalogus">Alles tonen</RouterLink> : null}
        </div>
      </form>

      {catalogus.isPending ? <Laden tekst="De catalogus wordt geladen…" /> : null}
      {catalogus.isError ? <Foutmelding fout={catalogus.error} /> : null}
      {catalogus.data ? (
        <Paragraph role="status" className="eenvoud-samenvatting">
          {items.length === 0 ? 'Niets gevonden. Probeer een ander woord of minder filters.' : `${items.length} ${items.length === 1 ? 'product' : 'producten'} gevonden.`}
        </Paragraph>
      ) : null}
      {items.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table className="eenvoud-catalogus">
            <TableCaption className="eenvoud-visueel-verborgen">Producten en diensten, de laagste trede eerst</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Naam</TableHeaderCell>
                <TableHeaderCell scope="col">Trede</TableHeaderCell>
                <TableHeaderCell scope="col">Domein</TableHeaderCell>
                <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                <TableHeaderCell scope="col">Kernen</TableHeaderCell>
                <TableHeaderCell scope="col">Beschikking</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((i) => (
                <TableRow key={i.id}>
                  <TableCell className="eenvoud-catalogus__naam">
                    <strong>{beheer ? <RouterLink to={`/catalogus/${i.id}/bewerken`}>{i.naam}<span className="eenvoud-visueel-verborgen"> bewerken</span></RouterLink> : i.naam}</strong>
                    {!i.actief ? <> <StatusBadge status="neutral">Niet actief</StatusBadge></> : null}
                    <span className="eenvoud-catalogus__omschrijving">{i.omschrijving}</span>
                    <span className="eenvoud-gedimd">{i.leefgebieden.map((l) => l.naam).join(', ')}</span>
                  </TableCell>
                  <TableCell>{i.trede} – {i.tredeNaam}</TableCell>
                  <TableCell>{i.domeinNaam}</TableCell>
                  <TableCell>{i.aanbieder}</TableCell>
                  <TableCell>{i.kernen.length === 0 ? 'Hele gemeente' : i.kernen.map((k) => k.naam).join(', ')}</TableCell>
                  <TableCell>
                    {i.beschikkingNodig ? 'Nodig' : i.limiet ? `Niet nodig tot ${limietTekst(i.limiet)}` : 'Niet nodig'}
                    {i.productcode ? <span className="eenvoud-gedimd"> · product {i.productcode}{i.productcategorieNaam ? ` (${i.productcategorieNaam})` : ''}</span> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </>
  );
}
