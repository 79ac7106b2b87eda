/**
 * On the casus page: the household's plan (goals, the arrangement along the ladder), its
 * evaluations and versions, and the forms to build it.
 */
import {
  ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading2, Heading3, Paragraph, PrimaryActionButton, SelectOption,
  StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Bericht, KnopLink, Probleem, Uitklap, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { formatDatum, formatMoment, vandaag } from '../../platform/format.ts';
import { KeuzeVeld, RondjesVeld, TekstVeld, TekstvakVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { LEEFGEBIEDEN, limietTekst } from '../catalogus/api.ts';
import { soortNaam, useGesprekken } from '../gesprek/api.ts';
import {
  BESLUITEN, DOEL_STATUSSEN, INSTEMMING_WIJZEN, besluitNaam, doelStatusNaam, instemmingWijzeNaam, planStatusNaam, usePlan, usePlanActie,
  type ArrangementItem, type Doel, type Plan,
} from './api.ts';
import { ArrangementFormulier } from './ArrangementFormulier.tsx';

const doelBadge: Record<string, string> = { lopend: 'active', behaald: 'safe', deels: 'warning', nietBehaald: 'danger', vervallen: 'neutral' };
const itemBadge: Record<ArrangementItem['status'], string> = { ingezet: 'safe', aanvraagNodig: 'warning', beeindigd: 'neutral' };
/** Short words for the badge; the API's statusNaam ("Aanvraag nodig (beschikking)") is shown in full next to it when it says more. */
const itemBadgeTekst: Record<ArrangementItem['status'], string> = { ingezet: 'Ingezet', aanvraagNodig: 'Aanvraag nodig', beeindigd: 'Beëindigd' };

export function PlanSectie({ casusId, magSchrijven }: { casusId: string; magSchrijven: boolean }) {
  const plan = usePlan(casusId);
  const [bericht, setBericht] = useState<string | null>(null);
  const [redenAanvraag, setRedenAanvraag] = useState<string | null>(null);
  const gelukt = (tekst: string, reden: string | null = null) => {
    setRedenAanvraag(reden);
    // A new object each time, so the same text twice still takes focus.
    setBericht(tekst);
  };

  return (
    <section id="plan" aria-labelledby="kop-plan" className="eenvoud-sectie">
      <Heading2 id="kop-plan">Plan</Heading2>
      {plan.isPending ? <Laden tekst="Het plan wordt geladen…" /> : null}
      {plan.isError ? <Foutmelding fout={plan.error} /> : null}
      {plan.data === null ? <GeenPlan casusId={casusId} magSchrijven={magSchrijven} /> : null}
      {plan.data ? (
        <>
          <Bericht tekst={bericht}>{redenAanvraag ? <Paragraph>{redenAanvraag}</Paragraph> : null}</Bericht>
          <PlanOverzicht plan={plan.data} />
          {magSchrijven && plan.data.status !== 'gesloten' ? (
            <div className="eenvoud-acties">
              <Uitklap titel="Doel toevoegen"><DoelFormulier casusId={casusId} onGelukt={gelukt} /></Uitklap>
              {plan.data.doelen.length > 0 ? (
                <Uitklap titel="Onderdeel van het arrangement toevoegen">
                  <ArrangementFormulier casusId={casusId} plan={plan.data} onGelukt={gelukt} />
                </Uitklap>
              ) : null}
              {plan.data.doelen.length > 0 ? (
                <Uitklap titel="Instemming vastleggen"><InstemmingFormulier casusId={casusId} plan={plan.data} onGelukt={gelukt} /></Uitklap>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function GeenPlan({ casusId, magSchrijven }: { casusId: string; magSchrijven: boolean }) {
  const actie = usePlanActie(casusId);
  const { probleem, setProbleem } = useProbleem();
  return (
    <>
      <Paragraph className="eenvoud-leeg">Dit huishouden heeft nog geen plan.</Paragraph>
      <Probleem probleem={probleem} />
      {magSchrijven ? (
        <ButtonGroup>
          <PrimaryActionButton type="button" busy={actie.isPending} disabled={actie.isPending}
            onClick={() => { setProbleem(null); actie.mutate({ soort: 'maken' }, { onError: (e) => setProbleem(alsProbleem(e)) }); }}>
            Plan maken
          </PrimaryActionButton>
        </ButtonGroup>
      ) : null}
    </>
  );
}

function itemNaam(i: ArrangementItem): string {
  return i.catalogusItem?.naam ?? i.omschrijving ?? 'Zonder omschrijving';
}

function PlanOverzicht({ plan }: { plan: Plan }) {
  const doelVan = (id: string): Doel | undefined => plan.doelen.find((d) => d.id === id);
  const doelen = [...plan.doelen].sort((a, b) =>
    LEEFGEBIEDEN.findIndex((l) => l.code === a.leefgebied) - LEEFGEBIEDEN.findIndex((l) => l.code === b.leefgebied));
  return (
    <>
      <DataList className="eenvoud-datalist">
        <DataListItem>
          <DataListKey>Status</DataListKey>
          <DataListValue><StatusBadge status={plan.status === 'actief' ? 'active' : plan.status === 'concept' ? 'warning' : 'neutral'}>{planStatusNaam[plan.status]}</StatusBadge></DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Instemming van de inwoner</DataListKey>
          <DataListValue>
            {plan.instemming ? `${formatDatum(plan.instemming.datum)}, ${instemmingWijzeNaam(plan.instemming.wijze).toLowerCase()}` : 'Nog niet vastgelegd'}
          </DataListValue>
        </DataListItem>
        <DataListItem><DataListKey>Versie</DataListKey><DataListValue>{plan.versie}</DataListValue></DataListItem>
      </DataList>

      <Heading3 id="kop-doelen">Doelen</Heading3>
      {doelen.length === 0 ? <Paragraph className="eenvoud-leeg">Er zijn nog geen doelen. Voeg een doel toe per leefgebied waar het huishouden iets wil bereiken.</Paragraph> : (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Doelen van het plan, per leefgebied</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Leefgebied</TableHeaderCell>
                <TableHeaderCell scope="col">Doel</TableHeaderCell>
                <TableHeaderCell scope="col">Meetbaar resultaat</TableHeaderCell>
                <TableHeaderCell scope="col">Streefdatum</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {doelen.map((d) => (
                <TableRow key={d.id}>
                  <TableCell>{d.leefgebiedNaam}</TableCell>
                  <TableCell>{d.omschrijving}</TableCell>
                  <TableCell>{d.meetbaarResultaat}</TableCell>
                  <TableCell className="eenvoud-nowrap">{formatDatum(d.streefdatum)}</TableCell>
                  <TableCell><StatusBadge status={doelBadge[d.status] ?? 'neutral'}>{d.statusNaam}</StatusBadge></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      <Heading3 id="kop-arrangement">Arrangement per trede</Heading3>
      <Paragraph className="eenvoud-uitleg">
        Van onder naar boven langs de verantwoordelijkheidsladder: eerst wat de inwoner zelf kan, dan het netwerk, dan het voorliggend veld.
        Een maatwerkvoorziening komt pas als de lagere treden niet volstaan.
      </Paragraph>
      <ol className="eenvoud-ladder" aria-labelledby="kop-arrangement">
        {plan.arrangementPerTrede.map((t) => (
          <li key={t.trede} className={`eenvoud-trede eenvoud-trede--${t.trede}`}>
            <h4 className="eenvoud-trede__kop" id={`kop-trede-${t.trede}`}>
              <span className="eenvoud-trede__nummer">{t.trede}</span> {t.naam}
            </h4>
            {t.items.length === 0 ? <p className="eenvoud-gedimd eenvoud-trede__leeg">Nog niets op deze trede.</p> : (
              <ul className="eenvoud-items" aria-labelledby={`kop-trede-${t.trede}`}>
                {t.items.map((i) => {
                  const doel = doelVan(i.doelId);
                  return (
                    <li key={i.id} className="eenvoud-item">
                      <p className="eenvoud-item__kop">
                        <strong>{itemNaam(i)}</strong>{' '}
                        <StatusBadge status={itemBadge[i.status]}>{itemBadgeTekst[i.status]}</StatusBadge>
                      </p>
                      <dl className="eenvoud-item__gegevens">
                        <div><dt>Doel</dt><dd>{doel ? `${doel.omschrijving} (${doel.leefgebiedNaam})` : 'Onbekend doel'}</dd></div>
                        {i.catalogusItem && i.omschrijving ? <div><dt>Omschrijving</dt><dd>{i.omschrijving}</dd></div> : null}
                        <div><dt>Verantwoordelijke</dt><dd>{i.verantwoordelijke}</dd></div>
                        {i.omvang ? <div><dt>Omvang</dt><dd>{limietTekst(i.omvang)}</dd></div> : null}
                        <div>
                          <dt>Periode</dt>
                          <dd>{i.einddatum ? `${formatDatum(i.startdatum)} tot en met ${formatDatum(i.einddatum)}` : `Vanaf ${formatDatum(i.startdatum)}`}</dd>
                        </div>
                        {i.motivering ? <div><dt>Motivering</dt><dd>{i.motivering}</dd></div> : null}
                        {i.status === 'aanvraagNodig' ? <div><dt>Let op</dt><dd>{i.statusNaam}: dit gaat naar de beoordelaar.</dd></div> : null}
                      </dl>
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

type Gelukt = (tekst: string, reden?: string | null) => void;

function DoelFormulier({ casusId, onGelukt }: { casusId: string; onGelukt: Gelukt }) {
  const actie = usePlanActie(casusId);
  const { probleem, setProbleem, fouten } = useProbleem();
  const [leefgebied, setLeefgebied] = useState('');
  const [omschrijving, setOmschrijving] = useState('');
  const [meetbaarResultaat, setMeetbaarResultaat] = useState('');
  const [streefdatum, setStreefdatum] = useState('');

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    actie.mutate({ soort: 'doel', body: { leefgebied, omschrijving, meetbaarResultaat, streefdatum } }, {
      onSuccess: (r) => {
        setLeefgebied('');
        setOmschrijving('');
        setMeetbaarResultaat('');
        setStreefdatum('');
        onGelukt(r.soort === 'doel' ? `Het doel '${r.doel.omschrijving}' (${r.doel.leefgebiedNaam}) is toegevoegd.` : 'Het doel is toegevoegd.');
      },
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-label="Doel toevoegen">
      <Probleem probleem={probleem} />
      <KeuzeVeld naam="doel.leefgebied" label="Leefgebied" verplicht value={leefgebied} onChange={(e) => setLeefgebied(e.target.value)} fout={fouten.leefgebied}>
        <SelectOption value="">Kies een leefgebied</SelectOption>
        {LEEFGEBIEDEN.map((l) => <SelectOption key={l.code} value={l.code}>{l.naam}</SelectOption>)}
      </KeuzeVeld>
      <TekstvakVeld naam="doel.omschrijving" label="Doel" verplicht rows={2} maxLength={1000}
        beschrijving="Wat wil het huishouden bereiken? In de woorden van de inwoner, bijvoorbeeld: weer rondkomen van mijn inkomen."
        value={omschrijving} onChange={(e) => setOmschrijving(e.target.value)} fout={fouten.omschrijving} />
      <TekstvakVeld naam="doel.meetbaarResultaat" label="Meetbaar resultaat" verplicht rows={2} maxLength={1000}
        beschrijving="Hoe ziet u dat het doel bereikt is? Bijvoorbeeld: geen nieuwe achterstanden, score financiën van 2 naar 3."
        value={meetbaarResultaat} onChange={(e) => setMeetbaarResultaat(e.target.value)} fout={fouten.meetbaarResultaat} />
      <TekstVeld naam="doel.streefdatum" label="Streefdatum" verplicht type="date" min={vandaag()} className="eenvoud-breedte-10"
        value={streefdatum} onChange={(e) => setStreefdatum(e.target.value)} fout={fouten.streefdatum} />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={actie.isPending} disabled={actie.isPending}>Doel toevoegen</PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}

function InstemmingFormulier({ casusId, plan, onGelukt }: { casusId: string; plan: Plan; onGelukt: Gelukt }) {
  const actie = usePlanActie(casusId);
  const { probleem, setProbleem, fouten } = useProbleem();
  const [datum, setDatum] = useState(vandaag());
  const [wijze, setWijze] = useState('');

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    actie.mutate({ soort: 'instemming', body: { datum, wijze } }, {
      onSuccess: () => onGelukt(`De instemming van de inwoner is vastgelegd (${formatDatum(datum)}). Het plan is actief.`),
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-label="Instemming vastleggen">
      {plan.instemming ? (
        <Paragraph>De inwoner stemde al in op {formatDatum(plan.instemming.datum)}. Legt u opnieuw instemming vast na een wijziging van het plan?</Paragraph>
      ) : <Paragraph>Heeft de inwoner ingestemd met de doelen en het arrangement? Dan wordt het plan actief.</Paragraph>}
      <Probleem probleem={probleem} />
      <TekstVeld naam="datum" label="Datum van instemming" verplicht type="date" max={vandaag()} className="eenvoud-breedte-10"
        value={datum} onChange={(e) => setDatum(e.target.value)} fout={fouten.datum} />
      <RondjesVeld naam="wijze" label="Hoe stemde de inwoner in?" verplicht
        opties={INSTEMMING_WIJZEN.map((w) => ({ code: w.code, naam: w.naam }))}
        waarde={wijze} onChange={setWijze} fout={fouten.wijze} />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={actie.isPending} disabled={actie.isPending}>Instemming vastleggen</PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}

export function EvaluatiesSectie({ casusId, magSchrijven }: { casusId: string; magSchrijven: boolean }) {
  const plan = usePlan(casusId);
  const gesprekken = useGesprekken(casusId);
  const [bericht, setBericht] = useState<string | null>(null);
  const p = plan.data;
  const gepland = p?.evaluaties.filter((e) => !e.gehoudenOp) ?? [];
  const gesprekVan = (id: string | null) => (id ? gesprekken.data?.find((g) => g.id === id) : undefined);

  return (
    <section id="evaluaties" aria-labelledby="kop-evaluaties" className="eenvoud-sectie">
      <Heading2 id="kop-evaluaties">Evaluaties</Heading2>
      {plan.isPending ? <Laden tekst="De evaluaties worden geladen…" /> : null}
      {plan.isError ? <Foutmelding fout={plan.error} /> : null}
      {plan.data === null ? <Paragraph>Evaluaties komen er zodra er een plan is.</Paragraph> : null}
      {p ? (
        <>
          <Bericht tekst={bericht} />
          {p.evaluaties.length === 0 ? <Paragraph className="eenvoud-leeg">Er is nog geen evaluatie gepland.</Paragraph> : (
            <div className="eenvoud-tabel">
              <Table>
                <TableCaption className="eenvoud-visueel-verborgen">Evaluaties van het plan</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Gepland op</TableHeaderCell>
                    <TableHeaderCell scope="col">Gehouden op</TableHeaderCell>
                    <TableHeaderCell scope="col">Besluit</TableHeaderCell>
                    <TableHeaderCell scope="col">Toelichting</TableHeaderCell>
                    <TableHeaderCell scope="col">Gesprek</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {p.evaluaties.map((e) => {
                    const g = gesprekVan(e.gesprekId);
                    return (
                      <TableRow key={e.id}>
                        <TableCell className="eenvoud-nowrap">{formatDatum(e.geplandOp)}</TableCell>
                        <TableCell className="eenvoud-nowrap">{e.gehoudenOp ? formatDatum(e.gehoudenOp) : <StatusBadge status="warning">Nog niet gehouden</StatusBadge>}</TableCell>
                        <TableCell>{e.besluit ? besluitNaam(e.besluit) : '—'}</TableCell>
                        <TableCell>
                          {e.toelichting ?? '—'}
                          {e.doelstatussen && e.doelstatussen.length > 0 ? (
                            <ul className="eenvoud-kaal">
                              {e.doelstatussen.map((d) => (
                                <li key={d.doelId}>{p.doelen.find((x) => x.id === d.doelId)?.omschrijving ?? 'Doel'}: {doelStatusNaam(d.status).toLowerCase()}</li>
                              ))}
                            </ul>
                          ) : null}
                        </TableCell>
                        <TableCell>{g ? <RouterLink to={`/gesprekken/${g.id}`}>{formatDatum(g.datum)}</RouterLink> : '—'}</TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          )}
          {magSchrijven && p.status !== 'gesloten' ? (
            <div className="eenvoud-acties">
              <Uitklap titel="Evaluatie plannen"><EvaluatiePlannen casusId={casusId} onGelukt={setBericht} /></Uitklap>
              {gepland.length > 0 ? (
                <Uitklap titel="Evaluatie houden">
                  <EvaluatieHouden casusId={casusId} plan={p} onGelukt={setBericht} />
                </Uitklap>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function EvaluatiePlannen({ casusId, onGelukt }: { casusId: string; onGelukt: (t: string) => void }) {
  const actie = usePlanActie(casusId);
  const { probleem, setProbleem, fouten } = useProbleem();
  const [geplandOp, setGeplandOp] = useState('');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    actie.mutate({ soort: 'evaluatiePlannen', body: { geplandOp } }, {
      onSuccess: () => {
        onGelukt(`De evaluatie is gepland op ${formatDatum(geplandOp)}.`);
        setGeplandOp('');
      },
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-label="Evaluatie plannen">
      <Probleem probleem={probleem} />
      <TekstVeld naam="geplandOp" label="Datum van de evaluatie" verplicht type="date" className="eenvoud-breedte-10"
        beschrijving="Meestal 6 weken tot 3 maanden na de start van het plan."
        value={geplandOp} onChange={(e) => setGeplandOp(e.target.value)} fout={fouten.geplandOp} />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={actie.isPending} disabled={actie.isPending}>Evaluatie plannen</PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}

function EvaluatieHouden({ casusId, plan, onGelukt }: { casusId: string; plan: Plan; onGelukt: (t: string) => void }) {
  const actie = usePlanActie(casusId);
  const gesprekken = useGesprekken(casusId);
  const { probleem, setProbleem, fouten } = useProbleem();
  const gepland = plan.evaluaties.filter((e) => !e.gehoudenOp);
  const [evaluatieId, setEvaluatieId] = useState(gepland[0]?.id ?? '');
  const [gehoudenOp, setGehoudenOp] = useState(vandaag());
  const evaluatieGesprekken = [...(gesprekken.data ?? [])].reverse();
  const [gesprekId, setGesprekId] = useState('');
  const [besluit, setBesluit] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [statussen, setStatussen] = useState<Record<string, string>>(Object.fromEntries(plan.doelen.map((d) => [d.id, d.status])));
  const gekozenGesprek = gesprekId || evaluatieGesprekken.find((g) => g.soort === 'evaluatie')?.id || '';

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    actie.mutate({
      soort: 'evaluatieHouden', evaluatieId, body: {
        gehoudenOp, besluit, ...(gekozenGesprek && gekozenGesprek !== 'geen' ? { gesprekId: gekozenGesprek } : {}),
        ...(toelichting.trim() ? { toelichting } : {}),
        doelen: plan.doelen.map((d) => ({ doelId: d.id, status: statussen[d.id] ?? d.status })),
      },
    }, {
      onSuccess: () => onGelukt(`De evaluatie is vastgelegd. Besluit: ${besluitNaam(besluit).toLowerCase()}.`),
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-label="Evaluatie houden">
      <Paragraph>
        Voer eerst het evaluatiegesprek en scoor de leefgebieden opnieuw.{' '}
        <KnopLink secundair to={`/casussen/${casusId}/gesprekken/nieuw?soort=evaluatie`}>Evaluatiegesprek vastleggen</KnopLink>
      </Paragraph>
      <Probleem probleem={probleem} />
      {gepland.length > 1 ? (
        <KeuzeVeld naam="evaluatieId" label="Welke evaluatie" verplicht value={evaluatieId} onChange={(e) => setEvaluatieId(e.target.value)}>
          {gepland.map((e) => <SelectOption key={e.id} value={e.id}>Gepland op {formatDatum(e.geplandOp)}</SelectOption>)}
        </KeuzeVeld>
      ) : <Paragraph>Evaluatie gepland op {gepland[0] ? formatDatum(gepland[0].geplandOp) : '—'}.</Paragraph>}
      <TekstVeld naam="gehoudenOp" label="Gehouden op" verplicht type="date" max={vandaag()} className="eenvoud-breedte-10"
        value={gehoudenOp} onChange={(e) => setGehoudenOp(e.target.value)} fout={fouten.gehoudenOp} />
      <KeuzeVeld naam="gesprekId" label="Evaluatiegesprek" busy={gesprekken.isPending}
        beschrijving="Het gesprek waarin de leefgebieden opnieuw zijn gescoord."
        value={gekozenGesprek} onChange={(e) => setGesprekId(e.target.value)} fout={fouten.gesprekId}>
        <SelectOption value="geen">Geen gesprek</SelectOption>
        {evaluatieGesprekken.map((g) => <SelectOption key={g.id} value={g.id}>{formatDatum(g.datum)} ({soortNaam(g.soort).toLowerCase()})</SelectOption>)}
      </KeuzeVeld>
      <fieldset className="utrecht-form-fieldset eenvoud-subfieldset">
        <legend className="utrecht-form-fieldset__legend">Hoe staat elk doel ervoor?</legend>
        {fouten.doelen ? <p className="eenvoud-groepsfout" id="veld-doelen-fout">{fouten.doelen}</p> : null}
        {plan.doelen.map((d) => (
          <KeuzeVeld key={d.id} naam={`doelen.${d.id}`} label={`${d.omschrijving} (${d.leefgebiedNaam})`}
            value={statussen[d.id] ?? d.status} onChange={(e) => setStatussen((o) => ({ ...o, [d.id]: e.target.value }))}>
            {DOEL_STATUSSEN.map((s) => <SelectOption key={s.code} value={s.code}>{s.naam}</SelectOption>)}
          </KeuzeVeld>
        ))}
      </fieldset>
      <RondjesVeld naam="besluit" label="Besluit" verplicht
        beschrijving="Sluit u het plan af? Geef dan elk lopend doel een eindstatus."
        opties={BESLUITEN.map((b) => ({ code: b.code, naam: b.naam }))} waarde={besluit} onChange={setBesluit} fout={fouten.besluit} />
      <TekstvakVeld naam="toelichting" label="Toelichting" rows={3} maxLength={4000}
        value={toelichting} onChange={(e) => setToelichting(e.target.value)} fout={fouten.toelichting} />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={actie.isPending} disabled={actie.isPending}>Evaluatie vastleggen</PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}

export function VersiesSectie({ casusId }: { casusId: string }) {
  const plan = usePlan(casusId);
  return (
    <section id="versies" aria-labelledby="kop-versies" className="eenvoud-sectie">
      <Heading2 id="kop-versies">Versies van het plan</Heading2>
      {plan.isPending ? <Laden tekst="De versies worden geladen…" /> : null}
      {plan.data === null ? <Paragraph>Er is nog geen plan.</Paragraph> : null}
      {plan.data && plan.data.versies.length === 0 ? <Paragraph>Het plan heeft nog geen versies.</Paragraph> : null}
      {plan.data && plan.data.versies.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Versies van het plan, de nieuwste eerst</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Versie</TableHeaderCell>
                <TableHeaderCell scope="col">Moment</TableHeaderCell>
                <TableHeaderCell scope="col">Wat er veranderde</TableHeaderCell>
                <TableHeaderCell scope="col">Door</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {plan.data.versies.map((v) => (
                <TableRow key={v.versie}>
                  <TableCell>{v.versie}</TableCell>
                  <TableCell className="eenvoud-nowrap">{formatMoment(v.moment)}</TableCell>
                  <TableCell>{v.reden}</TableCell>
                  <TableCell>{v.door ?? 'Onbekend'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}
