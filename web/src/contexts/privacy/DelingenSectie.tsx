/**
 * "Toestemming en delen" on the casus page: per member of the household the grounds for sharing
 * (toestemming or a legal ground) and what was shared with which partner. Staff who may write
 * record a ground, withdraw a consent and record a share; the API refuses a share its ground does
 * not carry, and the page says why.
 */
import {
  Alert, Button, ButtonGroup, Fieldset, FieldsetLegend, FormFieldErrorMessage, Heading2, Heading3, Paragraph, SelectOption, Table, TableBody, TableCaption, TableCell,
  TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiProblem } from '../../platform/api.ts';
import { formatDatum, vandaag } from '../../platform/format.ts';
import { AankruisVeld, FoutSamenvatting, KeuzeVeld, RondjesVeld, TekstVeld, TekstvakVeld, foutregels, veldFouten, type Foutregel } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { useHuishouden, type Lid } from '../inwoners/api.ts';
import {
  useDelenLijsten, useDelingen, useLegGrondslagVast, useLegVerstrekkingVast, useTrekIn, type Grondslag, type GrondslagSoort, type Waarde,
} from './DelingApi.ts';

const probleem = (e: unknown) => (e instanceof ApiProblem ? e : null);

/** Field ids on this page get a prefix: the casus page has other forms with fields called "datum" or "soort". */
const P = 'delen-';

/** Summary lines for a problem; links point at this section's prefixed fields. */
function regels(p: ApiProblem, velden: Record<string, string>): Foutregel[] {
  return foutregels(p, velden).map((r) => (r.naam ? { ...r, naam: P + r.naam } : r));
}

/** A refusal with field messages gets the summary with links; any other failure the API's words. */
function Fout({ fout, velden }: { fout: unknown; velden: Record<string, string> }) {
  const p = probleem(fout);
  if (p && p.invalidParams.length > 0) {
    // The field lines say it all; a refusal (409/422) gets its own title instead of "check the fields".
    return <FoutSamenvatting titel={p.status === 400 ? 'Controleer de volgende velden' : p.title} fouten={regels(p, velden)} />;
  }
  return <Foutmelding fout={fout} />;
}

export function DelingenSectie({ huishoudenId, magSchrijven }: { huishoudenId: string; magSchrijven: boolean }) {
  const h = useHuishouden(huishoudenId);
  const [gekozenId, setGekozenId] = useState<string | null>(null);
  // Reading a person's shares is itself recorded in the audit trail: only read once the part is unfolded.
  const ref = useRef<HTMLElement>(null);
  const [zichtbaar, setZichtbaar] = useState(false);
  useEffect(() => {
    const details = ref.current?.closest('details');
    if (!details) { setZichtbaar(true); return undefined; }
    const volg = () => { if (details.open) setZichtbaar(true); };
    volg();
    details.addEventListener('toggle', volg);
    return () => details.removeEventListener('toggle', volg);
  }, []);
  const leden = h.data?.leden ?? [];
  const lid = leden.find((l) => l.id === gekozenId) ?? leden.find((l) => l.id === h.data?.hoofdpersoonId) ?? leden[0];
  return (
    <section ref={ref} aria-labelledby="kop-delen" className="eenvoud-sectie" id="delen">
      <Heading2 id="kop-delen">Toestemming en delen</Heading2>
      <Paragraph className="eenvoud-uitleg">
        Leg vast op welke grond u gegevens met een partner deelt (toestemming of een wettelijke grondslag), en wat u met wie deelde.
        Ingetrokken toestemming is geen grond meer voor nieuwe verstrekkingen.
      </Paragraph>
      {h.isPending ? <Laden tekst="Huishouden laden…" /> : null}
      {h.isError ? <Foutmelding fout={h.error} /> : null}
      {leden.length > 1 ? (
        <KeuzeVeld naam={`${P}persoon`} label="Inwoner" value={lid?.id ?? ''} onChange={(e) => setGekozenId(e.target.value)}>
          {leden.map((l) => <SelectOption key={l.id} value={l.id}>{l.naam}</SelectOption>)}
        </KeuzeVeld>
      ) : null}
      {lid && zichtbaar ? <DelingenVanLid key={lid.id} lid={lid} magSchrijven={magSchrijven} /> : null}
    </section>
  );
}

function periode(g: Grondslag): string {
  return g.geldigTot ? `${formatDatum(g.datum)} tot en met ${formatDatum(g.geldigTot)}` : `Vanaf ${formatDatum(g.datum)}`;
}

const partnersTekst = (g: Grondslag) => g.partners.map((p) => (p.naam ? `${p.naam} (${p.soortNaam})` : `${p.soortNaam} (iedere partner van deze soort)`)).join('; ');

function DelingenVanLid({ lid, magSchrijven }: { lid: Lid; magSchrijven: boolean }) {
  const d = useDelingen(lid.id);
  const [actie, setActie] = useState<{ soort: 'grondslag' | 'verstrekking' } | { soort: 'intrekken'; grondslag: Grondslag } | null>(null);
  const [bericht, setBericht] = useState<string | null>(null);
  const klaar = (b?: string) => { setActie(null); setBericht(b ?? null); };
  if (d.isPending) return <Laden tekst="Toestemmingen en verstrekkingen laden…" />;
  if (d.isError) return <Foutmelding fout={d.error} />;
  const { grondslagen, verstrekkingen } = d.data;
  const geldig = grondslagen.filter((g) => g.status === 'geldig');
  return (
    <>
      {bericht ? <Alert type="ok" role="status"><Paragraph>{bericht}</Paragraph></Alert> : null}
      <Heading3 id="kop-grondslagen">Grondslagen voor delen</Heading3>
      {grondslagen.length === 0 ? (
        <Paragraph className="eenvoud-leeg">Voor {lid.naam} is nog geen toestemming of andere grondslag vastgelegd.</Paragraph>
      ) : (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Grondslagen voor delen van {lid.naam}, de nieuwste eerst</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Grondslag</TableHeaderCell>
                <TableHeaderCell scope="col">Met wie</TableHeaderCell>
                <TableHeaderCell scope="col">Waarvoor</TableHeaderCell>
                <TableHeaderCell scope="col">Welke gegevens</TableHeaderCell>
                <TableHeaderCell scope="col">Periode</TableHeaderCell>
                <TableHeaderCell scope="col">Stand</TableHeaderCell>
                {magSchrijven ? <TableHeaderCell scope="col"><span className="eenvoud-visueel-verborgen">Acties</span></TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {grondslagen.map((g) => (
                <TableRow key={g.id}>
                  <TableCell>
                    <strong>{g.soortNaam}</strong>
                    <br />
                    {g.gegevenDoor ? `Gegeven door ${g.gegevenDoor.naam} (${g.gegevenDoor.relatieNaam})` : g.wetsartikel ?? g.toelichting}
                  </TableCell>
                  <TableCell>{partnersTekst(g)}</TableCell>
                  <TableCell>{g.doelen.map((x) => x.naam).join('; ')}</TableCell>
                  <TableCell>{g.gegevens}</TableCell>
                  <TableCell className="eenvoud-nowrap">{periode(g)}</TableCell>
                  <TableCell>
                    {g.statusNaam}
                    {g.intrekking ? <><br />op {formatDatum(g.intrekking.datum)}{g.intrekking.reden ? `: ${g.intrekking.reden}` : ''}</> : null}
                  </TableCell>
                  {magSchrijven ? (
                    <TableCell>
                      {g.soort === 'toestemming' && !g.intrekking ? (
                        <Button appearance="secondary-action-button" onClick={() => { setBericht(null); setActie({ soort: 'intrekken', grondslag: g }); }}>
                          Toestemming intrekken<span className="eenvoud-visueel-verborgen"> ({partnersTekst(g)}, {formatDatum(g.datum)})</span>
                        </Button>
                      ) : null}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      <Heading3 id="kop-verstrekkingen">Verstrekkingen</Heading3>
      {verstrekkingen.length === 0 ? (
        <Paragraph className="eenvoud-leeg">Er zijn nog geen gegevens van {lid.naam} met partners gedeeld.</Paragraph>
      ) : (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Verstrekkingen van gegevens van {lid.naam}, de nieuwste eerst</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Datum</TableHeaderCell>
                <TableHeaderCell scope="col">Partner</TableHeaderCell>
                <TableHeaderCell scope="col">Doel</TableHeaderCell>
                <TableHeaderCell scope="col">Welke gegevens</TableHeaderCell>
                <TableHeaderCell scope="col">Grondslag</TableHeaderCell>
                <TableHeaderCell scope="col">Vastgelegd door</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {verstrekkingen.map((v) => (
                <TableRow key={v.id}>
                  <TableCell className="eenvoud-nowrap">{formatDatum(v.datum)}</TableCell>
                  <TableCell>{v.partner.naam} ({v.partner.soortNaam})</TableCell>
                  <TableCell>{v.doelNaam}</TableCell>
                  <TableCell>{v.gegevens}</TableCell>
                  <TableCell>{v.grondslagSoortNaam}</TableCell>
                  <TableCell>{v.vastgelegdDoor ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      {magSchrijven && actie === null ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => { setBericht(null); setActie({ soort: 'grondslag' }); }}>Grondslag vastleggen</Button>
          <Button appearance="secondary-action-button" onClick={() => { setBericht(null); setActie({ soort: 'verstrekking' }); }}>Verstrekking vastleggen</Button>
        </ButtonGroup>
      ) : null}
      {magSchrijven && actie?.soort === 'grondslag' ? <GrondslagFormulier lid={lid} onKlaar={klaar} /> : null}
      {magSchrijven && actie?.soort === 'verstrekking' ? <VerstrekkingFormulier lid={lid} grondslagen={geldig} onKlaar={klaar} /> : null}
      {magSchrijven && actie?.soort === 'intrekken' ? <IntrekkenFormulier lid={lid} grondslag={actie.grondslag} onKlaar={klaar} /> : null}
    </>
  );
}

const GRONDSLAG_VELDEN: Record<string, string> = {
  soort: 'Grondslag', 'gegevenDoor.relatie': 'Wie gaf toestemming', 'gegevenDoor.persoonId': 'Wie gaf toestemming', datum: 'Datum', geldigTot: 'Geldig tot en met',
  partners: 'Met wie', doelen: 'Waarvoor', gegevens: 'Welke gegevens', wetsartikel: 'Wetsartikel', toelichting: 'Toelichting',
};

const GRONDSLAG_UITLEG: Record<GrondslagSoort, string> = {
  toestemming: 'De inwoner (of een wettelijk vertegenwoordiger) stemt in met delen. Onder de 16 geeft een ouder met gezag toestemming. Toestemming kan altijd worden ingetrokken.',
  wettelijkeTaak: 'Delen is nodig voor een taak die de wet de gemeente geeft, bijvoorbeeld het meldrecht bij Veilig Thuis. Noem het wetsartikel.',
  wettelijkeVerplichting: 'De wet verplicht de gemeente de gegevens te verstrekken. Noem het wetsartikel.',
  vitaalBelang: 'Alleen als er geen tijd of mogelijkheid is om toestemming te vragen en het leven of de gezondheid van de inwoner op het spel staat.',
};

/** Who can give consent for this member: the member from 16, and the representatives recorded at the household. */
function gevers(lid: Lid, lijst: Waarde[]): { code: string; naam: string }[] {
  const relatieNaam = (r: string) => lijst.find((w) => w.code === r)?.naam ?? r;
  const uit = lid.leeftijd >= 16 ? [{ code: 'zelf', naam: `${lid.naam} zelf` }] : [];
  for (const v of lid.vertegenwoordigers) {
    if (v.relatie === 'overig') continue;
    uit.push({ code: `${v.relatie}:${v.persoonId}`, naam: `${v.naam} (${relatieNaam(v.relatie)})` });
  }
  return uit;
}

function GrondslagFormulier({ lid, onKlaar }: { lid: Lid; onKlaar: (bericht?: string) => void }) {
  const kop = useId();
  const lijsten = useDelenLijsten();
  const mut = useLegGrondslagVast(lid.id);
  const [v, setV] = useState({
    soort: 'toestemming' as GrondslagSoort, gever: '', datum: vandaag(), geldigTot: '', gegevens: '', wetsartikel: '', toelichting: '',
    partners: [{ soort: 'aanbieder', naam: '' }], doelen: [] as string[],
  });
  const fouten = veldFouten(probleem(mut.error));
  const opties = gevers(lid, lijsten.data?.toestemmingGevers ?? []);
  const zet = (k: 'datum' | 'geldigTot' | 'gegevens' | 'wetsartikel' | 'toelichting') => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const zetPartner = (i: number, p: Partial<{ soort: string; naam: string }>) => setV({ ...v, partners: v.partners.map((x, j) => (j === i ? { ...x, ...p } : x)) });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const [relatie = '', persoonId] = v.gever.split(':');
    mut.mutate({
      soort: v.soort, datum: v.datum, ...(v.geldigTot ? { geldigTot: v.geldigTot } : {}),
      ...(v.soort === 'toestemming' && relatie ? { gegevenDoor: { relatie, ...(persoonId ? { persoonId } : {}) } } : {}),
      partners: v.partners.map((p) => ({ soort: p.soort, ...(p.naam.trim() ? { naam: p.naam } : {}) })),
      doelen: v.doelen, gegevens: v.gegevens,
      ...(v.soort !== 'toestemming' && v.wetsartikel.trim() ? { wetsartikel: v.wetsartikel } : {}),
      ...(v.toelichting.trim() ? { toelichting: v.toelichting } : {}),
    }, { onSuccess: (g) => onKlaar(`${g.soortNaam} voor ${lid.naam} is vastgelegd.`) });
  };
  const soortNaam = (c: string) => lijsten.data?.grondslagSoorten.find((w) => w.code === c)?.naam ?? '';
  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-labelledby={kop}>
      <Heading3 id={kop}>Grondslag vastleggen: {lid.naam}</Heading3>
      {mut.error ? <Fout fout={mut.error} velden={GRONDSLAG_VELDEN} /> : null}
      <RondjesVeld naam={`${P}soort`} label="Op welke grond deelt u?" verplicht waarde={v.soort} fout={fouten.soort}
        beschrijving={GRONDSLAG_UITLEG[v.soort]} onChange={(soort) => setV({ ...v, soort: soort as GrondslagSoort })}
        opties={(lijsten.data?.grondslagSoorten ?? []).map((w) => ({ code: w.code, naam: w.naam }))} />
      {v.soort === 'toestemming' ? (
        opties.length > 0 ? (
          <RondjesVeld naam={`${P}gegevenDoor.relatie`} label="Wie gaf toestemming?" verplicht waarde={v.gever}
            fout={fouten['gegevenDoor.relatie'] ?? fouten['gegevenDoor.persoonId']} onChange={(gever) => setV({ ...v, gever })} opties={opties} />
        ) : (
          <Alert type="warning" id={`veld-${P}gegevenDoor-relatie`}>
            <Paragraph>
              {lid.naam} is jonger dan 16: toestemming geeft een ouder met gezag. Er is geen ouder met gezag vastgelegd; doe dat eerst bij het huishouden.
            </Paragraph>
          </Alert>
        )
      ) : null}
      {v.soort === 'wettelijkeTaak' || v.soort === 'wettelijkeVerplichting' ? (
        <>
          <TekstVeld naam={`${P}wetsartikel`} label="Wetsartikel" verplicht value={v.wetsartikel} onChange={zet('wetsartikel')} fout={fouten.wetsartikel}
            beschrijving="Bijvoorbeeld Wmo 2015 art. 5.2.6 (meldrecht Veilig Thuis). Kies een voorstel of typ het artikel." list={`${P}wetsartikelen`} autoComplete="off" />
          <datalist id={`${P}wetsartikelen`}>
            {(lijsten.data?.wetsartikelen ?? []).map((w) => <option key={w.code} value={w.code} />)}
          </datalist>
        </>
      ) : null}
      <TekstVeld naam={`${P}datum`} label={v.soort === 'toestemming' ? 'Datum van de toestemming' : 'Datum'} type="date" verplicht value={v.datum} onChange={zet('datum')}
        fout={fouten.datum} max={vandaag()} className="eenvoud-breedte-10" />
      <TekstVeld naam={`${P}geldigTot`} label="Geldig tot en met" type="date" value={v.geldigTot} onChange={zet('geldigTot')} fout={fouten.geldigTot}
        beschrijving="Leeg laten als er geen einddatum is afgesproken." className="eenvoud-breedte-10" />
      <Fieldset className="eenvoud-subfieldset" invalid={!!fouten.partners} id={`veld-${P}partners`}>
        <FieldsetLegend>Met wie mag gedeeld worden? <span className="eenvoud-verplicht">(verplicht)</span></FieldsetLegend>
        {fouten.partners ? <FormFieldErrorMessage>{fouten.partners}</FormFieldErrorMessage> : null}
        {v.partners.map((p, i) => (
          <div key={i} className="eenvoud-deelpartner">
            <KeuzeVeld naam={`${P}partners.${i}.soort`} label={`Soort partner${v.partners.length > 1 ? ` ${i + 1}` : ''}`} value={p.soort}
              onChange={(e) => zetPartner(i, { soort: e.target.value })} fout={fouten[`partners.${i}.soort`]}>
              {(lijsten.data?.partnerSoorten ?? []).map((w) => <SelectOption key={w.code} value={w.code}>{w.naam}</SelectOption>)}
            </KeuzeVeld>
            <TekstVeld naam={`${P}partners.${i}.naam`} label={`Naam van de partner${v.partners.length > 1 ? ` ${i + 1}` : ''}`} value={p.naam}
              onChange={(e) => zetPartner(i, { naam: e.target.value })} fout={fouten[`partners.${i}.naam`]} autoComplete="off"
              beschrijving="Leeg laten: elke partner van deze soort." />
          </div>
        ))}
        <ButtonGroup>
          <Button appearance="subtle-button" type="button" onClick={() => setV({ ...v, partners: [...v.partners, { soort: 'aanbieder', naam: '' }] })}>Nog een partner</Button>
          {v.partners.length > 1 ? (
            <Button appearance="subtle-button" type="button" onClick={() => setV({ ...v, partners: v.partners.slice(0, -1) })}>Laatste partner weghalen</Button>
          ) : null}
        </ButtonGroup>
      </Fieldset>
      <Fieldset className="eenvoud-subfieldset" invalid={!!fouten.doelen} id={`veld-${P}doelen`}>
        <FieldsetLegend>Waarvoor mag gedeeld worden? <span className="eenvoud-verplicht">(verplicht)</span></FieldsetLegend>
        {fouten.doelen ? <FormFieldErrorMessage>{fouten.doelen}</FormFieldErrorMessage> : null}
        {(lijsten.data?.delenDoelen ?? []).map((w) => (
          <AankruisVeld key={w.code} naam={`${P}doel-${w.code}`} label={w.naam} aan={v.doelen.includes(w.code)}
            onChange={(aan) => setV({ ...v, doelen: aan ? [...v.doelen, w.code] : v.doelen.filter((x) => x !== w.code) })} />
        ))}
      </Fieldset>
      <TekstvakVeld naam={`${P}gegevens`} label="Welke gegevens" verplicht value={v.gegevens} onChange={zet('gegevens')} fout={fouten.gegevens} rows={3}
        beschrijving="Bijvoorbeeld: naam, adres, de hulpvraag en het plan. Niet meer dan nodig is voor het doel." />
      <TekstvakVeld naam={`${P}toelichting`} label="Toelichting" verplicht={v.soort === 'vitaalBelang'} value={v.toelichting} onChange={zet('toelichting')}
        fout={fouten.toelichting} rows={2} />
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" busy={mut.isPending} disabled={mut.isPending}>{soortNaam(v.soort) || 'Grondslag'} opslaan</Button>
        <Button appearance="secondary-action-button" type="button" onClick={() => onKlaar()}>Annuleren</Button>
      </ButtonGroup>
    </form>
  );
}

const VERSTREKKING_VELDEN: Record<string, string> = {
  grondslagId: 'Grondslag', 'partner.soort': 'Soort partner', 'partner.naam': 'Naam van de partner', partner: 'Partner', doel: 'Doel', gegevens: 'Welke gegevens',
  datum: 'Datum', toelichting: 'Toelichting',
};

function VerstrekkingFormulier({ lid, grondslagen, onKlaar }: { lid: Lid; grondslagen: Grondslag[]; onKlaar: (bericht?: string) => void }) {
  const kop = useId();
  const lijsten = useDelenLijsten();
  const mut = useLegVerstrekkingVast(lid.id);
  const eerste = grondslagen[0];
  const [v, setV] = useState({
    grondslagId: eerste?.id ?? '', partnerSoort: eerste?.partners[0]?.soort ?? 'aanbieder', partnerNaam: eerste?.partners[0]?.naam ?? '',
    doel: eerste?.doelen[0]?.code ?? '', gegevens: '', datum: vandaag(), toelichting: '',
  });
  const fouten = veldFouten(probleem(mut.error));
  const zet = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mut.mutate({
      grondslagId: v.grondslagId, partner: { soort: v.partnerSoort, naam: v.partnerNaam }, doel: v.doel, gegevens: v.gegevens, datum: v.datum,
      ...(v.toelichting.trim() ? { toelichting: v.toelichting } : {}),
    }, { onSuccess: (x) => onKlaar(`De verstrekking aan ${x.partner.naam} is vastgelegd.`) });
  };
  if (grondslagen.length === 0) {
    return (
      <Alert type="warning">
        <Paragraph>Er is voor {lid.naam} geen geldige toestemming of andere grondslag. Leg eerst een grondslag vast; zonder grondslag deelt u niets.</Paragraph>
        <ButtonGroup><Button appearance="secondary-action-button" onClick={() => onKlaar()}>Sluiten</Button></ButtonGroup>
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-labelledby={kop}>
      <Heading3 id={kop}>Verstrekking vastleggen: {lid.naam}</Heading3>
      {mut.error ? <Fout fout={mut.error} velden={VERSTREKKING_VELDEN} /> : null}
      <KeuzeVeld naam={`${P}grondslagId`} label="Op welke grondslag deelt u?" verplicht value={v.grondslagId} onChange={zet('grondslagId')} fout={fouten.grondslagId}>
        {grondslagen.map((g) => (
          <SelectOption key={g.id} value={g.id}>{g.soortNaam} van {formatDatum(g.datum)}: {partnersTekst(g)}</SelectOption>
        ))}
      </KeuzeVeld>
      <KeuzeVeld naam={`${P}partner.soort`} label="Soort partner" verplicht value={v.partnerSoort} onChange={zet('partnerSoort')} fout={fouten['partner.soort'] ?? fouten.partner}>
        {(lijsten.data?.partnerSoorten ?? []).map((w) => <SelectOption key={w.code} value={w.code}>{w.naam}</SelectOption>)}
      </KeuzeVeld>
      <TekstVeld naam={`${P}partner.naam`} label="Naam van de partner" verplicht value={v.partnerNaam} onChange={zet('partnerNaam')} fout={fouten['partner.naam']} autoComplete="off" />
      <KeuzeVeld naam={`${P}doel`} label="Doel" verplicht value={v.doel} onChange={zet('doel')} fout={fouten.doel}>
        <SelectOption value="">Kies het doel</SelectOption>
        {(lijsten.data?.delenDoelen ?? []).map((w) => <SelectOption key={w.code} value={w.code}>{w.naam}</SelectOption>)}
      </KeuzeVeld>
      <TekstvakVeld naam={`${P}gegevens`} label="Welke gegevens" verplicht value={v.gegevens} onChange={zet('gegevens')} fout={fouten.gegevens} rows={3} />
      <TekstVeld naam={`${P}datum`} label="Gedeeld op" type="date" verplicht value={v.datum} onChange={zet('datum')} fout={fouten.datum} max={vandaag()} className="eenvoud-breedte-10" />
      <TekstvakVeld naam={`${P}toelichting`} label="Toelichting" value={v.toelichting} onChange={zet('toelichting')} fout={fouten.toelichting} rows={2} />
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" busy={mut.isPending} disabled={mut.isPending}>Verstrekking opslaan</Button>
        <Button appearance="secondary-action-button" type="button" onClick={() => onKlaar()}>Annuleren</Button>
      </ButtonGroup>
    </form>
  );
}

function IntrekkenFormulier({ lid, grondslag, onKlaar }: { lid: Lid; grondslag: Grondslag; onKlaar: (bericht?: string) => void }) {
  const kop = useId();
  const mut = useTrekIn(lid.id);
  const [reden, setReden] = useState('');
  const fouten = veldFouten(probleem(mut.error));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mut.mutate({ grondslagId: grondslag.id, ...(reden.trim() ? { reden } : {}) }, {
      onSuccess: () => onKlaar(`De toestemming van ${formatDatum(grondslag.datum)} is ingetrokken. Zij is geen grond meer om gegevens van ${lid.naam} te delen.`),
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-labelledby={kop}>
      <Heading3 id={kop}>Toestemming intrekken: {lid.naam}</Heading3>
      <Paragraph>Toestemming van {formatDatum(grondslag.datum)} voor {partnersTekst(grondslag)}. Na het intrekken deelt u op deze toestemming niets meer; wat al gedeeld is, blijft vastgelegd.</Paragraph>
      {mut.error ? <Fout fout={mut.error} velden={{ reden: 'Reden', datum: 'Datum' }} /> : null}
      <TekstvakVeld naam={`${P}reden`} label="Reden" value={reden} onChange={(e) => setReden(e.target.value)} fout={fouten.reden} rows={2}
        beschrijving="Niet verplicht. Bijvoorbeeld wat de inwoner zei." />
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" busy={mut.isPending} disabled={mut.isPending}>Intrekking vastleggen</Button>
        <Button appearance="secondary-action-button" type="button" onClick={() => onKlaar()}>Annuleren</Button>
      </ButtonGroup>
    </form>
  );
}
