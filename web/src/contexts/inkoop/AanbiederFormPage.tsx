/** For the inkoper: add an aanbieder or change one (including switching it off). */
import { ButtonGroup, Fieldset, FieldsetLegend, Heading1, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiProblem } from '../../platform/api.ts';
import { alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { AankruisVeld, FoutSamenvatting, TekstVeld, foutregels, type Foutregel } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { WETTEN, useAanbieder, useBewaarAanbieder, type Aanbieder, type AanbiederInvoer } from './api.ts';

const VELDEN: Record<string, string> = {
  naam: 'Naam', agbCode: 'AGB-code', kvkNummer: 'KvK-nummer', straat: 'Straat', huisnummer: 'Huisnummer', postcode: 'Postcode',
  plaats: 'Plaats', contactNaam: 'Contactpersoon', contactEmail: 'E-mailadres', contactTelefoon: 'Telefoonnummer', wetten: 'Wetten', actief: 'Actief',
};

type Tekstvelden = Exclude<keyof AanbiederInvoer, 'wetten' | 'actief'>;
type Invoer = Record<Tekstvelden, string> & { wetten: string[]; actief: boolean };

const leeg: Invoer = {
  naam: '', agbCode: '', kvkNummer: '', straat: '', huisnummer: '', postcode: '', plaats: '', contactNaam: '', contactEmail: '', contactTelefoon: '',
  wetten: [], actief: true,
};

function vanAanbieder(a: Aanbieder): Invoer {
  return {
    naam: a.naam, agbCode: a.agbCode, kvkNummer: a.kvkNummer ?? '', straat: a.straat ?? '', huisnummer: a.huisnummer ?? '', postcode: a.postcode ?? '',
    plaats: a.plaats ?? '', contactNaam: a.contactNaam ?? '', contactEmail: a.contactEmail ?? '', contactTelefoon: a.contactTelefoon ?? '',
    wetten: [...a.wetten], actief: a.actief,
  };
}

const ofNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

function naarVerzoek(i: Invoer): AanbiederInvoer {
  return {
    naam: i.naam.trim(), agbCode: i.agbCode.trim(), kvkNummer: ofNull(i.kvkNummer), straat: ofNull(i.straat), huisnummer: ofNull(i.huisnummer),
    postcode: ofNull(i.postcode), plaats: ofNull(i.plaats), contactNaam: ofNull(i.contactNaam), contactEmail: ofNull(i.contactEmail),
    contactTelefoon: ofNull(i.contactTelefoon), wetten: i.wetten, actief: i.actief,
  };
}

export function AanbiederFormPage() {
  const { id } = useParams();
  const aanbieder = useAanbieder(id ?? '');
  const titel = id ? 'Aanbieder wijzigen' : 'Aanbieder toevoegen';
  usePageTitle(titel);
  const terug = <Paragraph><RouterLink to={id ? `/inkoop/aanbieders/${id}` : '/inkoop/aanbieders'}>{id ? 'Terug naar de aanbieder' : 'Terug naar de aanbieders'}</RouterLink></Paragraph>;
  if (id && aanbieder.isPending) return <>{terug}<Heading1>{titel}</Heading1><Laden /></>;
  if (id && aanbieder.isError) {
    const nietGevonden = aanbieder.error instanceof ApiProblem && aanbieder.error.status === 404;
    return <>{terug}<Heading1>{nietGevonden ? 'Aanbieder niet gevonden' : titel}</Heading1><Foutmelding fout={aanbieder.error} /></>;
  }
  return (
    <>
      {terug}
      <Heading1>{titel}</Heading1>
      <Formulier key={aanbieder.data?.id ?? 'nieuw'} aanbieder={id ? aanbieder.data ?? null : null} />
    </>
  );
}

function Formulier({ aanbieder }: { aanbieder: Aanbieder | null }) {
  const navigate = useNavigate();
  const bewaar = useBewaarAanbieder(aanbieder?.id ?? null);
  const { probleem, setProbleem, fouten } = useProbleem();
  const [samenvatting, setSamenvatting] = useState<Foutregel[] | null>(null);
  const [invoer, setInvoer] = useState<Invoer>(aanbieder ? vanAanbieder(aanbieder) : leeg);
  const zet = (k: Tekstvelden) => (e: { target: { value: string } }) => setInvoer((o) => ({ ...o, [k]: e.target.value }));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    bewaar.mutate(naarVerzoek(invoer), {
      onSuccess: (a) => navigate(`/inkoop/aanbieders/${a.id}`),
      onError: (err) => {
        const p = alsProbleem(err);
        setProbleem(p);
        setSamenvatting(p.invalidParams.length > 0 ? foutregels(p, VELDEN) : [{ tekst: p.detail }]);
      },
    });
  };
  const veld = (k: Tekstvelden, props: { label: string; verplicht?: boolean; beschrijving?: string; inputMode?: 'numeric' | 'email' | 'tel'; type?: string; autoComplete?: string; className?: string }) => (
    <TekstVeld naam={k} {...props} value={invoer[k]} onChange={zet(k)} fout={fouten[k]} />
  );

  return (
    <>
      {samenvatting ? <FoutSamenvatting titel={probleem?.invalidParams.length ? undefined : 'De aanbieder is niet opgeslagen'} fouten={samenvatting} /> : null}
      <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label={aanbieder ? 'Aanbieder wijzigen' : 'Aanbieder toevoegen'}>
        {veld('naam', { label: 'Naam', verplicht: true, autoComplete: 'organization' })}
        {veld('agbCode', { label: 'AGB-code', verplicht: true, inputMode: 'numeric', beschrijving: '8 cijfers, uit het AGB-register van Vektis.', className: 'eenvoud-breedte-10' })}
        {veld('kvkNummer', { label: 'KvK-nummer', inputMode: 'numeric', beschrijving: '8 cijfers.', className: 'eenvoud-breedte-10' })}
        <Fieldset>
          <FieldsetLegend>Adres</FieldsetLegend>
          <div className="eenvoud-rij">
            {veld('straat', { label: 'Straat', autoComplete: 'address-line1' })}
            {veld('huisnummer', { label: 'Huisnummer', className: 'eenvoud-breedte-6' })}
          </div>
          <div className="eenvoud-rij">
            {veld('postcode', { label: 'Postcode', autoComplete: 'postal-code', className: 'eenvoud-breedte-6' })}
            {veld('plaats', { label: 'Plaats', autoComplete: 'address-level2' })}
          </div>
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>Contact</FieldsetLegend>
          {veld('contactNaam', { label: 'Contactpersoon' })}
          {veld('contactEmail', { label: 'E-mailadres', type: 'email', inputMode: 'email' })}
          {veld('contactTelefoon', { label: 'Telefoonnummer', type: 'tel', inputMode: 'tel' })}
        </Fieldset>
        <Fieldset invalid={!!fouten.wetten} aria-describedby={fouten.wetten ? 'veld-wetten-fout' : undefined}>
          <FieldsetLegend>Wetten waarvoor de aanbieder levert (verplicht)</FieldsetLegend>
          {fouten.wetten ? <p className="eenvoud-groepsfout" id="veld-wetten-fout">{fouten.wetten}</p> : null}
          {WETTEN.map((w, i) => (
            <AankruisVeld key={w.code} naam={i === 0 ? 'wetten' : `wetten-${w.code}`} label={w.naam} aan={invoer.wetten.includes(w.code)}
              onChange={(aan) => setInvoer((o) => ({ ...o, wetten: aan ? [...o.wetten, w.code] : o.wetten.filter((c) => c !== w.code) }))} />
          ))}
        </Fieldset>
        <AankruisVeld naam="actief" label="Actief: de aanbieder kan nieuwe cliënten krijgen"
          beschrijving="Zet een aanbieder die stopt op niet actief. Lopende voorzieningen en contracten blijven leesbaar."
          aan={invoer.actief} onChange={(aan) => setInvoer((o) => ({ ...o, actief: aan }))} fout={fouten.actief} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={bewaar.isPending} disabled={bewaar.isPending}>{aanbieder ? 'Wijzigingen opslaan' : 'Aanbieder toevoegen'}</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
