/**
 * "Nieuwe gebruiker" for beheer (ADR 38): a member of the gemeente's staff (roles, team) or of a
 * provider (the provider). Afterwards the one-time link is shown here, once; in demo mode beheer
 * may set the password itself instead.
 */
import { ButtonGroup, Heading1, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { alsProbleem, Bericht, useProbleem } from '../../platform/acties.tsx';
import { FoutSamenvatting, RondjesVeld, TekstVeld, foutregels, type Foutregel } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { GebruikerVelden, samenstellingVoorVerzoek, type Samenstelling } from './GebruikerVelden.tsx';
import { UitnodigingLink } from './UitnodigingLink.tsx';
import { useGebruikerKeuzes, useMaakGebruiker, type Gebruiker, type GebruikerKeuzes, type Soort } from './gebruikers.ts';

const VELDEN: Record<string, string> = {
  soort: 'Soort gebruiker', naam: 'Naam', gebruikersnaam: 'Gebruikersnaam', rollen: 'Rollen', teamId: 'Team', aanbiederId: 'Zorgaanbieder', wachtwoord: 'Wachtwoord',
};

export function NieuweGebruikerPage() {
  usePageTitle('Nieuwe gebruiker');
  const keuzes = useGebruikerKeuzes();
  const [gemaakt, setGemaakt] = useState<Gebruiker | null>(null);
  const terug = <Paragraph><RouterLink to="/beheer/gebruikers">Terug naar de gebruikers</RouterLink></Paragraph>;
  return (
    <>
      {terug}
      <Heading1>Nieuwe gebruiker</Heading1>
      {keuzes.isPending ? <Laden /> : null}
      {keuzes.isError ? <Foutmelding fout={keuzes.error} /> : null}
      {gemaakt ? <Gemaakt gebruiker={gemaakt} onNogEen={() => setGemaakt(null)} /> : null}
      {keuzes.data && !gemaakt ? <Formulier keuzes={keuzes.data} onGemaakt={setGemaakt} /> : null}
    </>
  );
}

function Gemaakt({ gebruiker: g, onNogEen }: { gebruiker: Gebruiker; onNogEen: () => void }) {
  const wie = g.soort === 'aanbieder' ? `${g.naam} (${g.aanbieder?.naam ?? 'zorgaanbieder'})` : g.naam;
  return (
    <>
      {g.uitnodiging?.url ? (
        <>
          <Paragraph>De gebruiker <strong>{wie}</strong> is toegevoegd met gebruikersnaam <strong>{g.gebruikersnaam}</strong>.</Paragraph>
          <UitnodigingLink url={g.uitnodiging.url} verlooptOp={g.uitnodiging.verlooptOp} voor={g.naam} />
        </>
      ) : (
        <Bericht tekst={`De gebruiker ${wie} is toegevoegd met gebruikersnaam ${g.gebruikersnaam} en het wachtwoord dat u koos.`} />
      )}
      <Paragraph>
        <RouterLink to={`/beheer/gebruikers/${g.id}`}>Naar {g.naam}</RouterLink>
        {' · '}
        <RouterLink to="/beheer/gebruikers/nieuw" onClick={onNogEen}>Nog een gebruiker toevoegen</RouterLink>
      </Paragraph>
    </>
  );
}

function Formulier({ keuzes, onGemaakt }: { keuzes: GebruikerKeuzes; onGemaakt: (g: Gebruiker) => void }) {
  const maak = useMaakGebruiker();
  const { probleem, setProbleem, fouten } = useProbleem();
  const [samenvatting, setSamenvatting] = useState<Foutregel[] | null>(null);
  const [soort, setSoort] = useState<Soort>('medewerker');
  const [naam, setNaam] = useState('');
  const [gebruikersnaam, setGebruikersnaam] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  const [samenstelling, setSamenstelling] = useState<Samenstelling>({ rollen: [], teamId: '', aanbiederId: '' });

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setSamenvatting(null);
    maak.mutate({
      naam: naam.trim(), gebruikersnaam: gebruikersnaam.trim(), ...samenstellingVoorVerzoek(soort, samenstelling),
      ...(keuzes.wachtwoordDirect && wachtwoord !== '' ? { wachtwoord } : {}),
    }, {
      onSuccess: onGemaakt,
      onError: (err) => {
        const p = alsProbleem(err);
        setProbleem(p);
        setSamenvatting(p.invalidParams.length > 0 ? foutregels(p, VELDEN) : [{ tekst: p.detail }]);
      },
    });
  };

  return (
    <>
      {samenvatting ? <FoutSamenvatting titel={probleem?.invalidParams.length ? undefined : 'De gebruiker is niet toegevoegd'} fouten={samenvatting} /> : null}
      <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label="Nieuwe gebruiker">
        <RondjesVeld naam="soort" label="Soort gebruiker" waarde={soort} onChange={(s) => setSoort(s as Soort)} opties={[
          { code: 'medewerker', naam: 'Medewerker van de gemeente' },
          { code: 'aanbieder', naam: 'Medewerker van een zorgaanbieder' },
        ]} />
        <TekstVeld naam="naam" label="Naam" verplicht autoComplete="off" value={naam} onChange={(e) => setNaam(e.target.value)} fout={fouten.naam} />
        <TekstVeld naam="gebruikersnaam" label="Gebruikersnaam" verplicht autoComplete="off" autoCapitalize="none" spellCheck={false}
          beschrijving="Hiermee logt de gebruiker in: kleine letters, cijfers, punten of streepjes, bijvoorbeeld j.jansen."
          value={gebruikersnaam} onChange={(e) => setGebruikersnaam(e.target.value)} fout={fouten.gebruikersnaam} />
        <GebruikerVelden soort={soort} keuzes={keuzes} waarde={samenstelling} onChange={setSamenstelling} fouten={fouten} />
        {keuzes.wachtwoordDirect ? (
          <TekstVeld naam="wachtwoord" label="Wachtwoord (alleen in de demo)" type="password" autoComplete="new-password"
            beschrijving={`Laat leeg om een eenmalige link te maken, zoals buiten de demo altijd. Minstens ${keuzes.wachtwoordMinimum} tekens.`}
            value={wachtwoord} onChange={(e) => setWachtwoord(e.target.value)} fout={fouten.wachtwoord} />
        ) : null}
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={maak.isPending} disabled={maak.isPending}>Gebruiker toevoegen</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
