/**
 * The household on the casus and melding pages: members with relation, age, gezag, address and
 * representative; "Lid toevoegen"; "Contactgegevens wijzigen"; a wettelijk vertegenwoordiger for an
 * adult; gezag over a minor; and the task "Adres aanvullen".
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
  RELATIE_NAAM, adresRegel, useHuishouden, useLegVertegenwoordigerVast, usePersoon, useVoegLidToe, useWijzigContact, useWijzigGezag,
  type Lid, type LidRelatie, type Persoon, type VertegenwoordigerSoort,
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
  // One form at a time below the table: which one, for which member.
  const [actie, setActie] = useState<{ soort: 'contact' | 'vertegenwoordiger' | 'gezag'; id: string } | null>(null);
  const [bericht, setBericht] = useState<string | null>(null);
  if (h.isPending) return <Laden tekst="Huishouden laden…" />;
  if (h.isError) return <Foutmelding fout={h.error} />;
  const leden = h.data.leden;
  const gekozen = leden.find((l) => l.id === actie?.id);
  const open = (soort: 'contact' | 'vertegenwoordiger' | 'gezag', id: string) => { setActie({ soort, id }); setToevoegen(false); setBericht(null); };
  const klaar = (tekst?: string) => { setActie(null); if (tekst) setBericht(tekst); };
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
                    <Button appearance="subtle-button" onClick={() => open('contact', l.id)} aria-label={`Contactgegevens van ${l.naam} wijzigen`}>
                      Contactgegevens wijzigen
                    </Button>
                    {!l.minderjarig ? (
                      <Button appearance="subtle-button" onClick={() => open('vertegenwoordiger', l.id)} aria-label={`Vertegenwoordiger van ${l.naam} vastleggen`}>
                        Vertegenwoordiger vastleggen
                      </Button>
                    ) : null}
                    {l.minderjarig && l.relaties.some((r) => r.soort === 'ouder' && r.persoonId) ? (
                      <Button appearance="subtle-button" onClick={() => open('gezag', l.id)} aria-label={`Gezag over ${l.naam} wijzigen`}>
                        Gezag wijzigen
                      </Button>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {magSchrijven ? (
        <>
          {gekozen && actie?.soort === 'contact' ? <ContactFormulier key={gekozen.id} persoon={gekozen} onKlaar={klaar} /> : null}
          {gekozen && actie?.soort === 'vertegenwoordiger' ? <VertegenwoordigerFormulier key={gekozen.id} lid={gekozen} leden={leden} onKlaar={klaar} /> : null}
          {gekozen && actie?.soort === 'gezag' ? <GezagFormulier key={gekozen.id} huishoudenId={huishoudenId} kind={gekozen} onKlaar={klaar} /> : null}
          {toevoegen ? (
            <LidToevoegenFormulier huishoudenId={huishoudenId} leden={leden}
              onKlaar={(tekst) => { setToevoegen(false); if (tekst) setBericht(tekst); }} />
          ) : (
            <ButtonGroup>
              <Button appearance="secondary-action-button" onClick={() => { setToevoegen(true); setActie(null); setBericht(null); }}>Lid toevoegen</Button>
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

const SOORT_UITLEG: Record<VertegenwoordigerSoort, string> = {
  curator: 'Curator: de rechter heeft de inwoner onder curatele gesteld; de curator beslist over persoon en geld.',
  mentor: 'Mentor: beslist mee over zorg, verpleging en begeleiding.',
  bewindvoerder: 'Bewindvoerder: beheert geld en goederen.',
};

/**
 * A curator, mentor or bewindvoerder for an adult: a member of the household, or someone from
 * outside (usually a professional) with a name and a postal address, so letters can reach them.
 */
export function VertegenwoordigerFormulier({ lid, leden, onKlaar }: { lid: Lid; leden: Lid[]; onKlaar: (bericht?: string) => void }) {
  const kop = useId();
  const kandidaten = leden.filter((l) => l.id !== lid.id && !l.minderjarig);
  const [v, setV] = useState({ soort: 'bewindvoerder' as VertegenwoordigerSoort, persoonId: '', naam: '', straat: '', huisnummer: '', postcode: '', plaats: '' });
  const mut = useLegVertegenwoordigerVast(lid.id);
  const fouten = veldFouten(probleem(mut.error));
  const zet = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const wie = v.persoonId ? kandidaten.find((k) => k.id === v.persoonId)?.naam : v.naam.trim();
    mut.mutate(v.persoonId
      ? { soort: v.soort, persoonId: v.persoonId }
      : { soort: v.soort, naam: v.naam, adres: { straat: v.straat, huisnummer: v.huisnummer, postcode: v.postcode, plaats: v.plaats } },
    { onSuccess: () => onKlaar(`${wie ?? 'De vertegenwoordiger'} is vastgelegd als ${v.soort} van ${lid.naam}. Besluiten over ${lid.naam} gaan ook naar dit adres.`) });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-labelledby={kop}>
      <Heading3 id={kop}>Vertegenwoordiger vastleggen: {lid.naam}</Heading3>
      {mut.error && !Object.keys(fouten).length ? <Foutmelding fout={mut.error} /> : null}
      {mut.error && Object.keys(fouten).length ? <Alert type="error"><Paragraph>{probleem(mut.error)?.detail}</Paragraph></Alert> : null}
      <KeuzeVeld naam="soort" label="Soort vertegenwoordiger" verplicht value={v.soort} onChange={zet('soort')} fout={fouten.soort} beschrijving={SOORT_UITLEG[v.soort]}>
        <SelectOption value="curator">Curator</SelectOption>
        <SelectOption value="mentor">Mentor</SelectOption>
        <SelectOption value="bewindvoerder">Bewindvoerder</SelectOption>
      </KeuzeVeld>
      <KeuzeVeld naam="persoonId" label="Wie is het?" verplicht value={v.persoonId} onChange={zet('persoonId')} fout={fouten.persoonId}>
        <SelectOption value="">Iemand buiten het huishouden (naam en postadres)</SelectOption>
        {kandidaten.map((k) => <SelectOption key={k.id} value={k.id}>{k.naam} (lid van het huishouden)</SelectOption>)}
      </KeuzeVeld>
      {!v.persoonId ? (
        <>
          <TekstVeld naam="naam" label="Naam van de vertegenwoordiger" verplicht value={v.naam} onChange={zet('naam')} fout={fouten.naam}
            beschrijving="Een persoon of een kantoor, bijvoorbeeld Bewindvoering Oost B.V." autoComplete="off" />
          <TekstVeld naam="adres.postcode" label="Postcode" verplicht value={v.postcode} onChange={zet('postcode')} fout={fouten['adres.postcode']} className="eenvoud-breedte-10" autoComplete="off" />
          <TekstVeld naam="adres.huisnummer" label="Huisnummer of postbusnummer" verplicht value={v.huisnummer} onChange={zet('huisnummer')} fout={fouten['adres.huisnummer']} className="eenvoud-breedte-10" />
          <TekstVeld naam="adres.straat" label="Straat of Postbus" verplicht value={v.straat} onChange={zet('straat')} fout={fouten['adres.straat']} />
          <TekstVeld naam="adres.plaats" label="Plaats" verplicht value={v.plaats} onChange={zet('plaats')} fout={fouten['adres.plaats']} />
        </>
      ) : null}
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" busy={mut.isPending} disabled={mut.isPending}>Vertegenwoordiger opslaan</Button>
        <Button appearance="secondary-action-button" type="button" onClick={() => onKlaar()}>Annuleren</Button>
      </ButtonGroup>
    </form>
  );
}

/** Gezag over a minor changes (a court decision): one checkbox per parent; only the changed ones are saved. */
export function GezagFormulier({ huishoudenId, kind, onKlaar }: { huishoudenId: string; kind: Lid; onKlaar: (bericht?: string) => void }) {
  const kop = useId();
  const ouders = kind.relaties.filter((r) => r.soort === 'ouder' && r.persoonId);
  const [gezag, setGezag] = useState<Record<string, boolean>>(() => Object.fromEntries(ouders.map((o) => [o.relatieId, o.gezag])));
  const mut = useWijzigGezag(kind.id, huishoudenId);
  const fouten = veldFouten(probleem(mut.error));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const gewijzigd = ouders.filter((o) => (gezag[o.relatieId] ?? o.gezag) !== o.gezag);
    try {
      for (const o of gewijzigd) await mut.mutateAsync({ relatieId: o.relatieId, gezag: gezag[o.relatieId] ?? o.gezag });
    } catch {
      return; // the error is shown from mut.error
    }
    const houders = ouders.filter((o) => gezag[o.relatieId] ?? o.gezag).map((o) => o.naam);
    onKlaar(gewijzigd.length === 0 ? undefined
      : houders.length ? `Het gezag over ${kind.naam} is opgeslagen: ${houders.join(' en ')}.` : `Het gezag over ${kind.naam} is opgeslagen: geen van de ouders heeft gezag.`);
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="eenvoud-form eenvoud-actie" aria-labelledby={kop}>
      <Heading3 id={kop}>Gezag wijzigen: {kind.naam}</Heading3>
      {mut.error ? <Alert type="error"><Paragraph>{probleem(mut.error)?.detail ?? 'Het gezag is niet opgeslagen. Probeer het opnieuw.'}</Paragraph></Alert> : null}
      <fieldset className="utrecht-form-fieldset eenvoud-subfieldset">
        <legend className="utrecht-form-fieldset__legend">Wie heeft gezag over {kind.naam}?</legend>
        <Paragraph className="eenvoud-uitleg">Leg hier een uitspraak van de rechter vast. Besluiten over {kind.naam} gaan naar de ouders met gezag.</Paragraph>
        {ouders.map((o) => (
          <AankruisVeld key={o.relatieId} naam={`gezag-${o.relatieId}`} label={`${o.naam} heeft gezag`} fout={fouten.gezag}
            aan={gezag[o.relatieId] ?? o.gezag} onChange={(aan) => setGezag((g) => ({ ...g, [o.relatieId]: aan }))} />
        ))}
      </fieldset>
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" busy={mut.isPending} disabled={mut.isPending}>Gezag opslaan</Button>
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
