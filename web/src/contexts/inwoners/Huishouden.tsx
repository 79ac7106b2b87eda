/**
 * The household on the casus and melding pages: members with relation, age, gezag, address and
 * representative; "Lid toevoegen"; "Contactgegevens wijzigen"; and the task "Adres aanvullen".
 */
import {
  Alert, Button, ButtonGroup, Heading2, Heading3, Paragraph, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { ApiProblem } from '../../platform/api.ts';
import { formatDatum } from '../../platform/format.ts';
import { AankruisVeld, KeuzeVeld, TekstVeld, veldFouten } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import {
  RELATIE_NAAM, adresRegel, useHuishouden, usePersoon, useVoegLidToe, useWijzigContact, type Lid, type LidRelatie, type Persoon,
} from './api.ts';

const probleem = (e: unknown) => (e instanceof ApiProblem ? e : null);

function gezagTekst(l: Lid): string {
  if (l.minderjarig) {
    const houders = l.relaties.filter((r) => r.soort === 'ouder' && r.gezag).map((r) => r.naam);
    return houders.length ? `Gezag: ${houders.join(' en ')}` : 'Gezag niet vastgelegd';
  }
  const over = l.relaties.filter((r) => r.soort === 'kind' && r.gezag).map((r) => r.naam);
  return over.length ? `Heeft gezag over ${over.join(' en ')}` : '—';
}

/** The household section: a table of members, and (for staff who may write) the two forms. */
export function HuishoudenSectie({ huishoudenId, magSchrijven }: { huishoudenId: string; magSchrijven: boolean }) {
  const h = useHuishouden(huishoudenId);
  const [toevoegen, setToevoegen] = useState(false);
  const [wijzig, setWijzig] = useState<string | null>(null);
  const [bericht, setBericht] = useState<string | null>(null);
  if (h.isPending) return <Laden tekst="Huishouden laden…" />;
  if (h.isError) return <Foutmelding fout={h.error} />;
  const leden = h.data.leden;
  const teWijzigen = leden.find((l) => l.id === wijzig);
  return (
    <section aria-labelledby="kop-huishouden" className="eenvoud-sectie">
      <Heading2 id="kop-huishouden">Leden en contactgegevens</Heading2>
      {bericht ? <Alert type="ok" role="status"><Paragraph>{bericht}</Paragraph></Alert> : null}
      <div className="eenvoud-tabel eenvoud-tabel--kaarten">
        <Table>
          <TableCaption>Leden van het huishouden ({leden.length})</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Naam</TableHeaderCell>
              <TableHeaderCell scope="col">Relatie</TableHeaderCell>
              <TableHeaderCell scope="col">Leeftijd</TableHeaderCell>
              <TableHeaderCell scope="col">Gezag</TableHeaderCell>
              <TableHeaderCell scope="col">Adres en contact</TableHeaderCell>
              <TableHeaderCell scope="col">Vertegenwoordiger</TableHeaderCell>
              {magSchrijven ? <TableHeaderCell scope="col">Wijzigen</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {leden.map((l) => (
              <TableRow key={l.id}>
                <TableCell data-label="Naam">{l.naam}{l.bron === 'brp' ? ' (BRP)' : ''}</TableCell>
                <TableCell data-label="Relatie">{l.relatieTotHoofdpersoon ? RELATIE_NAAM[l.relatieTotHoofdpersoon] : '—'}</TableCell>
                <TableCell data-label="Leeftijd">{l.leeftijd} jaar<br /><span className="eenvoud-uitleg">{formatDatum(l.geboortedatum)}</span></TableCell>
                <TableCell data-label="Gezag">{gezagTekst(l)}</TableCell>
                <TableCell data-label="Adres en contact">
                  {adresRegel(l.adres) ?? (l.geenVastAdres ? 'Geen vast adres' : 'Adres onbekend')}
                  {l.contact.telefoon ? <><br />{l.contact.telefoon}</> : null}
                  {l.contact.email ? <><br />{l.contact.email}</> : null}
                </TableCell>
                <TableCell data-label="Vertegenwoordiger">
                  {l.vertegenwoordigers.length ? l.vertegenwoordigers.map((v) => `${v.naam} (${RELATIE_NAAM[v.relatie as keyof typeof RELATIE_NAAM] ?? v.relatie})`).join(', ') : '—'}
                </TableCell>
                {magSchrijven ? (
                  <TableCell data-label="Wijzigen">
                    <Button appearance="subtle-button" onClick={() => { setWijzig(l.id); setToevoegen(false); setBericht(null); }}
                      aria-label={`Contactgegevens van ${l.naam} wijzigen`}>
                      Contactgegevens wijzigen
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {magSchrijven ? (
        <>
          {teWijzigen ? (
            <ContactFormulier persoon={teWijzigen} onKlaar={(tekst) => { setWijzig(null); if (tekst) setBericht(tekst); }} />
          ) : null}
          {toevoegen ? (
            <LidToevoegenFormulier huishoudenId={huishoudenId} leden={leden}
              onKlaar={(tekst) => { setToevoegen(false); if (tekst) setBericht(tekst); }} />
          ) : (
            <ButtonGroup>
              <Button appearance="secondary-action-button" onClick={() => { setToevoegen(true); setWijzig(null); setBericht(null); }}>Lid toevoegen</Button>
            </ButtonGroup>
          )}
        </>
      ) : null}
    </section>
  );
}

/** Adds a member; the relation is to the chosen member (by default the hoofdpersoon). */
export function LidToevoegenFormulier({ huishoudenId, leden, onKlaar }: { huishoudenId: string; leden: Lid[]; onKlaar: (bericht?: string) => void }) {
  const kop = useId();
  const hoofd = leden.find((l) => l.relatieTotHoofdpersoon === 'hoofdpersoon') ?? leden[0];
  const [v, setV] = useState({ bsn: '', voornaam: '', tussenvoegsel: '', achternaam: '', geboortedatum: '', relatie: 'kind' as LidRelatie, gezag: true, tenOpzichteVan: hoofd?.id ?? '' });
  const mut = useVoegLidToe(huishoudenId);
  const fouten = veldFouten(probleem(mut.error));
  const zet = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const referentie = leden.find((l) => l.id === v.tenOpzichteVan);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mut.mutate({
      bsn: v.bsn.replace(/\D/g, ''), relatie: v.relatie, gezag: (v.relatie === 'kind' || v.relatie === 'ouder') && v.gezag, tenOpzichteVan: v.tenOpzichteVan || undefined,
      ...(v.voornaam ? { voornaam: v.voornaam } : {}), ...(v.tussenvoegsel ? { tussenvoegsel: v.tussenvoegsel } : {}),
      ...(v.achternaam ? { achternaam: v.achternaam } : {}), ...(v.geboortedatum ? { geboortedatum: v.geboortedatum } : {}),
    }, { onSuccess: () => onKlaar(`${[v.voornaam, v.tussenvoegsel, v.achternaam].filter(Boolean).join(' ') || 'Het nieuwe lid'} is aan het huishouden toegevoegd.`) });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-labelledby={kop}>
      <Heading3 id={kop}>Lid toevoegen</Heading3>
      {mut.error && !Object.keys(fouten).length ? <Foutmelding fout={mut.error} /> : null}
      {mut.error && Object.keys(fouten).length ? <Alert type="error"><Paragraph>{probleem(mut.error)?.detail}</Paragraph></Alert> : null}
      <TekstVeld naam="bsn" label="BSN" verplicht inputMode="numeric" autoComplete="off" value={v.bsn} onChange={zet('bsn')} fout={fouten.bsn} className="eenvoud-breedte-10"
        beschrijving="Met een BRP-koppeling komen naam, geboortedatum, adres en gezag uit de BRP." />
      <TekstVeld naam="voornaam" label="Voornaam" value={v.voornaam} onChange={zet('voornaam')} fout={fouten.voornaam} />
      <TekstVeld naam="tussenvoegsel" label="Tussenvoegsel" value={v.tussenvoegsel} onChange={zet('tussenvoegsel')} fout={fouten.tussenvoegsel} className="eenvoud-breedte-10" />
      <TekstVeld naam="achternaam" label="Achternaam" value={v.achternaam} onChange={zet('achternaam')} fout={fouten.achternaam} />
      <TekstVeld naam="geboortedatum" label="Geboortedatum" type="date" value={v.geboortedatum} onChange={zet('geboortedatum')} fout={fouten.geboortedatum} className="eenvoud-breedte-10" />
      <KeuzeVeld naam="tenOpzichteVan" label="Relatie tegenover" value={v.tenOpzichteVan} onChange={zet('tenOpzichteVan')} fout={fouten.tenOpzichteVan}>
        {leden.map((l) => <SelectOption key={l.id} value={l.id}>{l.naam}</SelectOption>)}
      </KeuzeVeld>
      <KeuzeVeld naam="relatie" label={`Het nieuwe lid is ${referentie ? `van ${referentie.naam} de` : 'de'}`} verplicht value={v.relatie} onChange={zet('relatie')} fout={fouten.relatie}>
        <SelectOption value="kind">Kind</SelectOption>
        <SelectOption value="ouder">Ouder</SelectOption>
        <SelectOption value="partner">Partner</SelectOption>
        <SelectOption value="overig">Overig (bijv. huisgenoot, mantelzorger)</SelectOption>
      </KeuzeVeld>
      {v.relatie === 'kind' || v.relatie === 'ouder' ? (
        <AankruisVeld naam="gezag" aan={v.gezag} onChange={(gezag) => setV({ ...v, gezag })} fout={fouten.gezag}
          label={v.relatie === 'kind' ? `${referentie?.naam ?? 'De ouder'} heeft gezag over dit kind` : `Deze ouder heeft gezag over ${referentie?.naam ?? 'het kind'}`}
          beschrijving="Alleen een meerderjarige ouder van een minderjarig kind heeft gezag." />
      ) : null}
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" busy={mut.isPending} disabled={mut.isPending}>Lid toevoegen</Button>
        <Button appearance="secondary-action-button" type="button" onClick={() => onKlaar()}>Annuleren</Button>
      </ButtonGroup>
    </form>
  );
}

/** Corrects address, phone and e-mail; "geen vast adres" is a choice of its own. */
export function ContactFormulier({ persoon, onKlaar, titel = 'Contactgegevens wijzigen' }: { persoon: Persoon; onKlaar: (bericht?: string) => void; titel?: string }) {
  const kop = useId();
  const [v, setV] = useState({
    straat: persoon.adres.straat ?? '', huisnummer: persoon.adres.huisnummer ?? '', postcode: persoon.adres.postcode ?? '', woonplaats: persoon.adres.woonplaats ?? '',
    telefoon: persoon.contact.telefoon ?? '', email: persoon.contact.email ?? '', geenVastAdres: persoon.geenVastAdres,
  });
  const mut = useWijzigContact(persoon.id);
  const fouten = veldFouten(probleem(mut.error));
  const zet = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mut.mutate({
      ...(v.geenVastAdres ? { adres: null, geenVastAdres: true }
        : { adres: { straat: v.straat, huisnummer: v.huisnummer, postcode: v.postcode, ...(v.woonplaats ? { woonplaats: v.woonplaats } : {}) }, geenVastAdres: false }),
      telefoon: v.telefoon.trim() || null, email: v.email.trim() || null,
    }, { onSuccess: () => onKlaar(`De contactgegevens van ${persoon.naam} zijn opgeslagen.`) });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-labelledby={kop}>
      <Heading3 id={kop}>{titel}: {persoon.naam}</Heading3>
      {mut.error && !Object.keys(fouten).length ? <Foutmelding fout={mut.error} /> : null}
      <AankruisVeld naam="geenVastAdres" label="Geen vast adres (bijvoorbeeld dakloos)" aan={v.geenVastAdres} onChange={(geenVastAdres) => setV({ ...v, geenVastAdres })} fout={fouten.geenVastAdres} />
      {!v.geenVastAdres ? (
        <>
          <TekstVeld naam="adres.postcode" label="Postcode" verplicht value={v.postcode} onChange={zet('postcode')} fout={fouten['adres.postcode']} className="eenvoud-breedte-10"
            beschrijving="De wijk volgt uit de postcode." autoComplete="off" />
          <TekstVeld naam="adres.huisnummer" label="Huisnummer" verplicht value={v.huisnummer} onChange={zet('huisnummer')} fout={fouten['adres.huisnummer']} className="eenvoud-breedte-10" />
          <TekstVeld naam="adres.straat" label="Straat" verplicht value={v.straat} onChange={zet('straat')} fout={fouten['adres.straat']} />
          <TekstVeld naam="adres.woonplaats" label="Plaats" value={v.woonplaats} onChange={zet('woonplaats')} fout={fouten['adres.woonplaats']} />
        </>
      ) : null}
      <TekstVeld naam="telefoon" label="Telefoon" type="tel" value={v.telefoon} onChange={zet('telefoon')} fout={fouten.telefoon} className="eenvoud-breedte-10" />
      <TekstVeld naam="email" label="E-mail" type="email" value={v.email} onChange={zet('email')} fout={fouten.email} />
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" busy={mut.isPending} disabled={mut.isPending}>Contactgegevens opslaan</Button>
        <Button appearance="secondary-action-button" type="button" onClick={() => onKlaar()}>Annuleren</Button>
      </ButtonGroup>
    </form>
  );
}

/** On the melding page: a clear task when the resident's address is missing. */
export function AdresTaak({ persoonId, magSchrijven }: { persoonId: string; magSchrijven: boolean }) {
  const p = usePersoon(persoonId);
  const [open, setOpen] = useState(false);
  const [klaar, setKlaar] = useState<string | null>(null);
  if (!p.data) return null;
  if (klaar) return <Alert type="ok" role="status"><Paragraph>{klaar}</Paragraph></Alert>;
  if (p.data.adres.straat) return null;
  if (p.data.geenVastAdres) {
    return <Alert type="info"><Paragraph>{p.data.naam} heeft geen vast adres. Spreek af hoe de gemeente post bezorgt (briefadres of ophalen).</Paragraph></Alert>;
  }
  return (
    <Alert type="warning" className="eenvoud-taak">
      <Heading2>Taak: adres aanvullen</Heading2>
      <Paragraph>Van {p.data.naam} is geen adres bekend. Zonder adres kan de gemeente geen brieven en geen beschikking sturen.</Paragraph>
      {magSchrijven && !open ? <ButtonGroup><Button appearance="primary-action-button" onClick={() => setOpen(true)}>Adres aanvullen</Button></ButtonGroup> : null}
      {magSchrijven && open ? (
        <ContactFormulier persoon={p.data} titel="Adres aanvullen" onKlaar={(b) => { setOpen(false); if (b) setKlaar(b); }} />
      ) : null}
    </Alert>
  );
}
