/**
 * The page of a one-time link (ADR 38): a new user (or one who forgot) sets a password, twice, and
 * then logs in. No session needed. A used, expired or unknown link gets the API's one message.
 */
import { Alert, ButtonGroup, Heading1, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { alsProbleem } from '../../platform/acties.tsx';
import { FoutSamenvatting, TekstVeld, type Foutregel } from '../../platform/form.tsx';
import { PaginaKader } from '../../platform/layout.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { WACHTWOORD_MIN, stelWachtwoordIn } from './gebruikers.ts';

const VELDEN = { wachtwoord: 'Nieuw wachtwoord', herhaling: 'Herhaal het wachtwoord' } as const;
type Veld = keyof typeof VELDEN;

/** What the form can say before asking the server. */
function controleer(wachtwoord: string, herhaling: string): Partial<Record<Veld, string>> {
  const fouten: Partial<Record<Veld, string>> = {};
  if (wachtwoord.trim() === '') fouten.wachtwoord = 'Vul een wachtwoord in';
  else if ([...wachtwoord].length < WACHTWOORD_MIN) fouten.wachtwoord = `Het wachtwoord moet minstens ${WACHTWOORD_MIN} tekens lang zijn`;
  if (herhaling === '') fouten.herhaling = 'Vul het wachtwoord nog een keer in';
  else if (!fouten.wachtwoord && herhaling !== wachtwoord) fouten.herhaling = 'De twee wachtwoorden zijn niet gelijk';
  return fouten;
}

export function WachtwoordInstellenPage() {
  usePageTitle('Wachtwoord instellen');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [wachtwoord, setWachtwoord] = useState('');
  const [herhaling, setHerhaling] = useState('');
  const [fouten, setFouten] = useState<Partial<Record<Veld, string>>>({});
  const [samenvatting, setSamenvatting] = useState<Foutregel[] | null>(null);
  const [bezig, setBezig] = useState(false);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const vooraf = controleer(wachtwoord, herhaling);
    setFouten(vooraf);
    if (Object.keys(vooraf).length > 0) {
      setSamenvatting((Object.keys(VELDEN) as Veld[]).filter((k) => vooraf[k]).map((k) => ({ naam: k, tekst: `${VELDEN[k]}: ${vooraf[k]}` })));
      return;
    }
    setBezig(true);
    setSamenvatting(null);
    try {
      const r = await stelWachtwoordIn(token, wachtwoord);
      navigate('/inloggen', { replace: true, state: { wachtwoordIngesteld: r.gebruikersnaam } });
    } catch (err) {
      const p = alsProbleem(err);
      const opWachtwoord = p.invalidParams.find((x) => x.name === 'wachtwoord')?.reason;
      setFouten(opWachtwoord ? { wachtwoord: opWachtwoord } : {});
      // The link itself (used, expired, unknown) is no field to fix: said once, at the top.
      setSamenvatting(opWachtwoord ? [{ naam: 'wachtwoord', tekst: `${VELDEN.wachtwoord}: ${opWachtwoord}` }] : [{ tekst: p.detail }]);
      setBezig(false);
    }
  };

  return (
    <PaginaKader>
      <div className="eenvoud-smal">
        <Heading1>Wachtwoord instellen</Heading1>
        {token === '' ? (
          <Alert type="error">
            <Paragraph>Deze link is niet compleet. Open de link uit uw bericht opnieuw, of vraag de functioneel beheerder om een nieuwe link.</Paragraph>
          </Alert>
        ) : (
          <>
            <Paragraph appearance="lead">Kies een wachtwoord voor Eenvoud. Daarna logt u in met uw gebruikersnaam en dit wachtwoord.</Paragraph>
            {samenvatting ? (
              <FoutSamenvatting titel={samenvatting.some((s) => s.naam) ? undefined : 'Het wachtwoord is niet ingesteld'} fouten={samenvatting} />
            ) : null}
            <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label="Wachtwoord instellen">
              <TekstVeld
                naam="wachtwoord" label={VELDEN.wachtwoord} type="password" autoComplete="new-password" verplicht
                beschrijving={`Minstens ${WACHTWOORD_MIN} tekens. Een zin van een paar woorden is sterk en goed te onthouden.`}
                value={wachtwoord} onChange={(e) => setWachtwoord(e.target.value)} fout={fouten.wachtwoord}
              />
              <TekstVeld
                naam="herhaling" label={VELDEN.herhaling} type="password" autoComplete="new-password" verplicht
                value={herhaling} onChange={(e) => setHerhaling(e.target.value)} fout={fouten.herhaling}
              />
              <ButtonGroup>
                <PrimaryActionButton type="submit" busy={bezig} disabled={bezig}>Wachtwoord instellen</PrimaryActionButton>
              </ButtonGroup>
            </form>
          </>
        )}
      </div>
    </PaginaKader>
  );
}
