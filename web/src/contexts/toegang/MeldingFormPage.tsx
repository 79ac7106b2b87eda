import {
  ButtonGroup, Fieldset, FieldsetLegend, Heading1, Paragraph, PrimaryActionButton, SelectOption,
} from '@utrecht/component-library-react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiProblem } from '../../platform/api.ts';
import { vandaag } from '../../platform/format.ts';
import {
  AankruisVeld, FoutSamenvatting, KeuzeVeld, TekstVeld, TekstvakVeld, foutregels, veldFouten, type Foutregel, type VeldFouten,
} from '../../platform/form.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { BijCollegaBevestiging } from './BijCollega.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import {
  isBijCollega, useGebieden, useRegistreerMelding, useWaardelijsten, type Kanaal, type MeldingBijCollega, type NieuweMelding, type Wet,
} from './api.ts';

/** Every field of the form by its API name, with the label the error summary uses. */
const VELDEN: Record<string, string> = {
  'persoon.bsn': 'BSN',
  'persoon.voornaam': 'Voornaam',
  'persoon.tussenvoegsel': 'Tussenvoegsel',
  'persoon.achternaam': 'Achternaam',
  'persoon.geboortedatum': 'Geboortedatum',
  'persoon.adres.straat': 'Straat',
  'persoon.adres.huisnummer': 'Huisnummer',
  'persoon.adres.postcode': 'Postcode',
  'persoon.adres.woonplaats': 'Woonplaats',
  'persoon.adres.wijkId': 'Wijk',
  wet: 'Wet',
  kanaal: 'Kanaal',
  'verwijzer.soort': 'Soort verwijzer',
  'verwijzer.naam': 'Naam van de verwijzer',
  'verwijzer.organisatie': 'Organisatie',
  'verwijzer.telefoon': 'Telefoon van de verwijzer',
  'signaal.bron': 'Bron van het signaal',
  'signaal.achterstandEuro': 'Achterstand',
  'signaal.toelichting': 'Toelichting bij het signaal',
  ontvangenOp: 'Ontvangen op',
  omschrijving: 'Omschrijving',
  spoed: 'Spoed',
  'contact.telefoon': 'Telefoon van de inwoner',
  'contact.email': 'E-mail van de inwoner',
};

/** A whole group the API says is missing; the summary jumps to its first field. */
const GROEP_EERSTE_VELD: Record<string, string> = { verwijzer: 'verwijzer.soort', signaal: 'signaal.bron' };

/** For the choice lists the API lists its codes; a person needs the plain instruction. */
const KEUZE_TEKST: Record<string, string> = {
  wet: 'Kies een wet uit de lijst',
  kanaal: 'Kies een kanaal uit de lijst',
  'verwijzer.soort': 'Kies wie verwijst',
  'signaal.bron': 'Kies de bron van het signaal',
};
const duidelijker = (f: VeldFouten): VeldFouten =>
  Object.fromEntries(Object.entries(f).map(([naam, tekst]) => [naam, KEUZE_TEKST[naam] ?? tekst]));

interface Invoer {
  bsn: string;
  voornaam: string;
  tussenvoegsel: string;
  achternaam: string;
  geboortedatum: string;
  straat: string;
  huisnummer: string;
  postcode: string;
  woonplaats: string;
  wijkId: string;
  wet: Wet | '';
  kanaal: Kanaal;
  ontvangenOp: string;
  omschrijving: string;
  spoed: boolean;
  verwijzerSoort: string;
  verwijzerNaam: string;
  verwijzerOrganisatie: string;
  verwijzerTelefoon: string;
  signaalBron: string;
  signaalAchterstand: string;
  signaalToelichting: string;
  contactTelefoon: string;
  contactEmail: string;
}

const leeg = (): Invoer => ({
  bsn: '', voornaam: '', tussenvoegsel: '', achternaam: '', geboortedatum: '',
  straat: '', huisnummer: '', postcode: '', woonplaats: '', wijkId: '',
  wet: '', kanaal: 'telefoon', ontvangenOp: vandaag(), omschrijving: '', spoed: false,
  verwijzerSoort: '', verwijzerNaam: '', verwijzerOrganisatie: '', verwijzerTelefoon: '',
  signaalBron: '', signaalAchterstand: '', signaalToelichting: '', contactTelefoon: '', contactEmail: '',
});

const alsIngevuld = <K extends string>(k: K, v: string): Partial<Record<K, string>> =>
  (v.trim() ? { [k]: v.trim() } as Record<K, string> : {});

/** "1.250" or "1250,00" → 1250; anything else goes as-is, so the API can say what is wrong. */
function euro(v: string): number | undefined {
  const schoon = v.trim().replace(/^€\s*/, '').replace(/\./g, '').replace(/,00$/, '');
  if (!schoon) return undefined;
  return Number(schoon);
}

/** The request body; the address goes along only when any part of it is filled in. */
function naarVerzoek(i: Invoer): NieuweMelding {
  const heeftAdres = [i.straat, i.huisnummer, i.postcode, i.woonplaats, i.wijkId].some((v) => v.trim() !== '');
  return {
    persoon: {
      bsn: i.bsn.replace(/[\s.]/g, ''),
      voornaam: i.voornaam,
      ...(i.tussenvoegsel.trim() ? { tussenvoegsel: i.tussenvoegsel } : {}),
      achternaam: i.achternaam,
      geboortedatum: i.geboortedatum,
      ...(heeftAdres ? {
        adres: {
          straat: i.straat, huisnummer: i.huisnummer, postcode: i.postcode,
          ...(i.woonplaats.trim() ? { woonplaats: i.woonplaats } : {}),
          ...(i.wijkId ? { wijkId: i.wijkId } : {}),
        },
      } : {}),
    },
    wet: i.wet,
    kanaal: i.kanaal,
    ontvangenOp: i.ontvangenOp,
    omschrijving: i.omschrijving,
    ...(i.wet === 'schuldhulp' && i.spoed ? { spoed: true } : {}),
    ...(i.kanaal === 'verwijzing' ? {
      verwijzer: {
        soort: i.verwijzerSoort, naam: i.verwijzerNaam,
        ...alsIngevuld('organisatie', i.verwijzerOrganisatie), ...alsIngevuld('telefoon', i.verwijzerTelefoon),
      },
    } : {}),
    ...(i.kanaal === 'vroegsignalering' ? {
      signaal: {
        bron: i.signaalBron,
        ...(euro(i.signaalAchterstand) !== undefined ? { achterstandEuro: euro(i.signaalAchterstand)! } : {}),
        ...alsIngevuld('toelichting', i.signaalToelichting),
      },
    } : {}),
    ...(i.contactTelefoon.trim() || i.contactEmail.trim() ? {
      contact: { ...alsIngevuld('telefoon', i.contactTelefoon), ...alsIngevuld('email', i.contactEmail) },
    } : {}),
  };
}

export function MeldingFormPage() {
  usePageTitle('Nieuwe melding');
  const navigate = useNavigate();
  const gebieden = useGebieden();
  const waardelijsten = useWaardelijsten();
  const registreer = useRegistreerMelding();
  const [invoer, setInvoer] = useState<Invoer>(leeg);
  const [probleem, setProbleem] = useState<ApiProblem | null>(null);
  const [samenvatting, setSamenvatting] = useState<Foutregel[] | null>(null);
  // Registered with a file a colleague works on: this page stays, with the number and why no more is shown.
  const [bijCollega, setBijCollega] = useState<MeldingBijCollega | null>(null);

  const fouten = duidelijker(veldFouten(probleem));
  const wijzig = (veld: keyof Invoer) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setInvoer((oud) => ({ ...oud, [veld]: e.target.value }));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBijCollega(null);
    registreer.mutate(naarVerzoek(invoer), {
      onSuccess: (melding) => {
        if (isBijCollega(melding)) {
          setProbleem(null); setSamenvatting(null); setInvoer(leeg()); setBijCollega(melding);
          return;
        }
        navigate(`/meldingen/${melding.id}`, { state: { geregistreerd: melding.nummer } });
      },
      onError: (err) => {
        const p = err instanceof ApiProblem ? err : null;
        setProbleem(p);
        const regels = p ? foutregels(p, { ...VELDEN, verwijzer: 'Verwijzer', signaal: 'Signaal' }).map((r) => {
          if (r.naam && GROEP_EERSTE_VELD[r.naam]) return { ...r, naam: GROEP_EERSTE_VELD[r.naam] };
          return r.naam && KEUZE_TEKST[r.naam] ? { ...r, tekst: `${VELDEN[r.naam]}: ${KEUZE_TEKST[r.naam]}` } : r;
        }) : [];
        setSamenvatting(regels.length > 0 ? regels : [{ tekst: p?.detail ?? 'De melding kon niet worden opgeslagen. Probeer het opnieuw.' }]);
      },
    });
  };

  const inleiding = probleem && probleem.invalidParams.length > 0 ? probleem.detail : undefined;

  return (
    <>
      <Heading1>Nieuwe melding</Heading1>
      <Paragraph appearance="lead">Registreer een melding of hulpvraag van een inwoner.</Paragraph>
      {bijCollega ? <BijCollegaBevestiging kop={`Melding ${bijCollega.nummer} is geregistreerd.`} bericht={bijCollega.bericht} /> : null}
      {samenvatting ? (
        <FoutSamenvatting fouten={samenvatting} {...(inleiding ? { inleiding } : {})} />
      ) : null}
      <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-describedby="formulier-uitleg">
        <Paragraph id="formulier-uitleg">Velden met (verplicht) moet u invullen. De rest is niet verplicht.</Paragraph>
        <Fieldset>
          <FieldsetLegend>Inwoner</FieldsetLegend>
          <TekstVeld
            naam="persoon.bsn" label="BSN" verplicht inputMode="numeric" autoComplete="off" className="eenvoud-breedte-10"
            beschrijving="Burgerservicenummer van 9 cijfers."
            value={invoer.bsn} onChange={wijzig('bsn')} fout={fouten['persoon.bsn']}
          />
          <TekstVeld naam="persoon.voornaam" label="Voornaam" verplicht autoComplete="off"
            value={invoer.voornaam} onChange={wijzig('voornaam')} fout={fouten['persoon.voornaam']} />
          <TekstVeld naam="persoon.tussenvoegsel" label="Tussenvoegsel" autoComplete="off" className="eenvoud-breedte-10"
            value={invoer.tussenvoegsel} onChange={wijzig('tussenvoegsel')} fout={fouten['persoon.tussenvoegsel']} />
          <TekstVeld naam="persoon.achternaam" label="Achternaam" verplicht autoComplete="off"
            value={invoer.achternaam} onChange={wijzig('achternaam')} fout={fouten['persoon.achternaam']} />
          <TekstVeld naam="persoon.geboortedatum" label="Geboortedatum" verplicht type="date" max={vandaag()} className="eenvoud-breedte-10"
            value={invoer.geboortedatum} onChange={wijzig('geboortedatum')} fout={fouten['persoon.geboortedatum']} />

          <Fieldset className="eenvoud-subfieldset" aria-describedby="adres-uitleg">
            <FieldsetLegend>Adres (niet verplicht)</FieldsetLegend>
            <Paragraph id="adres-uitleg" className="eenvoud-uitleg">
              Vult u een adres in? Vul dan in ieder geval straat, huisnummer en postcode in.
            </Paragraph>
            <TekstVeld naam="persoon.adres.straat" label="Straat" autoComplete="off"
              value={invoer.straat} onChange={wijzig('straat')} fout={fouten['persoon.adres.straat']} />
            <div className="eenvoud-rij">
              <TekstVeld naam="persoon.adres.huisnummer" label="Huisnummer" autoComplete="off" className="eenvoud-breedte-6"
                beschrijving="Met toevoeging, bijv. 12a."
                value={invoer.huisnummer} onChange={wijzig('huisnummer')} fout={fouten['persoon.adres.huisnummer']} />
              <TekstVeld naam="persoon.adres.postcode" label="Postcode" autoComplete="off" className="eenvoud-breedte-6"
                beschrijving="Bijv. 1234 AB."
                value={invoer.postcode} onChange={wijzig('postcode')} fout={fouten['persoon.adres.postcode']} />
            </div>
            <TekstVeld naam="persoon.adres.woonplaats" label="Woonplaats" autoComplete="off"
              value={invoer.woonplaats} onChange={wijzig('woonplaats')} fout={fouten['persoon.adres.woonplaats']} />
            <KeuzeVeld naam="persoon.adres.wijkId" label="Wijk" busy={gebieden.isPending}
              beschrijving={gebieden.isError ? 'De wijken konden niet worden geladen. U kunt de melding zonder wijk registreren.' : undefined}
              value={invoer.wijkId} onChange={wijzig('wijkId')} fout={fouten['persoon.adres.wijkId']}>
              <SelectOption value="">Kies een wijk</SelectOption>
              {(gebieden.data ?? []).map((kern) => (
                <optgroup key={kern.id} label={`Kern ${kern.naam}`}>
                  {kern.wijken.map((w) => <SelectOption key={w.id} value={w.id}>{w.naam}</SelectOption>)}
                </optgroup>
              ))}
            </KeuzeVeld>
          </Fieldset>
        </Fieldset>

        <Fieldset>
          <FieldsetLegend>Melding</FieldsetLegend>
          <KeuzeVeld naam="wet" label="Wet" verplicht beschrijving="Kies 'Nog onbekend' als u het niet weet."
            value={invoer.wet} onChange={wijzig('wet')} fout={fouten.wet}>
            <SelectOption value="">Kies een wet</SelectOption>
            {(waardelijsten.data?.wetten ?? []).map((w) => <SelectOption key={w.code} value={w.code}>{w.naam}</SelectOption>)}
          </KeuzeVeld>
          {invoer.wet === 'schuldhulp' ? (
            <AankruisVeld naam="spoed" label="Spoed: dreigende huisuitzetting of afsluiting van gas, licht of water"
              beschrijving="Het eerste gesprek moet dan binnen 3 werkdagen zijn."
              aan={invoer.spoed} onChange={(spoed) => setInvoer((oud) => ({ ...oud, spoed }))} fout={fouten.spoed} />
          ) : null}
          <KeuzeVeld naam="kanaal" label="Kanaal" verplicht beschrijving="Hoe kwam de melding binnen?"
            value={invoer.kanaal} onChange={wijzig('kanaal')} fout={fouten.kanaal}>
            {(waardelijsten.data?.kanalen ?? [{ code: 'telefoon', naam: 'Telefoon' }]).map((k) => (
              <SelectOption key={k.code} value={k.code}>{k.naam}</SelectOption>
            ))}
          </KeuzeVeld>
          {invoer.kanaal === 'verwijzing' ? (
            <Fieldset className="eenvoud-subfieldset">
              <FieldsetLegend>Verwijzer</FieldsetLegend>
              {fouten.verwijzer ? <Paragraph className="eenvoud-groepsfout">{fouten.verwijzer}</Paragraph> : null}
              <KeuzeVeld naam="verwijzer.soort" label="Wie verwijst?" verplicht
                value={invoer.verwijzerSoort} onChange={wijzig('verwijzerSoort')} fout={fouten['verwijzer.soort']}>
                <SelectOption value="">Kies wie verwijst</SelectOption>
                {(waardelijsten.data?.verwijzers ?? []).map((v) => <SelectOption key={v.code} value={v.code}>{v.naam}</SelectOption>)}
              </KeuzeVeld>
              <TekstVeld naam="verwijzer.naam" label="Naam van de verwijzer" verplicht autoComplete="off"
                value={invoer.verwijzerNaam} onChange={wijzig('verwijzerNaam')} fout={fouten['verwijzer.naam']} />
              <TekstVeld naam="verwijzer.organisatie" label="Organisatie" autoComplete="off"
                value={invoer.verwijzerOrganisatie} onChange={wijzig('verwijzerOrganisatie')} fout={fouten['verwijzer.organisatie']} />
              <TekstVeld naam="verwijzer.telefoon" label="Telefoon van de verwijzer" type="tel" autoComplete="off" className="eenvoud-breedte-10"
                value={invoer.verwijzerTelefoon} onChange={wijzig('verwijzerTelefoon')} fout={fouten['verwijzer.telefoon']} />
            </Fieldset>
          ) : null}
          {invoer.kanaal === 'vroegsignalering' ? (
            <Fieldset className="eenvoud-subfieldset">
              <FieldsetLegend>Signaal</FieldsetLegend>
              {fouten.signaal ? <Paragraph className="eenvoud-groepsfout">{fouten.signaal}</Paragraph> : null}
              <KeuzeVeld naam="signaal.bron" label="Bron van het signaal" verplicht
                value={invoer.signaalBron} onChange={wijzig('signaalBron')} fout={fouten['signaal.bron']}>
                <SelectOption value="">Kies de bron</SelectOption>
                {(waardelijsten.data?.signaalbronnen ?? []).map((b) => <SelectOption key={b.code} value={b.code}>{b.naam}</SelectOption>)}
              </KeuzeVeld>
              <TekstVeld naam="signaal.achterstandEuro" label="Achterstand in euro" inputMode="numeric" autoComplete="off" className="eenvoud-breedte-10"
                beschrijving="Alleen hele euro’s, bijv. 1250."
                value={invoer.signaalAchterstand} onChange={wijzig('signaalAchterstand')} fout={fouten['signaal.achterstandEuro']} />
              <TekstvakVeld naam="signaal.toelichting" label="Toelichting bij het signaal" rows={3} maxLength={1000}
                value={invoer.signaalToelichting} onChange={wijzig('signaalToelichting')} fout={fouten['signaal.toelichting']} />
            </Fieldset>
          ) : null}
          <TekstVeld naam="ontvangenOp" label="Ontvangen op" verplicht type="date" max={vandaag()} className="eenvoud-breedte-10"
            value={invoer.ontvangenOp} onChange={wijzig('ontvangenOp')} fout={fouten.ontvangenOp} />
          <TekstvakVeld naam="omschrijving" label="Omschrijving" verplicht rows={6} maxLength={4000}
            beschrijving="Wat is de vraag of het probleem van de inwoner? Schrijf alleen op wat nodig is."
            value={invoer.omschrijving} onChange={wijzig('omschrijving')} fout={fouten.omschrijving} />
        </Fieldset>

        <Fieldset aria-describedby="contact-uitleg">
          <FieldsetLegend>Contact met de inwoner (niet verplicht)</FieldsetLegend>
          <Paragraph id="contact-uitleg" className="eenvoud-uitleg">Hoe kan de casusregisseur de inwoner bereiken?</Paragraph>
          <TekstVeld naam="contact.telefoon" label="Telefoon van de inwoner" type="tel" autoComplete="off" className="eenvoud-breedte-10"
            value={invoer.contactTelefoon} onChange={wijzig('contactTelefoon')} fout={fouten['contact.telefoon']} />
          <TekstVeld naam="contact.email" label="E-mail van de inwoner" type="email" autoComplete="off"
            value={invoer.contactEmail} onChange={wijzig('contactEmail')} fout={fouten['contact.email']} />
        </Fieldset>

        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={registreer.isPending} disabled={registreer.isPending}>
            Melding registreren
          </PrimaryActionButton>
          <RouterLink to="/">Annuleren</RouterLink>
        </ButtonGroup>
      </form>
    </>
  );
}
