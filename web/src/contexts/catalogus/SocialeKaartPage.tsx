/**
 * The public social map: "Wat is er in de buurt?". For residents, no login, plain language: what they
 * can find without an application (the voorliggend veld), by subject and village.
 */
import { Alert, Button, Heading1, Heading2, Paragraph, SelectOption } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiProblem } from '../../platform/api.ts';
import { KeuzeVeld, TekstVeld } from '../../platform/form.tsx';
import { Laden } from '../../platform/guards.tsx';
import { PubliekKader } from '../../platform/layout.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { LEEFGEBIEDEN, LEEFGEBIED_PUBLIEK, useSocialeKaart } from './api.ts';

export function SocialeKaartPage() {
  const { gemeenteCode = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = {
    zoek: params.get('zoek') ?? undefined,
    leefgebied: LEEFGEBIEDEN.some((l) => l.code === params.get('leefgebied')) ? params.get('leefgebied')! : undefined,
    kern: params.get('kern') ?? undefined,
  };
  const kaart = useSocialeKaart(gemeenteCode, filter);
  const naam = kaart.data?.gemeente ?? null;
  const onbekend = kaart.error instanceof ApiProblem && kaart.error.status === 404;
  usePageTitle(onbekend ? 'Gemeente niet gevonden' : 'Wat is er in de buurt?', naam ? `Gemeente ${naam}` : 'Gemeente');

  const sleutel = params.toString();
  const [invoer, setInvoer] = useState({ zoek: filter.zoek ?? '', leefgebied: filter.leefgebied ?? '', kern: filter.kern ?? '' });
  useEffect(() => {
    const p = new URLSearchParams(sleutel);
    setInvoer({ zoek: p.get('zoek') ?? '', leefgebied: p.get('leefgebied') ?? '', kern: p.get('kern') ?? '' });
  }, [sleutel]);

  const onZoeken = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (invoer.zoek.trim()) p.set('zoek', invoer.zoek.trim());
    if (invoer.leefgebied) p.set('leefgebied', invoer.leefgebied);
    if (invoer.kern) p.set('kern', invoer.kern);
    setParams(p);
  };

  if (onbekend) {
    return (
      <PubliekKader gemeente={null}>
        <div className="eenvoud-smal">
          <Heading1>Gemeente niet gevonden</Heading1>
          <Paragraph>Wij kennen geen gemeente met de naam “{gemeenteCode}”. Misschien staat er een typefout in het adres.</Paragraph>
        </div>
      </PubliekKader>
    );
  }

  const resultaten = kaart.data?.resultaten ?? [];
  const gefilterd = !!(filter.zoek || filter.leefgebied || filter.kern);
  return (
    <PubliekKader gemeente={naam}>
      <Heading1>Wat is er in de buurt?</Heading1>
      <Paragraph appearance="lead">
        Hier vindt u hulp en activiteiten in uw buurt{naam ? ` in gemeente ${naam}` : ''}. U kunt er zelf naartoe. U hoeft niets aan te vragen.
      </Paragraph>
      <form onSubmit={onZoeken} className="eenvoud-filters" role="search" aria-label="Zoeken in de buurt">
        <TekstVeld naam="zoek" label="Waar zoekt u hulp bij?" type="search" beschrijving="Bijvoorbeeld: boodschappen, eenzaam, geld."
          value={invoer.zoek} onChange={(e) => setInvoer((o) => ({ ...o, zoek: e.target.value }))} />
        <KeuzeVeld naam="leefgebied" label="Onderwerp" value={invoer.leefgebied} onChange={(e) => setInvoer((o) => ({ ...o, leefgebied: e.target.value }))}>
          <SelectOption value="">Alle onderwerpen</SelectOption>
          {LEEFGEBIEDEN.map((l) => <SelectOption key={l.code} value={l.code}>{LEEFGEBIED_PUBLIEK[l.code] ?? l.naam}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam="kern" label="Waar woont u?" value={invoer.kern} onChange={(e) => setInvoer((o) => ({ ...o, kern: e.target.value }))}>
          <SelectOption value="">Overal in de gemeente</SelectOption>
          {(kaart.data?.kernen ?? []).map((k) => <SelectOption key={k.id} value={k.id}>{k.naam}</SelectOption>)}
        </KeuzeVeld>
        <div className="eenvoud-filters__knoppen">
          <Button appearance="primary-action-button" type="submit">Zoeken</Button>
          {gefilterd ? <RouterLink to={`/sociale-kaart/${gemeenteCode}`}>Alles tonen</RouterLink> : null}
        </div>
      </form>

      {kaart.isPending ? <Laden /> : null}
      {kaart.isError ? (
        <Alert type="error"><Paragraph>Wij kunnen de sociale kaart nu niet laten zien. Probeer het later opnieuw, of bel de gemeente.</Paragraph></Alert>
      ) : null}
      {kaart.data ? (
        <Paragraph role="status" className="eenvoud-samenvatting">
          {resultaten.length === 0
            ? 'Wij hebben niets gevonden. Probeer een ander woord, of kies een ander onderwerp.'
            : `Wij hebben ${resultaten.length} ${resultaten.length === 1 ? 'plek' : 'plekken'} gevonden.`}
        </Paragraph>
      ) : null}
      {resultaten.length > 0 ? (
        <ul className="eenvoud-kaart">
          {resultaten.map((r) => (
            <li key={r.id} className="eenvoud-kaart__item">
              <Heading2 className="eenvoud-kaart__naam">{r.naam}</Heading2>
              <Paragraph>{r.omschrijving}</Paragraph>
              <Paragraph className="eenvoud-kaart__meta">
                <span>Door: {r.aanbieder}</span>
                <span>Waar: {r.kernen.length === 0 ? 'in de hele gemeente' : r.kernen.map((k) => k.naam).join(', ')}</span>
                <span>Over: {r.leefgebieden.map((l) => (LEEFGEBIED_PUBLIEK[l.code] ?? l.naam).toLowerCase()).join(', ')}</span>
              </Paragraph>
            </li>
          ))}
        </ul>
      ) : null}
      <section aria-labelledby="kop-vraag" className="eenvoud-sectie eenvoud-inwoner">
        <Heading2 id="kop-vraag">Vindt u niet wat u zoekt?</Heading2>
        <Paragraph>
          Stel dan uw vraag aan de gemeente. <RouterLink to={`/melden/${gemeenteCode}`}>Vraag stellen aan de gemeente</RouterLink>
        </Paragraph>
      </section>
    </PubliekKader>
  );
}
