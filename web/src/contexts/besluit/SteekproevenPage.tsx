/**
 * Quality control of decisions: each month a reproducible random sample of sent beschikkingen,
 * reviewed by a colleague who did not take part, on content (inhoud) and law (recht).
 */
import {
  ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Paragraph, PrimaryActionButton, SelectOption, StatusBadge,
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Bericht, Probleem, Uitklap, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { ApiProblem } from '../../platform/api.ts';
import { formatMoment, vandaag } from '../../platform/format.ts';
import { KeuzeVeld, RondjesVeld, TekstVeld, TekstvakVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useSessie, useSession } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import {
  STEEKPROEF_UITKOMSTEN, bekendeSteekproeven, onthoudSteekproef, steekproefUitkomstNaam, useBeoordeelSteekproefItem, useSteekproef,
  useSteekproefResultaten, useTrekSteekproef, type Antwoord, type Steekproef, type SteekproefItem, type SteekproefUitkomst,
} from './api.ts';

const maandFormat = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
export const maandNaam = (maand: string): string => (/^\d{4}-\d{2}$/.test(maand) ? maandFormat.format(new Date(`${maand}-15T12:00:00Z`)) : maand);

export function SteekproevenPage() {
  usePageTitle('Steekproeven');
  const sessie = useSessie();
  const { heeftRol } = useSession();
  const navigate = useNavigate();
  const trek = useTrekSteekproef();
  const { probleem, setProbleem, fouten } = useProbleem();
  const [maand, setMaand] = useState(vandaag().slice(0, 7));
  const [conflictMaand, setConflictMaand] = useState<string | null>(null);
  const bekend = bekendeSteekproeven(sessie.gemeente.id);
  const bekendeId = conflictMaand ? bekend.find((b) => b.maand === conflictMaand)?.id : undefined;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setConflictMaand(null);
    trek.mutate(maand, {
      onSuccess: (s) => {
        onthoudSteekproef(sessie.gemeente.id, s.maand, s.id);
        navigate(`/steekproeven/${s.id}`);
      },
      onError: (err) => {
        if (err instanceof ApiProblem && err.status === 409) setConflictMaand(maand);
        setProbleem(alsProbleem(err));
      },
    });
  };

  return (
    <>
      <Heading1>Steekproeven</Heading1>
      <Paragraph appearance="lead">
        Elke maand een willekeurige steekproef uit de verzonden beschikkingen. Een collega die niet meewerkte aan het besluit beoordeelt het op inhoud en recht.
      </Paragraph>
      {heeftRol('teamleider', 'beleid') ? (
        <section aria-labelledby="kop-trekken" className="eenvoud-sectie">
          <Heading2 id="kop-trekken">Steekproef trekken</Heading2>
          <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label="Steekproef trekken">
            <Probleem probleem={probleem} />
            {bekendeId ? <Paragraph><RouterLink to={`/steekproeven/${bekendeId}`}>Steekproef van {maandNaam(conflictMaand!)} openen</RouterLink></Paragraph> : null}
            <TekstVeld naam="maand" label="Maand" verplicht type="month" className="eenvoud-breedte-10"
              beschrijving="Uit de beschikkingen die in deze maand zijn verzonden. Elke maand kan één keer; dezelfde maand geeft altijd dezelfde trekking."
              value={maand} onChange={(e) => setMaand(e.target.value)} fout={fouten.maand} />
            <ButtonGroup><PrimaryActionButton type="submit" busy={trek.isPending} disabled={trek.isPending}>Steekproef trekken</PrimaryActionButton></ButtonGroup>
          </form>
          {bekend.length > 0 ? (
            <>
              <Heading2 id="kop-eerder">Eerder getrokken</Heading2>
              <ul className="eenvoud-kaal" aria-labelledby="kop-eerder">
                {bekend.map((b) => <li key={b.id}><RouterLink to={`/steekproeven/${b.id}`}>Steekproef van {maandNaam(b.maand)}</RouterLink></li>)}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <Resultaten />
    </>
  );
}

function Resultaten() {
  const huidigJaar = Number(vandaag().slice(0, 4));
  const [jaar, setJaar] = useState(String(huidigJaar));
  const resultaten = useSteekproefResultaten(jaar);
  return (
    <section aria-labelledby="kop-resultaten" className="eenvoud-sectie">
      <Heading2 id="kop-resultaten">Uitkomsten per team</Heading2>
      <form className="eenvoud-filters" aria-label="Jaar kiezen" onSubmit={(e) => e.preventDefault()}>
        <KeuzeVeld naam="jaar" label="Jaar" value={jaar} onChange={(e) => setJaar(e.target.value)}>
          {[huidigJaar, huidigJaar - 1, huidigJaar - 2].map((j) => <SelectOption key={j} value={String(j)}>{j}</SelectOption>)}
        </KeuzeVeld>
      </form>
      {resultaten.isPending ? <Laden tekst="De uitkomsten worden geladen…" /> : null}
      {resultaten.isError ? <Foutmelding fout={resultaten.error} /> : null}
      {resultaten.data && resultaten.data.length === 0 ? <Paragraph className="eenvoud-leeg">In {jaar} is nog geen steekproef getrokken.</Paragraph> : null}
      {resultaten.data && resultaten.data.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table busy={resultaten.isFetching}>
            <TableCaption>Uitkomsten van de steekproeven in {jaar}, per team</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Team</TableHeaderCell>
                <TableHeaderCell scope="col">Getrokken</TableHeaderCell>
                <TableHeaderCell scope="col">Beoordeeld</TableHeaderCell>
                <TableHeaderCell scope="col">In orde</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {resultaten.data.map((r) => (
                <TableRow key={r.team}>
                  <TableCell>{r.team}</TableCell>
                  <TableCell>{r.getrokken}</TableCell>
                  <TableCell>{r.beoordeeld}</TableCell>
                  <TableCell>
                    {r.beoordeeld === 0 ? 'Nog niets beoordeeld' : `${r.inOrde} van ${r.beoordeeld} in orde (${Math.round((r.aandeelInOrde ?? 0) * 100)}%)`}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}

export function SteekproefPage() {
  const { id = '' } = useParams();
  const steekproef = useSteekproef(id);
  const { heeftRol } = useSession();
  const [bericht, setBericht] = useState<string | null>(null);
  usePageTitle(steekproef.data ? `Steekproef ${maandNaam(steekproef.data.maand)}` : 'Steekproef');
  const terug = heeftRol('teamleider', 'beleid') ? <Paragraph><RouterLink to="/steekproeven">Terug naar de steekproeven</RouterLink></Paragraph> : null;

  if (steekproef.isPending) return <><Heading1>Steekproef</Heading1><Laden tekst="De steekproef wordt geladen…" /></>;
  if (steekproef.isError) return <>{terug}<Heading1>Steekproef</Heading1><Foutmelding fout={steekproef.error} /></>;
  const s = steekproef.data;
  const magBeoordelen = heeftRol('beslisser', 'teamleider');

  return (
    <>
      {terug}
      <Heading1>Steekproef {maandNaam(s.maand)}</Heading1>
      <Bericht tekst={bericht} />
      <DataList className="eenvoud-datalist">
        <DataListItem><DataListKey>Verzonden beschikkingen</DataListKey><DataListValue>{s.populatie}</DataListValue></DataListItem>
        <DataListItem><DataListKey>Getrokken</DataListKey><DataListValue>{s.items.length} ({s.percentage}%)</DataListValue></DataListItem>
        <DataListItem><DataListKey>Beoordeeld</DataListKey><DataListValue>{s.items.filter((i) => i.uitkomst).length} van {s.items.length}</DataListValue></DataListItem>
      </DataList>

      <section aria-labelledby="kop-getrokken" className="eenvoud-sectie">
        <Heading2 id="kop-getrokken">Getrokken besluiten</Heading2>
        {s.items.length === 0 ? <Paragraph className="eenvoud-leeg">In {maandNaam(s.maand)} is geen beschikking verzonden, dus er is niets getrokken.</Paragraph> : (
          <div className="eenvoud-tabel">
            <Table>
              <TableCaption className="eenvoud-visueel-verborgen">Getrokken besluiten en hun beoordeling</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Beschikking</TableHeaderCell>
                  <TableHeaderCell scope="col">Team</TableHeaderCell>
                  <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
                  <TableHeaderCell scope="col">Beoordeeld door</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {s.items.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell className="eenvoud-nowrap">
                      {heeftRol('beslisser', 'regisseur', 'teamleider') ? <RouterLink to={`/beschikkingen/${i.beschikkingId}`}>{i.nummer}</RouterLink> : i.nummer}
                    </TableCell>
                    <TableCell>{i.team ?? 'Zonder team'}</TableCell>
                    <TableCell>
                      {i.uitkomst ? <StatusBadge status={i.uitkomst === 'inOrde' ? 'safe' : i.uitkomst === 'onjuist' ? 'danger' : 'warning'}>{steekproefUitkomstNaam(i.uitkomst)}</StatusBadge>
                        : <span className="eenvoud-gedimd">Nog niet beoordeeld</span>}
                    </TableCell>
                    <TableCell>{i.beoordelaar ? `${i.beoordelaar}${i.beoordeeldOp ? `, ${formatMoment(i.beoordeeldOp)}` : ''}` : '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        {magBeoordelen && s.items.some((i) => !i.uitkomst) ? (
          <div className="eenvoud-acties">
            {s.items.filter((i) => !i.uitkomst).map((i) => (
              <Uitklap key={i.id} titel={`Beoordelen: ${i.nummer}`}>
                <ItemBeoordelen steekproef={s} item={i} onGelukt={setBericht} />
              </Uitklap>
            ))}
          </div>
        ) : null}
      </section>
    </>
  );
}

const ANTWOORDEN: { code: Antwoord; naam: string }[] = [{ code: 'ja', naam: 'Ja' }, { code: 'nee', naam: 'Nee' }, { code: 'nvt', naam: 'Niet van toepassing' }];

function ItemBeoordelen({ steekproef: s, item, onGelukt }: { steekproef: Steekproef; item: SteekproefItem; onGelukt: (t: string) => void }) {
  const beoordeel = useBeoordeelSteekproefItem(s.id);
  const { probleem, setProbleem, fouten } = useProbleem();
  const [antwoorden, setAntwoorden] = useState<Record<string, Antwoord | ''>>({});
  const [bevindingen, setBevindingen] = useState('');
  const [uitkomst, setUitkomst] = useState<SteekproefUitkomst | ''>('');
  const pre = `item-${item.id}`;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    const ingevuld = Object.fromEntries(Object.entries(antwoorden).filter(([, v]) => v)) as Record<string, Antwoord>;
    beoordeel.mutate({ itemId: item.id, body: { antwoorden: ingevuld, ...(bevindingen.trim() ? { bevindingen } : {}), uitkomst: uitkomst as SteekproefUitkomst } }, {
      onSuccess: () => onGelukt(`De beoordeling van ${item.nummer} is vastgelegd.`),
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label={`Beoordeling van ${item.nummer}`}>
      <Paragraph>
        <RouterLink to={`/beschikkingen/${item.beschikkingId}`}>Beschikking {item.nummer} bekijken</RouterLink>
        {' '}en <RouterLink to={`/aanvragen/${item.aanvraagId}`}>de aanvraag</RouterLink>.
      </Paragraph>
      <Probleem probleem={probleem} />
      {(['inhoud', 'recht'] as const).map((soort) => (
        <fieldset key={soort} className="utrecht-form-fieldset eenvoud-subfieldset">
          <legend className="utrecht-form-fieldset__legend">{soort === 'inhoud' ? 'Inhoud' : 'Recht'}</legend>
          {s.checklist.filter((c) => c.soort === soort).map((c) => (
            <RondjesVeld key={c.code} naam={`${pre}.antwoorden.${c.code}`} label={c.vraag} verplicht opties={ANTWOORDEN}
              waarde={antwoorden[c.code] ?? ''} onChange={(v) => setAntwoorden((o) => ({ ...o, [c.code]: v as Antwoord }))}
              fout={fouten[`antwoorden.${c.code}`] ? 'Beantwoord deze vraag' : undefined} />
          ))}
        </fieldset>
      ))}
      <TekstvakVeld naam={`${pre}.bevindingen`} label="Bevindingen" rows={3} maxLength={8000}
        value={bevindingen} onChange={(e) => setBevindingen(e.target.value)} fout={fouten.bevindingen} />
      <RondjesVeld naam={`${pre}.uitkomst`} label="Uitkomst" verplicht opties={STEEKPROEF_UITKOMSTEN} waarde={uitkomst}
        onChange={(v) => setUitkomst(v as SteekproefUitkomst)} fout={fouten.uitkomst} />
      <ButtonGroup><PrimaryActionButton type="submit" busy={beoordeel.isPending} disabled={beoordeel.isPending}>Beoordeling vastleggen</PrimaryActionButton></ButtonGroup>
    </form>
  );
}
