/**
 * Online meldingen that wait for the intake: the public form never links a melding to a person who
 * is already known here (a stranger could type someone's BSN). The frontoffice or teamleider compares
 * what was typed with the person known under that BSN, and links it, creates a new person, or rejects it.
 */
import {
  Alert, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Paragraph, PrimaryActionButton,
  SecondaryActionButton, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Probleem, Uitklap, alsProbleem } from '../../platform/acties.tsx';
import { formatDatum } from '../../platform/format.ts';
import { TekstvakVeld, veldFouten } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import type { ApiProblem } from '../../platform/api.ts';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { naamVan, useWaardelijsten } from './api.ts';
import { BijCollegaBevestiging } from './BijCollega.tsx';
import { useKoppelOnlineMelding, useOnlineMelding, useOnlineMeldingen, useWijsOnlineMeldingAf, type OnlineMeldingDetail, type OnlineMeldingGekoppeld } from './online-api.ts';

const formatBsn = (bsn: string) => (/^\d{9}$/.test(bsn) ? `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}` : bsn);

/** On the werkvoorraad of the frontoffice and teamleider: nothing when nothing waits. */
export function OnlineMeldingenTeKoppelen() {
  const lijst = useOnlineMeldingen();
  const waardelijsten = useWaardelijsten();
  const data = lijst.data;
  if (lijst.isError) return <Foutmelding fout={lijst.error} />;
  if (!data || data.resultaten.length === 0) return null;
  return (
    <section aria-labelledby="kop-online-koppelen" className="eenvoud-sectie">
      <Heading2 id="kop-online-koppelen">Online meldingen om te koppelen</Heading2>
      <Paragraph>
        Deze inwoners vulden online een BSN in dat hier al bekend is (of dat de BRP anders kent). Een online melding komt nooit vanzelf
        bij een bekende inwoner: vergelijk de gegevens en koppel de melding, of neem eerst contact op.
      </Paragraph>
      <div className="eenvoud-tabel eenvoud-tabel--kaarten">
        <Table>
          <TableCaption>Online meldingen om te koppelen: {data.totaal}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Referentie</TableHeaderCell>
              <TableHeaderCell scope="col">Ingevulde naam</TableHeaderCell>
              <TableHeaderCell scope="col">Ontvangen op</TableHeaderCell>
              <TableHeaderCell scope="col">Onderwerp</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.resultaten.map((o) => (
              <TableRow key={o.id}>
                <TableCell className="eenvoud-nowrap" data-label="Referentie"><RouterLink to={`/online-meldingen/${o.id}`}>{o.referentie}</RouterLink></TableCell>
                <TableCell data-label="Ingevulde naam">{o.naam}</TableCell>
                <TableCell className="eenvoud-nowrap" data-label="Ontvangen op">{formatDatum(o.ontvangenOp)}</TableCell>
                <TableCell data-label="Onderwerp">{naamVan(waardelijsten.data?.wetten, o.ingediend.onderwerp)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}

export function OnlineMeldingPage() {
  const { id = '' } = useParams();
  const online = useOnlineMelding(id);
  usePageTitle(online.data ? `Online melding ${online.data.referentie}` : 'Online melding');
  if (online.isPending) return <Laden tekst="De online melding wordt geladen…" />;
  if (online.isError) return <Foutmelding fout={online.error} />;
  return <OnlineMeldingInhoud o={online.data} />;
}

function OnlineMeldingInhoud({ o }: { o: OnlineMeldingDetail }) {
  const waardelijsten = useWaardelijsten();
  const navigate = useNavigate();
  const koppel = useKoppelOnlineMelding(o.id);
  const afwijzen = useWijsOnlineMeldingAf(o.id);
  const [probleem, setProbleem] = useState<ApiProblem | null>(null);
  const [reden, setReden] = useState('');
  const [afgewezen, setAfgewezen] = useState(false);
  // Linked to a file a colleague handles: this page stays, with the number and where it went.
  const [bijCollega, setBijCollega] = useState<OnlineMeldingGekoppeld | null>(null);
  const i = o.ingediend;
  const naam = [i.persoon.voornaam, i.persoon.tussenvoegsel, i.persoon.achternaam].filter(Boolean).join(' ');
  const bekend = o.bekendePersoon;

  const koppelen = (k: Parameters<typeof koppel.mutate>[0]) => {
    setProbleem(null);
    koppel.mutate(k, {
      // The melding page confirms it the way it confirms a new registration.
      onSuccess: (r) => {
        if (r.bijCollega) setBijCollega(r);
        else void navigate(`/meldingen/${r.meldingId}`, { state: { geregistreerd: r.meldingNummer } });
      },
      onError: (e) => setProbleem(alsProbleem(e)),
    });
  };
  const onAfwijzen = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    afwijzen.mutate(reden, { onSuccess: () => setAfgewezen(true), onError: (f) => setProbleem(alsProbleem(f)) });
  };
  const fouten = veldFouten(probleem);

  return (
    <>
      <Heading1>Online melding {o.referentie}</Heading1>
      {afgewezen ? <Alert type="ok"><Paragraph role="status">De online melding is afgewezen.</Paragraph></Alert> : null}
      {bijCollega ? <BijCollegaBevestiging kop={`De online melding is gekoppeld als melding ${bijCollega.meldingNummer}.`} bericht={bijCollega.bericht} /> : null}
      <section aria-labelledby="kop-ingevuld" className="eenvoud-sectie">
        <Heading2 id="kop-ingevuld">Wat de inwoner invulde</Heading2>
        <DataList className="eenvoud-datalist">
          <DataListItem><DataListKey>Naam</DataListKey><DataListValue>{naam}</DataListValue></DataListItem>
          <DataListItem><DataListKey>BSN</DataListKey><DataListValue>{formatBsn(i.persoon.bsn)}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Geboortedatum</DataListKey><DataListValue>{formatDatum(i.persoon.geboortedatum)}</DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Adres</DataListKey>
            <DataListValue>{i.adres ? `${i.adres.straat} ${i.adres.huisnummer}, ${i.adres.postcode} ${i.adres.woonplaats ?? ''}`.trim() : i.geenVastAdres ? 'Geen vast adres' : 'Niet ingevuld'}</DataListValue>
          </DataListItem>
          <DataListItem><DataListKey>Telefoon</DataListKey><DataListValue>{i.contact?.telefoon ?? 'Niet ingevuld'}</DataListValue></DataListItem>
          <DataListItem><DataListKey>E-mail</DataListKey><DataListValue>{i.contact?.email ?? 'Niet ingevuld'}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Onderwerp</DataListKey><DataListValue>{naamVan(waardelijsten.data?.wetten, i.onderwerp)}{i.spoed ? ' (spoed)' : ''}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Vraag</DataListKey><DataListValue multiline className="eenvoud-omschrijving">{i.omschrijving}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Ontvangen op</DataListKey><DataListValue>{formatDatum(o.ontvangenOp)}</DataListValue></DataListItem>
        </DataList>
      </section>

      {o.status === 'gekoppeld' && o.melding && !bijCollega ? (
        o.meldingInzien
          ? <Paragraph>Gekoppeld: <RouterLink to={`/meldingen/${o.melding.id}`}>melding {o.melding.nummer}</RouterLink>.</Paragraph>
          : <Paragraph>Gekoppeld als melding {o.melding.nummer}, bij een dossier dat een collega behandelt.</Paragraph>
      ) : null}
      {o.status === 'afgewezen' && !afgewezen ? <Paragraph>Afgewezen{o.reden ? `: ${o.reden}` : '.'}</Paragraph> : null}

      {o.status === 'teMatchen' && !afgewezen ? (
        <section aria-labelledby="kop-koppelen" className="eenvoud-sectie">
          <Heading2 id="kop-koppelen">Koppelen</Heading2>
          <Probleem probleem={probleem} />
          {bekend ? (
            <>
              <Paragraph>
                Onder dit BSN is bekend: <strong>{bekend.naam}</strong>, geboren op <strong>{formatDatum(bekend.geboortedatum)}</strong>.
                Past dat bij wat de inwoner invulde? Twijfelt u, bel dan eerst het opgegeven telefoonnummer.
                Bij het koppelen veranderen de gegevens van de inwoner niet; het ingevulde telefoonnummer en e-mailadres horen bij de melding.
              </Paragraph>
              <ButtonGroup>
                <PrimaryActionButton type="button" busy={koppel.isPending} disabled={koppel.isPending} onClick={() => koppelen({ persoonId: bekend.id })}>
                  Koppelen aan {bekend.naam}
                </PrimaryActionButton>
              </ButtonGroup>
            </>
          ) : (
            <>
              <Paragraph>Onder dit BSN is hier niemand bekend (de BRP kent het met andere gegevens). Maak een nieuwe inwoner aan uit wat is ingevuld.</Paragraph>
              <ButtonGroup>
                <PrimaryActionButton type="button" busy={koppel.isPending} disabled={koppel.isPending} onClick={() => koppelen({ nieuwePersoon: true })}>
                  Nieuwe inwoner aanmaken
                </PrimaryActionButton>
              </ButtonGroup>
            </>
          )}
          <Uitklap titel="Afwijzen">
            <form onSubmit={onAfwijzen} noValidate className="eenvoud-form" aria-label="Online melding afwijzen">
              <TekstvakVeld naam="reden" label="Reden" verplicht rows={3} maxLength={1000}
                beschrijving="Bijvoorbeeld: gebeld, de inwoner heeft deze melding niet gedaan."
                value={reden} onChange={(e) => setReden(e.target.value)} fout={fouten.reden} />
              <ButtonGroup>
                <SecondaryActionButton type="submit" busy={afwijzen.isPending} disabled={afwijzen.isPending}>Afwijzen</SecondaryActionButton>
              </ButtonGroup>
            </form>
          </Uitklap>
        </section>
      ) : null}
      <Paragraph><RouterLink to="/meldingen">Terug naar de werkvoorraad</RouterLink></Paragraph>
    </>
  );
}
