import {
  Alert, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Heading3, Paragraph, StatusBadge, Table, TableBody,
  TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { ApiProblem } from '../../platform/api.ts';
import {
  CASUS_ROLLEN, TERMIJN_WIJZIGEN_ROLLEN, TRIAGE_ROLLEN, alleenEigenRegistraties, rollenVan,
} from '../../platform/functies.ts';
import { formatDatum, formatMoment } from '../../platform/format.ts';
import { Historietabel } from '../../platform/Historietabel.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useSessie, useSession } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { naamVan, statusBadge, useMelding, useWaardelijsten, type MeldingDetail, type Termijn } from './api.ts';
import { AfsluitFormulier, TermijnActies, TriageFormulier } from './MeldingActies.tsx';
import { TermijnBadge } from './termijn.tsx';
import { AdresTaak, HuishoudenSectie } from '../inwoners/Huishouden.tsx';

/** A BSN in groups of three, as it is printed on Dutch documents: 123 456 782. */
const formatBsn = (bsn: string) => (/^\d{9}$/.test(bsn) ? `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}` : bsn);

export function MeldingDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const geregistreerd = (location.state as { geregistreerd?: string } | null)?.geregistreerd;
  const melding = useMelding(id);
  const sessie = useSessie();
  const { heeftRol } = useSession();
  const waardelijsten = useWaardelijsten();
  const [bericht, setBericht] = useState<string | null>(null);
  const berichtRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (bericht) berichtRef.current?.focus();
  }, [bericht]);
  const lijstTitel = alleenEigenRegistraties(rollenVan(sessie)) ? 'Mijn registraties' : 'Werkvoorraad';
  usePageTitle(melding.data ? `Melding ${melding.data.nummer}` : 'Melding');

  const terug = <Paragraph><RouterLink to="/meldingen">Terug naar {lijstTitel.toLowerCase()}</RouterLink></Paragraph>;

  if (melding.isPending) {
    return <><Heading1>Melding</Heading1><Laden tekst="De melding wordt geladen…" /></>;
  }
  if (melding.isError) {
    const nietGevonden = melding.error instanceof ApiProblem && melding.error.status === 404;
    return (
      <>
        <Heading1>{nietGevonden ? 'Melding niet gevonden' : 'Melding'}</Heading1>
        <Foutmelding fout={melding.error} />
        {terug}
      </>
    );
  }

  const m = melding.data;
  const statusNaam = (code: string) => naamVan(waardelijsten.data?.meldingStatussen, code);
  const open = m.status === 'gemeld' || m.status === 'inOnderzoek';
  const magTriage = m.status === 'gemeld' && heeftRol(...TRIAGE_ROLLEN);
  const magTermijnen = open && heeftRol(...TERMIJN_WIJZIGEN_ROLLEN);
  const lopend = m.termijnen.filter((t) => t.afgerondOp === null);
  const onGelukt = (tekst: string) => setBericht(`${tekst} (om ${new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(new Date())})`);
  return (
    <>
      {terug}
      <Heading1>Melding {m.nummer}</Heading1>
      {geregistreerd === m.nummer ? (
        <Alert type="ok" className="eenvoud-bevestiging">
          <Paragraph><strong>Melding {m.nummer} is geregistreerd.</strong></Paragraph>
          <Paragraph>Geef dit nummer aan de inwoner, zodat die ernaar kan vragen. <RouterLink to="/meldingen/nieuw">Nog een melding registreren</RouterLink></Paragraph>
        </Alert>
      ) : null}

      <AdresTaak persoonId={m.persoon.id} magSchrijven={heeftRol('frontoffice', 'regisseur', 'teamleider')} />

      <section aria-labelledby="kop-melding" className="eenvoud-sectie">
        <Heading2 id="kop-melding">Gegevens van de melding</Heading2>
        <DataList className="eenvoud-datalist">
          <DataListItem><DataListKey>Nummer</DataListKey><DataListValue>{m.nummer}</DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Status</DataListKey>
            <DataListValue><StatusBadge status={statusBadge[m.status]}>{m.statusNaam}</StatusBadge></DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Wet</DataListKey>
            <DataListValue>{m.wetNaam}{m.spoed ? <> <StatusBadge status="danger">Spoed</StatusBadge></> : null}</DataListValue>
          </DataListItem>
          <DataListItem><DataListKey>Kanaal</DataListKey><DataListValue>{m.kanaalNaam}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Ontvangen op</DataListKey><DataListValue>{formatDatum(m.ontvangenOp)}</DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Omschrijving</DataListKey>
            <DataListValue multiline className="eenvoud-omschrijving">{m.omschrijving}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Geregistreerd door</DataListKey>
            <DataListValue>
              {m.geregistreerdDoor?.naam ?? (m.kanaal === 'online' ? 'De inwoner zelf (online formulier)' : 'Onbekend')} op {formatMoment(m.aangemaaktOp)}
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Casus</DataListKey>
            <DataListValue>
              {m.casus ? (heeftRol(...CASUS_ROLLEN) ? <RouterLink to={`/casussen/${m.casus.id}`}>Casus {m.casus.nummer}</RouterLink> : `Casus ${m.casus.nummer}`)
                : 'Nog geen casus'}
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Casusregisseur</DataListKey>
            <DataListValue>{m.regisseur?.naam ?? 'Nog niet opgepakt'}</DataListValue>
          </DataListItem>
          {m.triage ? (
            <DataListItem>
              <DataListKey>Triage</DataListKey>
              <DataListValue multiline className="eenvoud-omschrijving">
                {m.triage.uitkomst === 'enkelvoudig' ? 'Enkelvoudig: direct beantwoord' : 'Door naar onderzoek'}
                {m.triage.advies ? `\n${m.triage.uitkomst === 'enkelvoudig' ? 'Advies' : 'Toelichting'}: ${m.triage.advies}` : ''}
                {m.triage.product ? `\nProduct: ${m.triage.product}` : ''}
              </DataListValue>
            </DataListItem>
          ) : null}
          {m.afgerondOp ? (
            <DataListItem><DataListKey>Afgerond op</DataListKey><DataListValue>{formatDatum(m.afgerondOp)}</DataListValue></DataListItem>
          ) : null}
          {m.verwijzer ? (
            <DataListItem>
              <DataListKey>Verwijzer</DataListKey>
              <DataListValue>
                {[m.verwijzer.naam, m.verwijzer.soort ? naamVan(waardelijsten.data?.verwijzers, m.verwijzer.soort) : null, m.verwijzer.organisatie, m.verwijzer.telefoon]
                  .filter(Boolean).join(', ')}
              </DataListValue>
            </DataListItem>
          ) : null}
          {m.signaal ? (
            <DataListItem>
              <DataListKey>Signaal</DataListKey>
              <DataListValue>
                {[m.signaal.bron ? naamVan(waardelijsten.data?.signaalbronnen, m.signaal.bron) : null,
                  typeof m.signaal.achterstandEuro === 'number' ? `achterstand € ${m.signaal.achterstandEuro.toLocaleString('nl-NL')}` : null,
                  m.signaal.toelichting].filter(Boolean).join(', ')}
              </DataListValue>
            </DataListItem>
          ) : null}
        </DataList>
      </section>

      <section aria-labelledby="kop-inwoner" className="eenvoud-sectie">
        <Heading2 id="kop-inwoner">Inwoner</Heading2>
        <DataList className="eenvoud-datalist">
          <DataListItem><DataListKey>Naam</DataListKey><DataListValue>{m.persoon.naam}</DataListValue></DataListItem>
          <DataListItem><DataListKey>BSN</DataListKey><DataListValue>{formatBsn(m.persoon.bsn)}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Geboortedatum</DataListKey><DataListValue>{formatDatum(m.persoon.geboortedatum)}</DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Kern en wijk</DataListKey>
            <DataListValue>{m.kern ? [m.kern, m.wijk].filter(Boolean).join(' – ') : 'Onbekend'}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Telefoon</DataListKey>
            <DataListValue>{m.contact.telefoon ?? 'Niet bekend'}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>E-mail</DataListKey>
            <DataListValue>{m.contact.email ?? 'Niet bekend'}</DataListValue>
          </DataListItem>
        </DataList>
      </section>

      {heeftRol('regisseur', 'teamleider') ? <HuishoudenSectie huishoudenId={m.huishoudenId} magSchrijven={open} /> : null}

      {bericht ? (
        <div ref={berichtRef} tabIndex={-1} className="eenvoud-bericht">
          <Alert type="ok"><Paragraph>{bericht}</Paragraph></Alert>
        </div>
      ) : null}

      {magTriage ? (
        <section aria-labelledby="kop-triage" className="eenvoud-sectie">
          <Heading2 id="kop-triage">Triage</Heading2>
          <Paragraph>Kan de vraag direct worden beantwoord? Of is onderzoek nodig, met een casusregisseur?</Paragraph>
          <TriageFormulier melding={m} onGelukt={onGelukt} />
        </section>
      ) : null}

      <TermijnenSectie melding={m} />
      {magTermijnen && lopend.length > 0 ? (
        <section aria-labelledby="kop-termijn-acties" className="eenvoud-sectie">
          <Heading2 id="kop-termijn-acties">Termijn wijzigen</Heading2>
          {lopend.map((t) => (
            <div key={t.id}>
              {lopend.length > 1 ? <Heading3>{t.soortNaam}</Heading3> : null}
              <TermijnActies melding={m} termijn={t} onGelukt={onGelukt} />
            </div>
          ))}
        </section>
      ) : null}
      {open && heeftRol(...TERMIJN_WIJZIGEN_ROLLEN) ? (
        <section aria-labelledby="kop-afsluiten" className="eenvoud-sectie">
          <Heading2 id="kop-afsluiten">Afsluiten</Heading2>
          <AfsluitFormulier melding={m} onGelukt={onGelukt} />
        </section>
      ) : null}


      <section aria-labelledby="kop-historie" className="eenvoud-sectie">
        <Heading2 id="kop-historie">Statushistorie</Heading2>
        <Historietabel
          caption={`Statuswijzigingen van melding ${m.nummer}, de oudste eerst`}
          leegTekst="Er zijn nog geen statuswijzigingen."
          rijen={m.statushistorie.map((h) => ({
            moment: formatMoment(h.moment),
            van: h.van ? statusNaam(h.van) : 'Nieuw',
            naar: statusNaam(h.naar),
            door: h.door ?? (h.van === null && m.kanaal === 'online' ? 'De inwoner (online formulier)' : 'Onbekend'),
            reden: h.reden ?? '–',
          }))}
        />
      </section>
    </>
  );
}

function Verdaging({ t }: { t: Termijn }) {
  if (!t.verdaging) return <>Niet verdaagd</>;
  return <>Naar {formatDatum(t.verdaging.nieuweDatum)}: {t.verdaging.reden}</>;
}

/** The statutory terms of the melding, each with its suspensions. */
function TermijnenSectie({ melding: m }: { melding: MeldingDetail }) {
  return (
    <section aria-labelledby="kop-termijnen" className="eenvoud-sectie">
      <Heading2 id="kop-termijnen">Termijnen</Heading2>
      {m.termijnen.length === 0 ? <Paragraph>Voor deze melding loopt geen wettelijke termijn.</Paragraph> : (
        <>
          <div className="eenvoud-tabel">
            <Table>
              <TableCaption className="eenvoud-visueel-verborgen">Wettelijke termijnen van melding {m.nummer}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Soort</TableHeaderCell>
                  <TableHeaderCell scope="col">Grondslag</TableHeaderCell>
                  <TableHeaderCell scope="col">Start</TableHeaderCell>
                  <TableHeaderCell scope="col">Uiterste datum</TableHeaderCell>
                  <TableHeaderCell scope="col">Opgeschorte dagen</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                  <TableHeaderCell scope="col">Verdaging</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {m.termijnen.map((t) => (
                  <TableRow key={t.id}>
                    <TableCell>{t.soortNaam} <span className="eenvoud-gedimd">({t.duur})</span></TableCell>
                    <TableCell>{t.grondslag}</TableCell>
                    <TableCell className="eenvoud-nowrap">{formatDatum(t.startdatum)}</TableCell>
                    <TableCell className="eenvoud-nowrap">{formatDatum(t.uitersteDatum)}</TableCell>
                    <TableCell>{t.opgeschortDagen}</TableCell>
                    <TableCell>
                      <TermijnBadge termijn={t} />
                      {t.afgerondOp ? <span className="eenvoud-gedimd"> op {formatDatum(t.afgerondOp)}</span> : null}
                    </TableCell>
                    <TableCell><Verdaging t={t} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {m.termijnen.filter((t) => t.opschortingen.length > 0).map((t) => (
            <div key={t.id} className="eenvoud-tabel">
              <Table>
                <TableCaption>Opschortingen van de termijn {t.soortNaam}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Van</TableHeaderCell>
                    <TableHeaderCell scope="col">Tot en met</TableHeaderCell>
                    <TableHeaderCell scope="col">Reden</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {t.opschortingen.map((o) => (
                    <TableRow key={o.id}>
                      <TableCell className="eenvoud-nowrap">{formatDatum(o.van)}</TableCell>
                      <TableCell className="eenvoud-nowrap">{o.tot ? formatDatum(o.tot) : 'Loopt nog'}</TableCell>
                      <TableCell>{o.reden}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ))}
          <Paragraph className="eenvoud-gedimd">Berekend op {formatDatum(m.termijnen[0]!.berekendOp)}.</Paragraph>
        </>
      )}
    </section>
  );
}
