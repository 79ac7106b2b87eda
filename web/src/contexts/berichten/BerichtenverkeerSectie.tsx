/**
 * The traffic with one provider for the inkoper/contractmanager: messages per kind, refusals by code,
 * the lead time from toewijzing to start, signals (no start within 4 weeks; a toewijzing ending
 * within 8 weeks while care runs), and the provider's verzoeken (315, 317) with their answer term and
 * the lead time from verzoek to answer. Voorziening numbers and references only: the inkoper has no
 * need to know names.
 */
import {
  Alert, Heading2, Heading3, Paragraph, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { formatDatum } from '../../platform/format.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { SOORT_NAAM, useBerichten, useVerkeer, type Verkeer } from './api.ts';
import { BerichtenTabel } from './BerichtenTabel.tsx';
import { ANTWOORD_WERKDAGEN, VERZOEK_BADGE, VERZOEK_STATUS_NAAM } from './verzoeken.ts';

const dagen = (n: number | null): string => `${String(n).replace('.', ',')} ${n === 1 ? 'dag' : 'dagen'}`;

function perSoort(v: Verkeer) {
  const rijen = new Map<string, { soort: string; uit: number; in: number; afgekeurd: number; open: number }>();
  for (const a of v.aantallen) {
    const r = rijen.get(a.soort) ?? { soort: a.soort, uit: 0, in: 0, afgekeurd: 0, open: 0 };
    if (a.richting === 'uit') r.uit += a.aantal; else r.in += a.aantal;
    if (a.status === 'afgekeurd' || a.status === 'deels') r.afgekeurd += a.aantal;
    if (a.status === 'klaar') r.open += a.aantal;
    rijen.set(a.soort, r);
  }
  return [...rijen.values()].sort((a, b) => a.soort.localeCompare(b.soort));
}

export function BerichtenverkeerSectie({ aanbiederId }: { aanbiederId: string }) {
  const verkeer = useVerkeer(aanbiederId);
  const recent = useBerichten({ aanbiederId, pagina: 1 });
  return (
    <section aria-labelledby="kop-verkeer" className="eenvoud-sectie">
      <Heading2 id="kop-verkeer">Berichtenverkeer</Heading2>
      {verkeer.isPending ? <Laden tekst="Het berichtenverkeer wordt geladen…" /> : null}
      {verkeer.isError ? <Foutmelding fout={verkeer.error} /> : null}
      {verkeer.data ? <Overzicht v={verkeer.data} /> : null}
      {verkeer.data ? <Verzoeken v={verkeer.data.verzoeken} /> : null}
      <Heading3>Laatste berichten</Heading3>
      {recent.isError ? <Foutmelding fout={recent.error} /> : null}
      {recent.data && recent.data.items.length === 0 ? <Paragraph className="eenvoud-leeg">Met deze aanbieder zijn nog geen berichten gewisseld.</Paragraph> : null}
      {recent.data && recent.data.items.length > 0
        ? <BerichtenTabel titel={`De laatste ${recent.data.items.length} van ${recent.data.totaal} berichten`} berichten={recent.data.items} metXml={false} bezig={recent.isFetching} />
        : null}
    </section>
  );
}

function Overzicht({ v }: { v: Verkeer }) {
  const soorten = perSoort(v);
  const signalen = v.geenStart.length + v.eindigtBinnenkort.length;
  return (
    <>
      {signalen > 0 ? (
        <Alert type="warning">
          <Paragraph>
            {v.geenStart.length > 0 ? `${v.geenStart.length} ${v.geenStart.length === 1 ? 'toewijzing' : 'toewijzingen'} zonder start na ${v.drempels.geenStartDagen / 7} weken. ` : ''}
            {v.eindigtBinnenkort.length > 0 ? `${v.eindigtBinnenkort.length} ${v.eindigtBinnenkort.length === 1 ? 'toewijzing eindigt' : 'toewijzingen eindigen'} binnen ${v.drempels.eindeDagen / 7} weken terwijl de zorg loopt.` : ''}
          </Paragraph>
        </Alert>
      ) : <Paragraph>Geen signalen: elke toewijzing is binnen {v.drempels.geenStartDagen / 7} weken gestart en geen lopende zorg eindigt binnen {v.drempels.eindeDagen / 7} weken.</Paragraph>}
      <Paragraph>
        Van toewijzing tot start: {v.toewijzingTotStart.aantal === 0 ? 'nog geen start ontvangen.'
          : `gemiddeld ${String(v.toewijzingTotStart.gemiddeldDagen).replace('.', ',')} dagen, mediaan ${String(v.toewijzingTotStart.mediaanDagen).replace('.', ',')} dagen (${v.toewijzingTotStart.aantal} ${v.toewijzingTotStart.aantal === 1 ? 'start' : 'starts'}).`}
      </Paragraph>
      {soorten.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption>Berichten per soort</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Soort</TableHeaderCell>
                <TableHeaderCell scope="col">Verstuurd</TableHeaderCell>
                <TableHeaderCell scope="col">Ontvangen</TableHeaderCell>
                <TableHeaderCell scope="col">Nog niet opgehaald</TableHeaderCell>
                <TableHeaderCell scope="col">Afgekeurd</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {soorten.map((r) => (
                <TableRow key={r.soort}>
                  <TableHeaderCell scope="row">{r.soort} {SOORT_NAAM[r.soort]?.toLowerCase()}</TableHeaderCell>
                  <TableCell>{r.uit}</TableCell>
                  <TableCell>{r.in}</TableCell>
                  <TableCell>{r.open}</TableCell>
                  <TableCell>{r.afgekeurd}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {v.afkeuringen.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption>Afkeuringen per retourcode</TableCaption>
            <TableHeader><TableRow><TableHeaderCell scope="col">Retourcode</TableHeaderCell><TableHeaderCell scope="col">Betekenis</TableHeaderCell><TableHeaderCell scope="col">Aantal</TableHeaderCell></TableRow></TableHeader>
            <TableBody>
              {v.afkeuringen.map((a) => <TableRow key={a.code}><TableHeaderCell scope="row">{a.code}</TableHeaderCell><TableCell>{a.tekst}</TableCell><TableCell>{a.aantal}</TableCell></TableRow>)}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {v.geenStart.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption>Toewijzingen zonder start na {v.drempels.geenStartDagen / 7} weken</TableCaption>
            <TableHeader><TableRow><TableHeaderCell scope="col">Voorziening</TableHeaderCell><TableHeaderCell scope="col">Toewijzingnummer</TableHeaderCell><TableHeaderCell scope="col">Toegewezen op</TableHeaderCell><TableHeaderCell scope="col">Dagen</TableHeaderCell></TableRow></TableHeader>
            <TableBody>
              {v.geenStart.map((g) => <TableRow key={g.voorzieningId}><TableHeaderCell scope="row">{g.voorzieningNummer}</TableHeaderCell><TableCell>{g.toewijzingNummer}</TableCell><TableCell>{formatDatum(g.toewijzingsdatum)}</TableCell><TableCell>{g.dagen}</TableCell></TableRow>)}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {v.eindigtBinnenkort.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption>Toewijzingen die binnen {v.drempels.eindeDagen / 7} weken eindigen terwijl de zorg loopt</TableCaption>
            <TableHeader><TableRow><TableHeaderCell scope="col">Voorziening</TableHeaderCell><TableHeaderCell scope="col">Toewijzingnummer</TableHeaderCell><TableHeaderCell scope="col">Einddatum</TableHeaderCell></TableRow></TableHeader>
            <TableBody>
              {v.eindigtBinnenkort.map((g) => <TableRow key={g.voorzieningId}><TableHeaderCell scope="row">{g.voorzieningNummer}</TableHeaderCell><TableCell>{g.toewijzingNummer}</TableCell><TableCell>{formatDatum(g.einddatum)}</TableCell></TableRow>)}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </>
  );
}

/** The provider's verzoeken: the open ones with their term (a red signal when it passed) and how fast the gemeente answered. */
function Verzoeken({ v }: { v: Verkeer['verzoeken'] }) {
  const d = v.verzoekTotAntwoord;
  const verlopen = v.open.filter((o) => o.verlopen).length;
  return (
    <>
      <Heading3>Verzoeken om toewijzing en wijziging</Heading3>
      <Paragraph>
        Van verzoek tot antwoord: {d.aantal === 0 ? 'nog geen verzoek beantwoord.'
          : `gemiddeld ${dagen(d.gemiddeldDagen)}, mediaan ${dagen(d.mediaanDagen)} (${d.aantal} ${d.aantal === 1 ? 'verzoek' : 'verzoeken'} beantwoord, ${d.naTermijn} na de termijn).`}
        {' '}De gemeente antwoordt binnen {ANTWOORD_WERKDAGEN} werkdagen, of neemt het verzoek in onderzoek.
      </Paragraph>
      {verlopen > 0 ? (
        <Alert type="warning">
          <Paragraph>{verlopen} {verlopen === 1 ? 'verzoek wacht' : 'verzoeken wachten'} langer dan de termijn op antwoord.</Paragraph>
        </Alert>
      ) : null}
      {v.open.length === 0 ? <Paragraph className="eenvoud-leeg">Er staan geen verzoeken van deze aanbieder open.</Paragraph> : (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption>Open verzoeken, de kortste termijn eerst</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Soort</TableHeaderCell>
                <TableHeaderCell scope="col">Referentie</TableHeaderCell>
                <TableHeaderCell scope="col">Ontvangen</TableHeaderCell>
                <TableHeaderCell scope="col">Antwoord uiterlijk</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {v.open.map((o) => (
                <TableRow key={o.id}>
                  <TableCell>{o.soort} {SOORT_NAAM[o.soort]?.toLowerCase()}</TableCell>
                  <TableHeaderCell scope="row" className="eenvoud-nowrap">{o.referentie}</TableHeaderCell>
                  <TableCell className="eenvoud-nowrap">{formatDatum(o.ontvangenOp)}</TableCell>
                  <TableCell>
                    <span className="eenvoud-termijn-kort">
                      <span className="eenvoud-nowrap">{formatDatum(o.termijnEinde)}</span>
                      {o.verlopen ? <StatusBadge status="danger">Verlopen</StatusBadge> : null}
                    </span>
                  </TableCell>
                  <TableCell><StatusBadge status={VERZOEK_BADGE[o.status]}>{VERZOEK_STATUS_NAAM[o.status]}</StatusBadge></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
