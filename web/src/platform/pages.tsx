import {
  Alert, ButtonGroup, Heading1, Heading2, Paragraph, PrimaryActionButton,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiProblem } from './api.ts';
import { functiesVoor, isAanbieder, rollenVan } from './functies.ts';
import { FoutSamenvatting, TekstVeld, foutregels, veldFouten } from './form.tsx';
import { Laden } from './guards.tsx';
import { PaginaKader } from './layout.tsx';
import { RouterLink } from './links.tsx';
import { useSessie, useSession, type Rol } from './session.tsx';
import { usePageTitle } from './usePageTitle.ts';

const LOGIN_VELDEN = { gebruikersnaam: 'Gebruikersnaam', wachtwoord: 'Wachtwoord' };

export function LoginPage() {
  usePageTitle('Inloggen');
  const { sessie, laden, uitgelogd, inloggen } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  // After a one-time link (ADR 38) the page says so and fills in the username.
  const state = location.state as { van?: string; wachtwoordIngesteld?: string } | null;
  const [gebruikersnaam, setGebruikersnaam] = useState(state?.wachtwoordIngesteld ?? '');
  const [wachtwoord, setWachtwoord] = useState('');
  const [bezig, setBezig] = useState(false);
  const [probleem, setProbleem] = useState<ApiProblem | null>(null);

  if (laden) return <PaginaKader><Laden /></PaginaKader>;
  if (sessie && !bezig) return <Navigate to={state?.van ?? '/'} replace />;

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBezig(true);
    setProbleem(null);
    try {
      await inloggen(gebruikersnaam.trim(), wachtwoord);
      navigate(state?.van && state.van !== '/inloggen' ? state.van : '/', { replace: true });
    } catch (err) {
      setProbleem(err instanceof ApiProblem ? err : new ApiProblem({
        type: 'about:blank', status: 0, code: 'onbekende-fout', title: 'Er ging iets mis', detail: 'Probeer het opnieuw.',
      }));
      setWachtwoord('');
      setBezig(false);
    }
  };

  const fouten = veldFouten(probleem);
  const regels = probleem ? foutregels(probleem, LOGIN_VELDEN) : [];

  return (
    <PaginaKader>
      <div className="eenvoud-smal">
        <Heading1>Inloggen</Heading1>
        <Paragraph appearance="lead">Log in met uw gebruikersnaam en wachtwoord van de gemeente.</Paragraph>
        {uitgelogd && !probleem && !state?.wachtwoordIngesteld ? (
          <Alert type="ok"><Paragraph>U bent uitgelogd.</Paragraph></Alert>
        ) : null}
        {state?.wachtwoordIngesteld && !probleem ? (
          <Alert type="ok" className="eenvoud-wachtwoord-ingesteld">
            <Paragraph>Uw wachtwoord is ingesteld. Log in met uw gebruikersnaam <strong>{state.wachtwoordIngesteld}</strong> en uw nieuwe wachtwoord.</Paragraph>
          </Alert>
        ) : null}
        {probleem && regels.length > 0 ? <FoutSamenvatting fouten={regels} /> : null}
        {probleem && regels.length === 0 ? (
          <Alert type="error" className="eenvoud-inlogfout">
            <Paragraph><strong>{probleem.title}</strong></Paragraph>
            <Paragraph>{probleem.detail}</Paragraph>
          </Alert>
        ) : null}
        <form onSubmit={onSubmit} noValidate className="eenvoud-form">
          <TekstVeld
            naam="gebruikersnaam" label="Gebruikersnaam" autoComplete="username" autoCapitalize="none" spellCheck={false}
            value={gebruikersnaam} onChange={(e) => setGebruikersnaam(e.target.value)} fout={fouten.gebruikersnaam}
          />
          <TekstVeld
            naam="wachtwoord" label="Wachtwoord" type="password" autoComplete="current-password"
            value={wachtwoord} onChange={(e) => setWachtwoord(e.target.value)} fout={fouten.wachtwoord}
          />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={bezig} disabled={bezig}>Inloggen</PrimaryActionButton>
          </ButtonGroup>
        </form>
        <section aria-labelledby="kop-inwoner" className="eenvoud-sectie eenvoud-inwoner">
          <Heading2 id="kop-inwoner">Bent u inwoner?</Heading2>
          <Paragraph>
            Dit is de ingang voor medewerkers. Heeft u een vraag aan de gemeente?{' '}
            <RouterLink to="/melden/demodorp">Melding doen als inwoner</RouterLink>
          </Paragraph>
          <Paragraph>
            Zoekt u hulp of activiteiten in de buurt, zonder aanvraag? <RouterLink to="/sociale-kaart/demodorp">Wat is er in de buurt?</RouterLink>
          </Paragraph>
        </section>
      </div>
    </PaginaKader>
  );
}

const ZONDER_FUNCTIES: readonly Rol[] = ['inkoper', 'subsidie'];

export function StartPage() {
  usePageTitle('Start');
  const sessie = useSessie();
  const functies = functiesVoor(sessie);
  const rollen = rollenVan(sessie);
  const rollenZonderFuncties = sessie.gebruiker.rollen.filter((r) => ZONDER_FUNCTIES.includes(r.code));
  const voornaam = sessie.gebruiker.naam.split(' ')[0] ?? sessie.gebruiker.naam;
  // Provider staff work in their portal (ADR 38); the start page is the gemeente's.
  if (isAanbieder(rollen)) return <Navigate to="/portaal" replace />;

  return (
    <>
      <Heading1>Welkom, {voornaam}</Heading1>
      <Paragraph appearance="lead">
        U werkt voor gemeente {sessie.gemeente.naam} als {sessie.gebruiker.rollen.map((r) => r.naam).join(' en ')}.
      </Paragraph>
      {functies.length > 0 ? (
        <section aria-labelledby="wat-kunt-u-doen">
          <Heading2 id="wat-kunt-u-doen">Wat kunt u doen?</Heading2>
          <ul className="eenvoud-taken">
            {functies.map((f) => (
              <li key={f.pad} className="eenvoud-taak">
                <RouterLink to={f.pad} className="eenvoud-taak__link">{f.startTitel}</RouterLink>
                <Paragraph className="eenvoud-taak__omschrijving">{f.omschrijving}</Paragraph>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {rollenZonderFuncties.length > 0 ? (
        <Alert type="info">
          <Paragraph>
            {functies.length > 0 ? 'Meer functies' : 'De functies'} voor {rollenZonderFuncties.length === 1 ? 'uw rol' : 'uw rollen'}{' '}
            {rollenZonderFuncties.map((r) => r.naam).join(' en ')} komen later beschikbaar in Eenvoud.
            {functies.length === 0 ? ' U kunt nu nog niets doen in Eenvoud.' : ''}
          </Paragraph>
        </Alert>
      ) : null}
      {functies.length === 0 && rollenZonderFuncties.length === 0 && rollen.length === 0 ? (
        <Paragraph>U heeft nog geen rol. Vraag de functioneel beheerder om u een rol te geven.</Paragraph>
      ) : null}
    </>
  );
}

export function NotFoundPage() {
  usePageTitle('Pagina niet gevonden');
  return (
    <>
      <Heading1>Pagina niet gevonden</Heading1>
      <Paragraph>Deze pagina bestaat niet. Misschien is de link verouderd of is er een typefout gemaakt in het adres.</Paragraph>
      <Paragraph><RouterLink to="/">Naar de startpagina</RouterLink></Paragraph>
    </>
  );
}
