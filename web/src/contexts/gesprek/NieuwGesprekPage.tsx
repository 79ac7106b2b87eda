/**
 * A new conversation (keukentafelgesprek): who took part, where, and per domain of the instrument a
 * score with what the resident can do and what the network does.
 */
import {
  Button, ButtonGroup, Fieldset, FieldsetLegend, Heading1, Paragraph, PrimaryActionButton, SelectOption,
} from '@utrecht/component-library-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { vandaag } from '../../platform/format.ts';
import {
  AankruisVeld, FoutSamenvatting, KeuzeVeld, RondjesVeld, TekstVeld, TekstvakVeld, foutregels, type Foutregel,
} from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useCasus } from '../toegang/api.ts';
import { useCasusOverzicht } from '../toegang/CasusOverzicht.tsx';
import { usePlan, type Plan } from '../plan/api.ts';
import {
  DEELNEMER_ROLLEN, GESPREK_SOORTEN, PLEKKEN, deelnemerRolNaam, useGesprekken, useInstrumenten, useVoerGesprek, type Gesprek, type Instrument, type NieuwGesprek,
} from './api.ts';

interface ScoreInvoer { score: string; toelichting: string; zelf: string; netwerk: string }
const legeScore: ScoreInvoer = { score: '', toelichting: '', zelf: '', netwerk: '' };
const NIET_BESPROKEN = 'geen';

interface Lid { id: string; naam: string; leeftijd: number; relatie: string | null; relatieNaam: string | null }
interface NetwerkPersoon { naam: string; rol: string; bron: string }

/**
 * The network already known for this household: who took part in earlier conversations (not picked
 * from the household) and who carries a rung-2 part of the plan (sociaal netwerk). One entry per name.
 */
function bekendNetwerk(gesprekken: Gesprek[], plan: Plan | null, huishouden: string[]): NetwerkPersoon[] {
  const uit = new Map<string, NetwerkPersoon>();
  const voeg = (naam: string, rol: string, bron: string) => {
    const sleutel = naam.trim().toLowerCase();
    if (!sleutel || huishouden.some((h) => h.toLowerCase() === sleutel) || uit.has(sleutel)) return;
    uit.set(sleutel, { naam: naam.trim(), rol, bron });
  };
  for (const g of gesprekken) {
    for (const d of g.deelnemers) if (!d.persoonId && d.rol !== 'inwoner') voeg(d.naam, d.rol, 'eerder gesprek');
  }
  for (const item of plan?.arrangementPerTrede.find((t) => t.trede === 2)?.items ?? []) voeg(item.verantwoordelijke, 'netwerk', 'plan');
  return [...uit.values()];
}

const rolNaamVan = (rol: string, lid: Lid) => (rol === 'netwerk' ? (lid.relatieNaam ?? 'gezinslid').toLowerCase() : deelnemerRolNaam(rol).toLowerCase());

/** The role a household member has at the table: the resident, a partner, or family (netwerk). */
const rolVanLid = (lid: Lid, inwonerId: string) => (lid.id === inwonerId ? 'inwoner' : lid.relatie === 'partner' ? 'partner' : 'netwerk');

export function NieuwGesprekPage() {
  const { id = '' } = useParams();
  const casus = useCasus(id);
  const instrumenten = useInstrumenten();
  const gesprekken = useGesprekken(id);
  const overzicht = useCasusOverzicht(id);
  const plan = usePlan(id);
  usePageTitle('Nieuw gesprek');

  const terug = <Paragraph><RouterLink to={`/casussen/${id}`}>Terug naar de casus</RouterLink></Paragraph>;
  if (casus.isPending || instrumenten.isPending || gesprekken.isPending || overzicht.isPending || plan.isPending) {
    return <><Heading1>Nieuw gesprek</Heading1><Laden tekst="Het formulier wordt geladen…" /></>;
  }
  const fout = casus.error ?? instrumenten.error ?? gesprekken.error ?? overzicht.error ?? plan.error;
  if (fout) return <><Heading1>Nieuw gesprek</Heading1><Foutmelding fout={fout} />{terug}</>;
  const inwonerId = casus.data!.meldingen[0]?.persoon.id ?? overzicht.data!.huishouden[0]?.id ?? '';
  const netwerk = bekendNetwerk(gesprekken.data!, plan.data ?? null, overzicht.data!.huishouden.map((l) => l.naam));
  return (
    <>
      {terug}
      <Heading1>Nieuw gesprek</Heading1>
      <Paragraph appearance="lead">
        Leg het gesprek met het huishouden van casus {casus.data!.nummer} vast. Bespreek alle leefgebieden, niet alleen de eerste vraag.
      </Paragraph>
      <Formulier casusId={id} inwonerId={inwonerId} leden={overzicht.data!.huishouden} netwerk={netwerk}
        instrumenten={instrumenten.data!} eerste={gesprekken.data!.length === 0} />
    </>
  );
}

function Formulier({ casusId, inwonerId, leden, netwerk, instrumenten, eerste }: {
  casusId: string; inwonerId: string; leden: Lid[]; netwerk: NetwerkPersoon[]; instrumenten: Instrument[]; eerste: boolean;
}) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const voer = useVoerGesprek(casusId);
  const { probleem, setProbleem, fouten: apiFouten } = useProbleem();
  const [eigenFouten, setEigenFouten] = useState<Record<string, string>>({});
  const [samenvattingFouten, setSamenvattingFouten] = useState<Foutregel[] | null>(null);

  const standaard = instrumenten.find((i) => i.standaard) ?? instrumenten[0];
  const gevraagdeSoort = params.get('soort');
  const [datum, setDatum] = useState(vandaag());
  const [plek, setPlek] = useState('thuis');
  const [soort, setSoort] = useState(GESPREK_SOORTEN.some((s) => s.code === gevraagdeSoort) ? gevraagdeSoort! : eerste ? 'intake' : 'vervolg');
  const [instrumentCode, setInstrumentCode] = useState(standaard?.code ?? '');
  const [gekozenLeden, setGekozenLeden] = useState<Record<string, boolean>>(inwonerId ? { [inwonerId]: true } : {});
  const [gekozenNetwerk, setGekozenNetwerk] = useState<Record<string, boolean>>({});
  const [deelnemers, setDeelnemers] = useState<{ rol: string; naam: string }[]>([]);
  const [samenvatting, setSamenvatting] = useState('');
  const [scores, setScores] = useState<Record<string, ScoreInvoer>>({});

  const instrument = instrumenten.find((i) => i.code === instrumentCode) ?? standaard;
  const fouten = { ...apiFouten, ...eigenFouten };

  const velden = useMemo(() => {
    const v: Record<string, string> = { datum: 'Datum', plek: 'Plek', soort: 'Soort gesprek', instrument: 'Instrument' };
    const gekozen = leden.filter((l) => gekozenLeden[l.id]).length + netwerk.filter((n) => gekozenNetwerk[n.naam]).length;
    v.deelnemers = 'Wie deden er mee';
    deelnemers.forEach((_, i) => {
      v[`deelnemers.${gekozen + i}.rol`] = `Rol van andere deelnemer ${i + 1}`;
      v[`deelnemers.${gekozen + i}.naam`] = `Naam van andere deelnemer ${i + 1}`;
    });
    v.samenvatting = 'Samenvatting';
    instrument?.domeinen.forEach((d, i) => {
      v[`scores.${i}.score`] = `Score ${d.naam}`;
      v[`scores.${i}.toelichting`] = `Toelichting ${d.naam}`;
      v[`scores.${i}.zelf`] = `Wat de inwoner zelf kan (${d.naam})`;
      v[`scores.${i}.netwerk`] = `Wat het netwerk doet (${d.naam})`;
    });
    return v;
  }, [deelnemers, instrument, leden, netwerk, gekozenLeden, gekozenNetwerk]);
  const aantalGekozen = leden.filter((l) => gekozenLeden[l.id]).length + netwerk.filter((n) => gekozenNetwerk[n.naam]).length;

  const zetScore = (domein: string, veld: keyof ScoreInvoer, waarde: string) =>
    setScores((oud) => ({ ...oud, [domein]: { ...(oud[domein] ?? legeScore), [veld]: waarde } }));
  const zetDeelnemer = (i: number, veld: 'rol' | 'naam', waarde: string) =>
    setDeelnemers((oud) => oud.map((d, j) => (j === i ? { ...d, [veld]: waarde } : d)));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    if (!instrument) return;
    // Every domain gets an answer, even if it is "not discussed": then nothing is forgotten by accident.
    const eigen: Record<string, string> = {};
    instrument.domeinen.forEach((d, i) => {
      if (!scores[d.code]?.score) eigen[`scores.${i}.score`] = `Kies een score voor ${d.naam}, of 'Niet besproken'`;
    });
    if (aantalGekozen + deelnemers.length === 0) eigen.deelnemers = 'Kies wie er meededen: iemand uit het huishouden, het netwerk of iemand anders';
    deelnemers.forEach((d, i) => {
      if (!d.naam.trim()) eigen[`deelnemers.${aantalGekozen + i}.naam`] = `Vul de naam van andere deelnemer ${i + 1} in`;
    });
    setEigenFouten(eigen);
    if (Object.keys(eigen).length > 0) {
      setSamenvattingFouten(Object.entries(eigen).map(([naam, tekst]) => ({ naam, tekst })));
      return;
    }
    const tekst = (s: string) => (s.trim() ? s.trim() : undefined);
    const body: NieuwGesprek = {
      datum, plek, soort, instrument: instrument.code,
      deelnemers: [
        ...leden.filter((l) => gekozenLeden[l.id]).map((l) => ({ rol: rolVanLid(l, inwonerId), naam: l.naam, persoonId: l.id })),
        ...netwerk.filter((n) => gekozenNetwerk[n.naam]).map((n) => ({ rol: n.rol, naam: n.naam })),
        ...deelnemers.map((d) => ({ rol: d.rol, naam: d.naam.trim() })),
      ],
      ...(samenvatting.trim() ? { samenvatting } : {}),
      scores: instrument.domeinen.map((d) => {
        const s = scores[d.code] ?? legeScore;
        return {
          domein: d.code,
          score: s.score === NIET_BESPROKEN ? null : Number(s.score),
          ...(tekst(s.toelichting) ? { toelichting: s.toelichting } : {}),
          ...(tekst(s.zelf) ? { zelf: s.zelf } : {}),
          ...(tekst(s.netwerk) ? { netwerk: s.netwerk } : {}),
        };
      }),
    };
    voer.mutate(body, {
      onSuccess: (g) => navigate(`/gesprekken/${g.id}`, { state: { bericht: 'Het gesprek is opgeslagen.' } }),
      onError: (err) => {
        const p = alsProbleem(err);
        setProbleem(p);
        setSamenvattingFouten(p.invalidParams.length > 0 ? foutregels(p, velden) : [{ tekst: p.detail }]);
      },
    });
  };

  return (
    <>
      {samenvattingFouten && (samenvattingFouten.length > 0) ? (
        <FoutSamenvatting titel={probleem && probleem.invalidParams.length === 0 ? 'Het gesprek is niet opgeslagen' : undefined} fouten={samenvattingFouten} />
      ) : null}
      <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-form--breed" aria-label="Nieuw gesprek">
        <Fieldset>
          <FieldsetLegend>Het gesprek</FieldsetLegend>
          <div className="eenvoud-rij">
            <TekstVeld naam="datum" label="Datum" verplicht type="date" max={vandaag()} className="eenvoud-breedte-10"
              value={datum} onChange={(e) => setDatum(e.target.value)} fout={fouten.datum} />
            <KeuzeVeld naam="plek" label="Plek" verplicht value={plek} onChange={(e) => setPlek(e.target.value)} fout={fouten.plek}>
              {PLEKKEN.map((p) => <SelectOption key={p.code} value={p.code}>{p.naam}</SelectOption>)}
            </KeuzeVeld>
            <KeuzeVeld naam="soort" label="Soort gesprek" verplicht value={soort} onChange={(e) => setSoort(e.target.value)} fout={fouten.soort}>
              {GESPREK_SOORTEN.map((s) => <SelectOption key={s.code} value={s.code}>{s.naam}</SelectOption>)}
            </KeuzeVeld>
          </div>
          <KeuzeVeld naam="instrument" label="Instrument" verplicht
            beschrijving="Met dit instrument scoort u de leefgebieden. Gebruik bij een evaluatie hetzelfde instrument als bij de intake."
            value={instrumentCode} onChange={(e) => setInstrumentCode(e.target.value)} fout={fouten.instrument}>
            {instrumenten.map((i) => <SelectOption key={i.code} value={i.code}>{i.naam}{i.standaard ? ' (standaard)' : ''}</SelectOption>)}
          </KeuzeVeld>
        </Fieldset>

        <Fieldset aria-describedby={fouten.deelnemers ? 'veld-deelnemers-fout' : undefined}>
          <FieldsetLegend>Wie deden er mee?</FieldsetLegend>
          {fouten.deelnemers ? <p className="eenvoud-groepsfout" id="veld-deelnemers-fout">{fouten.deelnemers}</p> : null}
          <Fieldset className="eenvoud-subfieldset">
            <FieldsetLegend>Uit het huishouden</FieldsetLegend>
            {leden.map((l, i) => (
              <AankruisVeld key={l.id} naam={i === 0 ? 'deelnemers' : `deelnemer-lid-${l.id}`}
                label={`${l.naam} (${rolNaamVan(rolVanLid(l, inwonerId), l)}, ${l.leeftijd} jaar)`}
                aan={!!gekozenLeden[l.id]} onChange={(aan) => setGekozenLeden((oud) => ({ ...oud, [l.id]: aan }))} />
            ))}
          </Fieldset>
          {netwerk.length > 0 ? (
            <Fieldset className="eenvoud-subfieldset">
              <FieldsetLegend>Uit het netwerk (eerder genoemd)</FieldsetLegend>
              {netwerk.map((n, i) => (
                <AankruisVeld key={n.naam} naam={`deelnemer-netwerk-${i}`}
                  label={`${n.naam} (${deelnemerRolNaam(n.rol).toLowerCase()}, uit ${n.bron === 'plan' ? 'het plan' : 'een eerder gesprek'})`}
                  aan={!!gekozenNetwerk[n.naam]} onChange={(aan) => setGekozenNetwerk((oud) => ({ ...oud, [n.naam]: aan }))} />
              ))}
            </Fieldset>
          ) : null}
          {deelnemers.map((d, i) => (
            <div key={i} className="eenvoud-rij eenvoud-deelnemer">
              <KeuzeVeld naam={`deelnemers.${aantalGekozen + i}.rol`} label={`Rol van andere deelnemer ${i + 1}`} verplicht
                value={d.rol} onChange={(e) => zetDeelnemer(i, 'rol', e.target.value)} fout={fouten[`deelnemers.${aantalGekozen + i}.rol`]}>
                {DEELNEMER_ROLLEN.map((r) => <SelectOption key={r.code} value={r.code}>{r.naam}</SelectOption>)}
              </KeuzeVeld>
              <TekstVeld naam={`deelnemers.${aantalGekozen + i}.naam`} label={`Naam van andere deelnemer ${i + 1}`} verplicht autoComplete="off"
                value={d.naam} onChange={(e) => zetDeelnemer(i, 'naam', e.target.value)} fout={fouten[`deelnemers.${aantalGekozen + i}.naam`]} />
              <div className="eenvoud-deelnemer__weg">
                <Button appearance="subtle-button" type="button" onClick={() => setDeelnemers((oud) => oud.filter((_, j) => j !== i))}>
                  Andere deelnemer {i + 1} weghalen
                </Button>
              </div>
            </div>
          ))}
          <ButtonGroup>
            <Button appearance="secondary-action-button" type="button"
              onClick={() => setDeelnemers((oud) => [...oud, { rol: 'mantelzorger', naam: '' }])}>
              Iemand anders toevoegen
            </Button>
          </ButtonGroup>
        </Fieldset>

        <TekstvakVeld naam="samenvatting" label="Samenvatting" rows={4} maxLength={8000}
          beschrijving="Wat is er besproken? Schrijf het zo dat de inwoner het begrijpt: dit komt in het verslag."
          value={samenvatting} onChange={(e) => setSamenvatting(e.target.value)} fout={fouten.samenvatting} />

        {instrument ? (
          <Fieldset className="eenvoud-domeinen">
            <FieldsetLegend>Scores per leefgebied</FieldsetLegend>
            <Paragraph className="eenvoud-uitleg">
              De schaal loopt van 1 ({instrument.schaal[0]?.label.toLowerCase()}) tot {instrument.schaal.length} ({instrument.schaal.at(-1)?.label.toLowerCase()}).
              Kies 'Niet besproken' als het leefgebied niet aan bod kwam.
            </Paragraph>
            {instrument.domeinen.map((d, i) => {
              const s = scores[d.code] ?? legeScore;
              return (
                <Fieldset key={`${instrument.code}-${d.code}`} className="eenvoud-domein">
                  <FieldsetLegend>{d.naam}</FieldsetLegend>
                  <div className="eenvoud-schaal">
                    <RondjesVeld naam={`scores.${i}.score`} label={`Score voor ${d.naam}`} verplicht
                      opties={[
                        ...instrument.schaal.map((w) => ({ code: String(w.waarde), naam: `${w.waarde} – ${w.label}` })),
                        { code: NIET_BESPROKEN, naam: 'Niet besproken' },
                      ]}
                      waarde={s.score} onChange={(v) => zetScore(d.code, 'score', v)} fout={fouten[`scores.${i}.score`]} />
                  </div>
                  <TekstvakVeld naam={`scores.${i}.toelichting`} label="Toelichting" rows={2} maxLength={2000}
                    value={s.toelichting} onChange={(e) => zetScore(d.code, 'toelichting', e.target.value)} fout={fouten[`scores.${i}.toelichting`]} />
                  <div className="eenvoud-rij eenvoud-rij--twee">
                    <TekstvakVeld naam={`scores.${i}.zelf`} label="Wat de inwoner zelf kan" rows={2} maxLength={2000}
                      value={s.zelf} onChange={(e) => zetScore(d.code, 'zelf', e.target.value)} fout={fouten[`scores.${i}.zelf`]} />
                    <TekstvakVeld naam={`scores.${i}.netwerk`} label="Wat het netwerk doet" rows={2} maxLength={2000}
                      value={s.netwerk} onChange={(e) => zetScore(d.code, 'netwerk', e.target.value)} fout={fouten[`scores.${i}.netwerk`]} />
                  </div>
                </Fieldset>
              );
            })}
          </Fieldset>
        ) : null}

        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={voer.isPending} disabled={voer.isPending}>Gesprek opslaan</PrimaryActionButton>
        </ButtonGroup>
        <Paragraph className="eenvoud-gedimd">Na het opslaan kunt u het verslag bekijken en naar de inwoner sturen.</Paragraph>
      </form>
    </>
  );
}
