import { DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import { formatDatum } from '../../platform/format.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useGevondenInwoner } from './api.ts';
import { PersoonVoorzieningen } from '../voorziening/VoorzieningenSectie.tsx';

/** Where a search hit leads for a resident without a casus or melding: who it is, and that there is no file yet. */
export function PersoonPage() {
  const { id = '' } = useParams();
  const inwoner = useGevondenInwoner(id);
  const p = inwoner.data;
  usePageTitle(p ? p.naam : 'Inwoner');

  if (inwoner.isPending) return <Laden tekst="De inwoner wordt geladen…" />;
  if (inwoner.isError || !p) {
    return (
      <>
        <Heading1>Inwoner</Heading1>
        <Foutmelding fout={inwoner.error} />
        <Paragraph><RouterLink to="/zoeken">Opnieuw zoeken</RouterLink></Paragraph>
      </>
    );
  }
  const adres = [[p.adres.straat, p.adres.huisnummer].filter(Boolean).join(' '), [p.adres.postcode, p.adres.woonplaats].filter(Boolean).join(' ')]
    .filter((d) => d !== '').join(', ');
  return (
    <>
      <Heading1>{p.naam}</Heading1>
      <section aria-labelledby="kop-inwoner" className="eenvoud-sectie">
        <Heading2 id="kop-inwoner">Gegevens</Heading2>
        <DataList className="eenvoud-datalist">
          <DataListItem><DataListKey>Geboortedatum</DataListKey><DataListValue>{formatDatum(p.geboortedatum)}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Adres</DataListKey><DataListValue>{adres || 'Onbekend'}</DataListValue></DataListItem>
        </DataList>
      </section>
      <section aria-labelledby="kop-dossier" className="eenvoud-sectie">
        <Heading2 id="kop-dossier">Casussen en meldingen</Heading2>
        {p.casussen.length === 0 && p.meldingen.length === 0 ? (
          <Paragraph>Deze inwoner heeft nog geen melding en geen casus.</Paragraph>
        ) : (
          <ul className="eenvoud-zoekresultaten">
            {p.casussen.map((c) => (
              <li key={c.id} className="eenvoud-zoekresultaat">
                <span className="eenvoud-zoekresultaat__soort">Casus van het huishouden</span>
                <RouterLink to={c.url} className="eenvoud-zoekresultaat__titel">Casus {c.nummer}</RouterLink>
                <span>{c.status === 'open' ? 'Open' : 'Gesloten'}</span>
              </li>
            ))}
            {p.meldingen.map((m) => (
              <li key={m.id} className="eenvoud-zoekresultaat">
                <span className="eenvoud-zoekresultaat__soort">Melding</span>
                <RouterLink to={m.url} className="eenvoud-zoekresultaat__titel">Melding {m.nummer}</RouterLink>
                <span>{m.statusNaam} · ontvangen {formatDatum(m.ontvangenOp)}</span>
              </li>
            ))}
          </ul>
        )}
        <Paragraph><RouterLink to="/meldingen/nieuw">Een melding registreren</RouterLink></Paragraph>
      </section>
      <PersoonVoorzieningen persoonId={p.id} naam={p.naam} kopNiveau={2} />
    </>
  );
}
