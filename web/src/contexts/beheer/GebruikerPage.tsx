/**
 * One account for beheer (ADR 38): its details; name, roles, team or provider to change; a new
 * one-time link (shown once); deactivating (the user is logged out at once) or activating again,
 * each after a confirmation.
 */
import {
  Alert, Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Paragraph, PrimaryActionButton,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiProblem } from '../../platform/api.ts';
import { alsProbleem, Bericht, Probleem, useProbleem } from '../../platform/acties.tsx';
import { formatMoment } from '../../platform/format.ts';
import { TekstVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useSessie } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { GebruikerStatus } from './GebruikersPage.tsx';
import { GebruikerVelden, samenstellingVoorVerzoek, type Samenstelling } from './GebruikerVelden.tsx';
import { UitnodigingLink } from './UitnodigingLink.tsx';
import {
  useGebruiker, useGebruikerKeuzes, useNieuweUitnodiging, useWijzigGebruiker, useZetActief, type Gebruiker, type GebruikerKeuzes,
} from './gebruikers.ts';

export function GebruikerPage() {
  const { id = '' } = useParams();
  const gebruiker = useGebruiker(id);
  const keuzes = useGebruikerKeuzes();
  usePageTitle(gebruiker.data ? `Gebruiker ${gebruiker.data.naam}` : 'Gebruiker');
  const [bericht, setBericht] = useState<string | null>(null);
  const terug = <Paragraph><RouterLink to="/beheer/gebruikers">Terug naar de gebruikers</RouterLink></Paragraph>;
  if (gebruiker.isPending) return <>{terug}<Heading1>Gebruiker</Heading1><Laden /></>;
  if (gebruiker.isError) {
    const nietGevonden = gebruiker.error instanceof ApiProblem && gebruiker.error.status === 404;
    return <>{terug}<Heading1>{nietGevonden ? 'Gebruiker niet gevonden' : 'Gebruiker'}</Heading1><Foutmelding fout={gebruiker.error} /></>;
  }
  const g = gebruiker.data;
  return (
    <>
      {terug}
      <Heading1>{g.naam}</Heading1>
      <div aria-live="polite"><Bericht tekst={bericht} /></div>
      <Gegevens gebruiker={g} />
      {keuzes.data ? <Wijzigen key={`${g.id}-${g.rollen.map((r) => r.code).join()}-${g.naam}`} gebruiker={g} keuzes={keuzes.data} onGelukt={setBericht} /> : null}
      {keuzes.isError ? <Foutmelding fout={keuzes.error} /> : null}
      <Uitnodiging gebruiker={g} />
      <Account gebruiker={g} onGelukt={setBericht} />
    </>
  );
}

function Gegevens({ gebruiker: g }: { gebruiker: Gebruiker }) {
  return (
    <section aria-labelledby="kop-gegevens" className="eenvoud-sectie">
      <Heading2 id="kop-gegevens">Gegevens</Heading2>
      <DataList className="eenvoud-datalist">
        <DataListItem><DataListKey>Gebruikersnaam</DataListKey><DataListValue>{g.gebruikersnaam}</DataListValue></DataListItem>
        <DataListItem>
          <DataListKey>Soort</DataListKey>
          <DataListValue>{g.soort === 'aanbieder' ? 'Medewerker van een zorgaanbieder' : 'Medewerker van de gemeente'}</DataListValue>
        </DataListItem>
        <DataListItem><DataListKey>Rollen</DataListKey><DataListValue>{g.rollen.map((r) => r.naam).join(', ')}</DataListValue></DataListItem>
        {g.soort === 'aanbieder' ? (
          <DataListItem><DataListKey>Zorgaanbieder</DataListKey><DataListValue>{g.aanbieder?.naam ?? '–'}</DataListValue></DataListItem>
        ) : (
          <DataListItem><DataListKey>Team</DataListKey><DataListValue>{g.team?.naam ?? 'Geen team'}</DataListValue></DataListItem>
        )}
        <DataListItem><DataListKey>Status</DataListKey><DataListValue><GebruikerStatus gebruiker={g} /></DataListValue></DataListItem>
        <DataListItem><DataListKey>Wachtwoord</DataListKey><DataListValue>{g.wachtwoordIngesteld ? 'Ingesteld' : 'Nog niet ingesteld'}</DataListValue></DataListItem>
        <DataListItem>
          <DataListKey>Eenmalige link</DataListKey>
          <DataListValue>{g.uitnodiging ? `Open, geldig tot ${formatMoment(g.uitnodiging.verlooptOp)}` : 'Geen open link'}</DataListValue>
        </DataListItem>
        <DataListItem><DataListKey>Toegevoegd op</DataListKey><DataListValue>{formatMoment(g.aangemaaktOp)}</DataListValue></DataListItem>
        {g.gedeactiveerdOp ? (
          <DataListItem><DataListKey>Gedeactiveerd op</DataListKey><DataListValue>{formatMoment(g.gedeactiveerdOp)}</DataListValue></DataListItem>
        ) : null}
      </DataList>
    </section>
  );
}

function Wijzigen({ gebruiker: g, keuzes, onGelukt }: { gebruiker: Gebruiker; keuzes: GebruikerKeuzes; onGelukt: (t: string) => void }) {
  const wijzig = useWijzigGebruiker(g.id);
  const { probleem, setProbleem, fouten } = useProbleem();
  const [naam, setNaam] = useState(g.naam);
  const [samenstelling, setSamenstelling] = useState<Samenstelling>({
    rollen: g.rollen.map((r) => r.code).filter((r) => r !== 'aanbieder'), teamId: g.team?.id ?? '', aanbiederId: g.aanbieder?.id ?? '',
  });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    wijzig.mutate({ naam: naam.trim(), ...samenstellingVoorVerzoek(g.soort, samenstelling) }, {
      onSuccess: (n) => onGelukt(`De gegevens van ${n.naam} zijn opgeslagen. Een gewijzigde rol geldt bij de volgende klik van de gebruiker.`),
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };
  return (
    <section aria-labelledby="kop-wijzigen" className="eenvoud-sectie">
      <Heading2 id="kop-wijzigen">Wijzigen</Heading2>
      <Probleem probleem={probleem} />
      <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-labelledby="kop-wijzigen">
        <TekstVeld naam="naam" label="Naam" verplicht value={naam} onChange={(e) => setNaam(e.target.value)} fout={fouten.naam} />
        <GebruikerVelden soort={g.soort} keuzes={keuzes} waarde={samenstelling} onChange={setSamenstelling} fouten={fouten} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={wijzig.isPending} disabled={wijzig.isPending}>Wijzigingen opslaan</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </section>
  );
}

function Uitnodiging({ gebruiker: g }: { gebruiker: Gebruiker }) {
  const maak = useNieuweUitnodiging(g.id);
  const [link, setLink] = useState<{ url: string; verlooptOp: string } | null>(null);
  return (
    <section aria-labelledby="kop-link" className="eenvoud-sectie">
      <Heading2 id="kop-link">Wachtwoord instellen</Heading2>
      <Paragraph>
        Met een eenmalige link stelt de gebruiker zelf een wachtwoord in, ook als het oude vergeten is. Een nieuwe link laat een oudere vervallen.
      </Paragraph>
      {maak.isError ? <Probleem probleem={alsProbleem(maak.error)} /> : null}
      {g.actief ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" type="button" busy={maak.isPending} disabled={maak.isPending}
            onClick={() => maak.mutate(undefined, { onSuccess: (n) => { if (n.uitnodiging?.url) setLink({ url: n.uitnodiging.url, verlooptOp: n.uitnodiging.verlooptOp }); } })}>
            Nieuwe uitnodiging
          </Button>
        </ButtonGroup>
      ) : <Paragraph>Activeer de gebruiker eerst om een nieuwe link te maken.</Paragraph>}
      {link ? <UitnodigingLink url={link.url} verlooptOp={link.verlooptOp} voor={g.naam} /> : null}
    </section>
  );
}

function Account({ gebruiker: g, onGelukt }: { gebruiker: Gebruiker; onGelukt: (t: string) => void }) {
  const sessie = useSessie();
  const zet = useZetActief(g.id);
  const [bevestigen, setBevestigen] = useState(false);
  const vraagRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (bevestigen) vraagRef.current?.focus();
  }, [bevestigen]);
  const eigen = sessie.gebruiker.id === g.id;
  const actie = g.actief ? 'deactiveren' : 'activeren';
  const doe = () => zet.mutate(!g.actief, {
    onSuccess: (n) => {
      setBevestigen(false);
      onGelukt(n.actief ? `${n.naam} is weer actief en kan inloggen${n.wachtwoordIngesteld ? '' : ' zodra het wachtwoord is ingesteld'}.` : `${n.naam} is gedeactiveerd en meteen uitgelogd.`);
    },
  });
  return (
    <section aria-labelledby="kop-account" className="eenvoud-sectie">
      <Heading2 id="kop-account">{g.actief ? 'Deactiveren' : 'Activeren'}</Heading2>
      {eigen && g.actief ? <Paragraph>Uw eigen account kunt u niet deactiveren. Vraag dat een andere functioneel beheerder.</Paragraph> : null}
      {!eigen || !g.actief ? (
        <>
          <Paragraph>
            {g.actief
              ? 'Een gedeactiveerde gebruiker is meteen uitgelogd en kan niet meer inloggen. Een open link vervalt. U kunt de gebruiker later weer activeren.'
              : 'Na activeren kan de gebruiker weer inloggen met het eigen wachtwoord.'}
          </Paragraph>
          {zet.isError ? <Probleem probleem={alsProbleem(zet.error)} /> : null}
          {!bevestigen ? (
            <ButtonGroup>
              <Button appearance="secondary-action-button" type="button" onClick={() => setBevestigen(true)}>
                {g.actief ? 'Gebruiker deactiveren' : 'Gebruiker activeren'}
              </Button>
            </ButtonGroup>
          ) : (
            <div ref={vraagRef} tabIndex={-1} className="eenvoud-bevestig" role="group" aria-labelledby="bevestig-account">
              <Alert type="warning">
                <Paragraph id="bevestig-account"><strong>Weet u zeker dat u {g.naam} wilt {actie}?</strong></Paragraph>
                <ButtonGroup>
                  <PrimaryActionButton type="button" busy={zet.isPending} disabled={zet.isPending} onClick={doe}>Ja, {actie}</PrimaryActionButton>
                  <Button appearance="secondary-action-button" type="button" onClick={() => setBevestigen(false)}>Annuleren</Button>
                </ButtonGroup>
              </Alert>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
