/**
 * The public form for residents: "Wat is uw vraag?". No login (in the demo; later DigiD), plain
 * language (B1), only what the gemeente needs to call back, and a clear confirmation with a number.
 */
import {
  Alert, ButtonGroup, Fieldset, FieldsetLegend, FormFieldErrorMessage, Heading1, Heading2, OrderedList, OrderedListItem, Paragraph,
  PrimaryActionButton,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiProblem } from '../../platform/api.ts';
import { formatDatum, vandaag } from '../../platform/format.ts';
import {
  AankruisVeld, FoutSamenvatting, RondjesVeld, TekstVeld, TekstvakVeld, foutregels, veldFouten, veldId, type Foutregel,
} from '../../platform/form.tsx';
import { Laden } from '../../platform/guards.tsx';
import { PubliekKader } from '../../platform/layout.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { usePubliekMelden, usePubliekeGemeente, useWaardelijsten, type Ontvangstbevestiging, type PubliekeMelding } from './api.ts';

/** The laws in words a resident knows; the list itself (which codes exist) comes from the API. */
const ONDERWERP_TEKST: Record<string, string> = {
  wmo: 'Hulp en ondersteuning thuis (Wmo)',
  jeugdwet: 'Jeugd en gezin',
  participatiewet: 'Werk en inkomen',
  schuldhulp: 'Schulden en geldzorgen',
  minima: 'Regelingen voor een laag inkomen',
  onbekend: 'Weet ik niet',
};

const VELDEN: Record<string, string> = {
  'persoon.bsn': 'BSN',
  'persoon.voornaam': 'Voornaam',
  'persoon.tussenvoegsel': 'Tussenvoegsel',
  'persoon.achternaam': 'Achternaam',
  'persoon.geboortedatum': 'Geboortedatum',
  onderwerp: 'Waar gaat uw vraag over?',
  omschrijving: 'Uw vraag',
  spoed: 'Huisuitzetting of afsluiting',
  'contact.telefoon': 'Telefoonnummer',
  'contact.email': 'E-mailadres',
  'adres.postcode': 'Postcode',
  'adres.huisnummer': 'Huisnummer',
  'adres.straat': 'Straat',
  'adres.plaats': 'Plaats',
  woonsituatie: 'Heeft u een woonadres?',
  geenVastAdres: 'Geen vast adres',
};

/** Messages in plain words where the API's text is meant for staff. */
const DUIDELIJKER: Record<string, string> = {
  onderwerp: 'Kies waar uw vraag over gaat',
  contact: 'Vul uw telefoonnummer of e-mailadres in, zodat wij u kunnen bereiken',
};

interface Invoer {
  bsn: string;
  voornaam: string;
  tussenvoegsel: string;
  achternaam: string;
  geboortedatum: string;
  onderwerp: string;
  omschrijving: string;
  spoed: boolean;
  telefoon: string;
  email: string;
  website: string;
  /** 'adres': the four fields are asked; 'geen': the resident said they have no fixed address. */
  woonsituatie: 'adres' | 'geen';
  postcode: string;
  huisnummer: string;
  straat: string;
  plaats: string;
}

const leeg: Invoer = {
  bsn: '', voornaam: '', tussenvoegsel: '', achternaam: '', geboortedatum: '', onderwerp: '', omschrijving: '', spoed: false,
  telefoon: '', email: '', website: '', woonsituatie: 'adres', postcode: '', huisnummer: '', straat: '', plaats: '',
};

type MeldingMetAdres = PubliekeMelding & {
  adres?: { postcode: string; huisnummer: string; straat: string; plaats: string };
  geenVastAdres?: boolean;
};

function naarVerzoek(i: Invoer): MeldingMetAdres {
  return {
    persoon: {
      bsn: i.bsn.replace(/[\s.]/g, ''),
      voornaam: i.voornaam,
      ...(i.tussenvoegsel.trim() ? { tussenvoegsel: i.tussenvoegsel } : {}),
      achternaam: i.achternaam,
      geboortedatum: i.geboortedatum,
    },
    onderwerp: i.onderwerp,
    omschrijving: i.omschrijving,
    ...(i.onderwerp === 'schuldhulp' && i.spoed ? { spoed: true } : {}),
    contact: {
      ...(i.telefoon.trim() ? { telefoon: i.telefoon.trim() } : {}),
      ...(i.email.trim() ? { email: i.email.trim() } : {}),
    },
    ...(i.website ? { website: i.website } : {}),
    // Empty address fields are sent as they are, so the answer names each missing one.
    ...(i.woonsituatie === 'geen'
      ? { geenVastAdres: true }
      : { adres: { postcode: i.postcode.trim(), huisnummer: i.huisnummer.trim(), straat: i.straat.trim(), plaats: i.plaats.trim() } }),
  };
}

export function PubliekMeldenPage() {
  const { gemeenteCode = '' } = useParams();
  const gemeente = usePubliekeGemeente(gemeenteCode);
  const naam = gemeente.data?.naam ?? null;
  const onbekend = gemeente.error instanceof ApiProblem && gemeente.error.status === 404;
  const [bevestiging, setBevestiging] = useState<Ontvangstbevestiging | null>(null);

  const titel = onbekend ? 'Gemeente niet gevonden' : bevestiging ? 'Wij hebben uw vraag ontvangen' : 'Wat is uw vraag?';
  usePageTitle(titel, naam ? `Gemeente ${naam}` : 'Gemeente');

  return (
    <PubliekKader gemeente={naam}>
      {gemeente.isPending ? <><Heading1>Wat is uw vraag?</Heading1><Laden /></> : null}
      {onbekend ? (
        <div className="eenvoud-smal">
          <Heading1>Gemeente niet gevonden</Heading1>
          <Paragraph>Wij kennen geen gemeente met de naam “{gemeenteCode}”. Misschien staat er een typefout in het adres.</Paragraph>
          <Paragraph>Kijk op de website van uw gemeente voor de goede link, of bel uw gemeente.</Paragraph>
        </div>
      ) : null}
      {gemeente.isError && !onbekend ? (
        <>
          <Heading1>Wat is uw vraag?</Heading1>
          <Alert type="error"><Paragraph>Het formulier kan nu niet worden geladen. Probeer het later opnieuw, of bel de gemeente.</Paragraph></Alert>
        </>
      ) : null}
      {gemeente.data && !bevestiging ? <Formulier code={gemeente.data.code} gemeente={gemeente.data.naam} onVerstuurd={setBevestiging} /> : null}
      {gemeente.data && bevestiging ? <Bevestiging bevestiging={bevestiging} gemeente={gemeente.data.naam} /> : null}
    </PubliekKader>
  );
}

function Formulier({ code, gemeente, onVerstuurd }: { code: string; gemeente: string; onVerstuurd: (b: Ontvangstbevestiging) => void }) {
  const waardelijsten = useWaardelijsten();
  const melden = usePubliekMelden(code);
  const [invoer, setInvoer] = useState<Invoer>(leeg);
  const [probleem, setProbleem] = useState<ApiProblem | null>(null);
  const [samenvatting, setSamenvatting] = useState<Foutregel[] | null>(null);

  const ruweFouten = veldFouten(probleem);
  const fouten = Object.fromEntries(Object.entries(ruweFouten).map(([k, v]) => [k, DUIDELIJKER[k] ?? v]));
  const wijzig = (veld: keyof Invoer) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setInvoer((oud) => ({ ...oud, [veld]: e.target.value }));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    melden.mutate(naarVerzoek(invoer), {
      onSuccess: (b) => {
        setProbleem(null);
        onVerstuurd(b);
      },
      onError: (err) => {
        const p = err instanceof ApiProblem ? err : null;
        setProbleem(p);
        if (p && p.invalidParams.length > 0) {
          // "contact" is about both fields: the summary jumps to the first of them.
          const regels = foutregels(p, { ...VELDEN, contact: 'Telefoon of e-mail' }).map((r) => {
            if (r.naam === 'contact') return { naam: 'contact.telefoon', tekst: `Telefoon of e-mail: ${DUIDELIJKER.contact}` };
            if (r.naam && DUIDELIJKER[r.naam]) return { ...r, tekst: `${VELDEN[r.naam] ?? r.naam}: ${DUIDELIJKER[r.naam]}` };
            return r;
          });
          setSamenvatting(regels);
        } else {
          setSamenvatting([{ tekst: p?.detail ?? 'Uw vraag kon niet worden verstuurd. Probeer het opnieuw, of bel de gemeente.' }]);
        }
      },
    });
  };

  const titelSamenvatting = probleem && probleem.invalidParams.length === 0 ? 'Uw vraag is niet verstuurd' : 'Controleer uw antwoorden';

  return (
    <>
      <Heading1>Wat is uw vraag?</Heading1>
      <Paragraph appearance="lead">
        Heeft u hulp nodig bij zorg, opvoeden, werk, geld of schulden? Stel hier uw vraag aan gemeente {gemeente}. Wij bellen of mailen u terug.
      </Paragraph>
      <Paragraph>Het invullen duurt ongeveer 5 minuten. Later kunt u hier ook inloggen met DigiD.</Paragraph>
      <Paragraph>
        Zoekt u eerst zelf hulp of activiteiten in de buurt? Daarvoor hoeft u niets aan te vragen.{' '}
        <RouterLink to={`/sociale-kaart/${code}`}>Kijk wat er in de buurt is</RouterLink>
      </Paragraph>
      {samenvatting ? <FoutSamenvatting titel={titelSamenvatting} fouten={samenvatting} /> : null}
      <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-describedby="publiek-uitleg">
        <Paragraph id="publiek-uitleg">Vragen met (verplicht) moet u invullen.</Paragraph>
        <Fieldset>
          <FieldsetLegend>Over u</FieldsetLegend>
          <TekstVeld naam="persoon.bsn" label="BSN" verplicht inputMode="numeric" autoComplete="off" className="eenvoud-breedte-10"
            beschrijving="Uw burgerservicenummer. Dat zijn 9 cijfers. U vindt het op uw paspoort, identiteitskaart of rijbewijs."
            value={invoer.bsn} onChange={wijzig('bsn')} fout={fouten['persoon.bsn']} />
          <TekstVeld naam="persoon.voornaam" label="Voornaam" verplicht autoComplete="given-name"
            value={invoer.voornaam} onChange={wijzig('voornaam')} fout={fouten['persoon.voornaam']} />
          <TekstVeld naam="persoon.tussenvoegsel" label="Tussenvoegsel" autoComplete="off" className="eenvoud-breedte-10"
            beschrijving="Bijvoorbeeld: van, de, van der. Heeft u dat niet? Laat dit dan leeg."
            value={invoer.tussenvoegsel} onChange={wijzig('tussenvoegsel')} fout={fouten['persoon.tussenvoegsel']} />
          <TekstVeld naam="persoon.achternaam" label="Achternaam" verplicht autoComplete="family-name"
            value={invoer.achternaam} onChange={wijzig('achternaam')} fout={fouten['persoon.achternaam']} />
          <TekstVeld naam="persoon.geboortedatum" label="Geboortedatum" verplicht type="date" max={vandaag()} autoComplete="bday"
            className="eenvoud-breedte-10"
            value={invoer.geboortedatum} onChange={wijzig('geboortedatum')} fout={fouten['persoon.geboortedatum']} />
        </Fieldset>

        <Fieldset>
          <FieldsetLegend>Uw adres</FieldsetLegend>
          <RondjesVeld naam="woonsituatie" label="Heeft u een woonadres?" verplicht waarde={invoer.woonsituatie}
            onChange={(w) => setInvoer((oud) => ({ ...oud, woonsituatie: w === 'geen' ? 'geen' : 'adres' }))}
            opties={[{ code: 'adres', naam: 'Ja, ik heb een woonadres' }, { code: 'geen', naam: 'Nee, ik heb geen vast adres (bijvoorbeeld dakloos)' }]}
            fout={fouten.geenVastAdres} />
          {invoer.woonsituatie === 'adres' ? (
            <>
              <TekstVeld naam="adres.postcode" label="Postcode" verplicht autoComplete="postal-code" className="eenvoud-breedte-10"
                value={invoer.postcode} onChange={wijzig('postcode')} fout={fouten['adres.postcode']} />
              <TekstVeld naam="adres.huisnummer" label="Huisnummer" verplicht autoComplete="off" className="eenvoud-breedte-10"
                beschrijving="Met toevoeging, bijvoorbeeld 12a" value={invoer.huisnummer} onChange={wijzig('huisnummer')} fout={fouten['adres.huisnummer']} />
              <TekstVeld naam="adres.straat" label="Straat" verplicht autoComplete="address-line1"
                value={invoer.straat} onChange={wijzig('straat')} fout={fouten['adres.straat']} />
              <TekstVeld naam="adres.plaats" label="Plaats" verplicht autoComplete="address-level2"
                value={invoer.plaats} onChange={wijzig('plaats')} fout={fouten['adres.plaats']} />
            </>
          ) : (
            <Paragraph className="eenvoud-uitleg">Dat is goed. Wij spreken met u af hoe u post van ons krijgt.</Paragraph>
          )}
        </Fieldset>

        <Fieldset>
          <FieldsetLegend>Uw vraag</FieldsetLegend>
          {waardelijsten.isPending ? <Laden tekst="De onderwerpen worden geladen…" /> : null}
          {waardelijsten.isError ? (
            <Alert type="error"><Paragraph>De onderwerpen kunnen nu niet worden geladen. Probeer het later opnieuw.</Paragraph></Alert>
          ) : null}
          {waardelijsten.data ? (
            <RondjesVeld naam="onderwerp" label="Waar gaat uw vraag over?" verplicht
              beschrijving="Weet u het niet precies? Kies dan 'Weet ik niet'."
              opties={waardelijsten.data.wetten.map((w) => ({ code: w.code, naam: ONDERWERP_TEKST[w.code] ?? w.naam }))}
              waarde={invoer.onderwerp} onChange={(onderwerp) => setInvoer((oud) => ({ ...oud, onderwerp }))} fout={fouten.onderwerp} />
          ) : null}
          {invoer.onderwerp === 'schuldhulp' ? (
            <AankruisVeld naam="spoed"
              label="Dreigt u uit uw huis gezet te worden of dreigt afsluiting van gas, licht of water?"
              beschrijving="Kruis dit aan als dat zo is. Dan nemen wij binnen 3 werkdagen contact met u op."
              aan={invoer.spoed} onChange={(spoed) => setInvoer((oud) => ({ ...oud, spoed }))} fout={fouten.spoed} />
          ) : null}
          <TekstvakVeld naam="omschrijving" label="Wat is uw vraag?" verplicht rows={6} maxLength={2000}
            beschrijving="Schrijf in uw eigen woorden wat er aan de hand is en waar u hulp bij wilt."
            value={invoer.omschrijving} onChange={wijzig('omschrijving')} fout={fouten.omschrijving} />
        </Fieldset>

        <Fieldset aria-describedby={fouten.contact ? 'contact-fout contact-uitleg' : 'contact-uitleg'}>
          <FieldsetLegend>Hoe kunnen wij u bereiken?</FieldsetLegend>
          <Paragraph id="contact-uitleg" className="eenvoud-uitleg">Vul uw telefoonnummer of uw e-mailadres in. Of allebei.</Paragraph>
          {fouten.contact ? <FormFieldErrorMessage id="contact-fout">{fouten.contact}</FormFieldErrorMessage> : null}
          <TekstVeld naam="contact.telefoon" label="Telefoonnummer" type="tel" autoComplete="tel" className="eenvoud-breedte-10"
            beschrijving="Bijvoorbeeld: 06 12345678."
            value={invoer.telefoon} onChange={wijzig('telefoon')} fout={fouten['contact.telefoon']} />
          <TekstVeld naam="contact.email" label="E-mailadres" type="email" autoComplete="email"
            value={invoer.email} onChange={wijzig('email')} fout={fouten['contact.email']} />
        </Fieldset>

        {/* For robots only: people never see or hear this field, and it must stay empty. */}
        <div className="eenvoud-honingpot" aria-hidden="true">
          <label htmlFor={veldId('website')}>Laat dit veld leeg</label>
          <input id={veldId('website')} name="website" type="text" tabIndex={-1} autoComplete="off"
            value={invoer.website} onChange={wijzig('website')} />
        </div>

        <Paragraph className="eenvoud-privacy">
          Wij gebruiken uw gegevens alleen om uw vraag te beantwoorden.
        </Paragraph>
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={melden.isPending} disabled={melden.isPending}>Vraag versturen</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}

function Bevestiging({ bevestiging, gemeente }: { bevestiging: Ontvangstbevestiging; gemeente: string }) {
  const kop = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    kop.current?.focus();
    window.scrollTo({ top: 0 });
  }, []);
  return (
    <div className="eenvoud-smal eenvoud-bevestiging-publiek">
      <Heading1 ref={kop} tabIndex={-1}>Wij hebben uw vraag ontvangen</Heading1>
      <Alert type="ok">
        <Paragraph>Uw referentienummer is:</Paragraph>
        <p className="eenvoud-referentie">{bevestiging.referentie}</p>
        <Paragraph>Schrijf dit nummer op. Noem het als u ons belt over uw vraag.</Paragraph>
      </Alert>
      <Paragraph>Ontvangen op {formatDatum(bevestiging.ontvangenOp)}.</Paragraph>
      <Heading2>Wat gebeurt er nu?</Heading2>
      <OrderedList>
        <OrderedListItem>Een medewerker van gemeente {gemeente} leest uw vraag.</OrderedListItem>
        <OrderedListItem>Binnen 2 werkdagen belt of mailt de medewerker u.</OrderedListItem>
        <OrderedListItem>Samen bespreekt u welke hulp past bij uw situatie.</OrderedListItem>
      </OrderedList>
      <Paragraph>Heeft u geen bericht gehad na 2 werkdagen? Bel dan de gemeente en noem uw referentienummer.</Paragraph>
    </div>
  );
}
