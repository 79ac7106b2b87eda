/**
 * One aanvraag as the beslisser needs it: the whole household, the plan with the ladder, the
 * products per law, the decision terms, who did which step, and the next step for whoever may take it.
 */
import {
  Alert, Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Heading3, Paragraph, PrimaryActionButton,
  SelectOption, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Bericht, KnopLink, Probleem, Uitklap, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { ApiProblem } from '../../platform/api.ts';
import { formatDatum, formatMoment, vandaag } from '../../platform/format.ts';
import { Historietabel } from '../../platform/Historietabel.tsx';
import { AankruisVeld, FoutSamenvatting, KeuzeVeld, RondjesVeld, TekstVeld, TekstvakVeld, foutregels } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { rolNaam, useSessie, useSession } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { TREDEN, leefgebiedNaam } from '../catalogus/api.ts';
import { TermijnBadge } from '../toegang/termijn.tsx';
import {
  AANVRAAG_STATUSSEN, useAanvraag, useAanvraagStap, type AanvraagDetail, type AanvraagProduct, type AanvraagTermijn, type BesluitProduct, type Periode, type Stap, type Uitkomst,
} from './api.ts';
import { aanvragerTekst } from './regels.ts';
import { AanvraagStatusBadge, useWetNaam } from './onderdelen.tsx';
import { STAP_NAAM, STAP_ROLLEN, huidigeStap, vierOgenReden } from './regels.ts';
import { instemmingWijzeNaam, planStatusNaam } from '../plan/api.ts';
import { isGeenToegangDossier } from '../privacy/GeenToegang.tsx';
import { BudgetNaBesluit, ProductcodeVeld, ResultaatVelden, eenheidWoord, periodeVan, useBesluitProducten } from '../voorziening/BesluitProduct.tsx';

// The API gives the plan status as a code; the page shows the word (a code it does not know stays as it is).
const planStatusTekst = (code: string): string => (planStatusNaam as Record<string, string>)[code]?.toLowerCase() ?? code;

/** A success message, with a link and (after deciding) the beschikking whose computed budget to show. */
type Gelukt = (tekst: string, link?: { naar: string; tekst: string }, budgetVan?: string) => void;

const BRON_NAAM = { plan: 'Uit het plan (casusregisseur)', inwoner: 'Door de inwoner zelf', herziening: 'Herziening van een besluit' } as const;

export function AanvraagPage() {
  const { id = '' } = useParams();
  const aanvraag = useAanvraag(id);
  const [bericht, setBericht] = useState<{ tekst: string; link?: { naar: string; tekst: string } | undefined; budgetVan?: string | undefined } | null>(null);
  usePageTitle(aanvraag.data ? `Aanvraag ${aanvraag.data.nummer}` : 'Aanvraag');
  const terug = <Paragraph><RouterLink to="/aanvragen">Terug naar de aanvragen</RouterLink></Paragraph>;

  if (aanvraag.isPending) return <><Heading1>Aanvraag</Heading1><Laden tekst="De aanvraag wordt geladen…" /></>;
  if (aanvraag.isError) {
    // Sending ends the beslisser's part: the file closes for them (need-to-know), the confirmation stays.
    if (bericht && isGeenToegangDossier(aanvraag.error)) {
      return (
        <>{terug}<Heading1>Aanvraag</Heading1>
          <Bericht tekst={bericht.tekst}>
            <Paragraph>De aanvraag ligt nu niet meer bij de beslissers, dus het dossier is voor u gesloten. De casusregisseur ziet de beschikking; een bezwaar registreert de teamleider.</Paragraph>
          </Bericht>
        </>
      );
    }
    const nietGevonden = aanvraag.error instanceof ApiProblem && aanvraag.error.status === 404;
    return <>{terug}<Heading1>{nietGevonden ? 'Aanvraag niet gevonden' : 'Aanvraag'}</Heading1><Foutmelding fout={aanvraag.error} /></>;
  }
  const a = aanvraag.data;
  const gelukt: Gelukt = (tekst, link, budgetVan) => setBericht({ tekst, link, budgetVan });

  return (
    <>
      {terug}
      <Heading1>Aanvraag {a.nummer}</Heading1>
      <nav aria-labelledby="kop-inhoudsopgave" className="eenvoud-inhoudsopgave">
        <h2 id="kop-inhoudsopgave" className="eenvoud-inhoudsopgave__kop">Op deze pagina</h2>
        <ul>
          {[['kop-stap', 'Volgende stap'], ['kop-producten', 'Producten'], ['kop-termijnen', 'Beslistermijnen'], ['kop-huishouden', 'Huishouden'],
            ['kop-plan', 'Plan en ladder'], ['kop-historie', 'Historie']].map(([doel, tekst]) => (
            <li key={doel}><a className="utrecht-link utrecht-link--html-a" href={`#${doel}`}>{tekst}</a></li>
          ))}
        </ul>
      </nav>
      <Bericht tekst={bericht?.tekst ?? null}>
        {bericht?.budgetVan ? <BudgetNaBesluit beschikkingId={bericht.budgetVan} /> : null}
        {bericht?.link ? <Paragraph><RouterLink to={bericht.link.naar}>{bericht.link.tekst}</RouterLink></Paragraph> : null}
      </Bericht>

      <section aria-labelledby="kop-aanvraag" className="eenvoud-sectie">
        <Heading2 id="kop-aanvraag">Gegevens van de aanvraag</Heading2>
        <DataList className="eenvoud-datalist">
          <DataListItem>
            <DataListKey>Status</DataListKey>
            <DataListValue>
              <span className="eenvoud-termijn-kort">
                <AanvraagStatusBadge status={a.status} naam={a.statusNaam} />
                {a.wachtOpTweedeBeslisser ? <StatusBadge status="warning">Wacht op tweede beslisser</StatusBadge> : null}
              </span>
            </DataListValue>
          </DataListItem>
          <DataListItem><DataListKey>Ontvangen op</DataListKey><DataListValue>{formatDatum(a.ontvangenOp)}</DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Aanvrager</DataListKey>
            <DataListValue>
              {a.aanvrager.relatie === 'zelf' ? `${a.namens.naam} (zelf)` : `Aangevraagd door ${aanvragerTekst(a.aanvrager)} namens ${a.namens.naam}`}
              {a.namens.minderjarig ? ' — minderjarig' : ''}
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Wettelijk vertegenwoordiger</DataListKey>
            <DataListValue>
              {a.vertegenwoordigers.length ? a.vertegenwoordigers.map((v) => `${v.naam} (${v.relatie === 'ouder' ? 'ouder met gezag' : v.relatie})`).join(', ')
                : a.namens.minderjarig ? 'Niet vastgelegd: leg het gezag vast bij het huishouden voordat u besluit' : 'Geen: de inwoner handelt zelf'}
            </DataListValue>
          </DataListItem>
          <DataListItem><DataListKey>Casus</DataListKey><DataListValue><RouterLink to={`/casussen/${a.casus.id}`}>{a.casus.nummer}</RouterLink></DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Bron</DataListKey>
            <DataListValue>
              {BRON_NAAM[a.bron]}
              {a.herzieningVan ? <> (<RouterLink to={`/beschikkingen/${a.herzieningVan}`}>het oude besluit</RouterLink>)</> : null}
            </DataListValue>
          </DataListItem>
          {a.toelichting ? <DataListItem><DataListKey>Toelichting</DataListKey><DataListValue className="eenvoud-omschrijving">{a.toelichting}</DataListValue></DataListItem> : null}
          {a.beschikkingId ? (
            <DataListItem>
              <DataListKey>Beschikking</DataListKey>
              <DataListValue><RouterLink to={`/beschikkingen/${a.beschikkingId}`}>Beschikking bekijken</RouterLink></DataListValue>
            </DataListItem>
          ) : null}
        </DataList>
      </section>

      <section aria-labelledby="kop-wie" className="eenvoud-sectie">
        <Heading2 id="kop-wie">Wie deed welke stap</Heading2>
        <DataList className="eenvoud-datalist">
          <DataListItem><DataListKey>Voorbereid door</DataListKey><DataListValue>{a.voorbereidDoor?.naam ?? 'De inwoner of onbekend'}</DataListValue></DataListItem>
          <DataListItem>
            <DataListKey>Getoetst door</DataListKey>
            <DataListValue>
              {a.getoetstDoor?.naam ?? 'Nog niet getoetst'}
              {a.toets ? <span className="eenvoud-gedimd"> ({a.toets.compleet ? 'compleet' : 'niet compleet'}, {a.toets.bevoegd ? 'gemeente bevoegd' : 'gemeente niet bevoegd'}{a.toets.opmerkingen ? `: ${a.toets.opmerkingen}` : ''})</span> : null}
            </DataListValue>
          </DataListItem>
          <DataListItem><DataListKey>Beoordeeld door</DataListKey><DataListValue>{a.beoordeeldDoor?.naam ?? 'Nog niet beoordeeld'}</DataListValue></DataListItem>
          {a.beoordeling ? <DataListItem><DataListKey>Advies</DataListKey><DataListValue className="eenvoud-omschrijving">{a.beoordeling}</DataListValue></DataListItem> : null}
          {a.eersteBeslisser ? <DataListItem><DataListKey>Eerste beslisser</DataListKey><DataListValue>{a.eersteBeslisser.naam}</DataListValue></DataListItem> : null}
          <DataListItem><DataListKey>Besloten door</DataListKey><DataListValue>{a.beslotenDoor?.naam ?? 'Nog niet besloten'}</DataListValue></DataListItem>
        </DataList>
      </section>

      <VolgendeStap aanvraag={a} onGelukt={gelukt} />
      <ProductenSectie aanvraag={a} />
      <TermijnenSectie aanvraag={a} onGelukt={gelukt} />

      <section aria-labelledby="kop-huishouden" className="eenvoud-sectie">
        <Heading2 id="kop-huishouden">Huishouden</Heading2>
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Leden van het huishouden</TableCaption>
            <TableHeader>
              <TableRow><TableHeaderCell scope="col">Naam</TableHeaderCell><TableHeaderCell scope="col">Geboortedatum</TableHeaderCell></TableRow>
            </TableHeader>
            <TableBody>
              {a.huishouden.map((l) => (
                <TableRow key={l.id}>
                  <TableCell>{l.naam}{l.id === a.persoon.id ? <span className="eenvoud-gedimd"> (aanvrager)</span> : null}</TableCell>
                  <TableCell className="eenvoud-nowrap">{formatDatum(l.geboortedatum)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </section>

      <PlanSectie aanvraag={a} />
      <HistorieSectie aanvraag={a} />
    </>
  );
}

// ————— The next step —————

function VolgendeStap({ aanvraag: a, onGelukt }: { aanvraag: AanvraagDetail; onGelukt: Gelukt }) {
  const sessie = useSessie();
  const { heeftRol } = useSession();
  const stap = huidigeStap(a.status);
  if (!stap) {
    return (
      <section aria-labelledby="kop-stap" className="eenvoud-sectie">
        <Heading2 id="kop-stap">Volgende stap</Heading2>
        <Paragraph>De beschikking is verzonden. Een wijziging gaat via een herziening op de pagina van de beschikking.</Paragraph>
        {a.beschikkingId ? <Paragraph><KnopLink secundair to={`/beschikkingen/${a.beschikkingId}`}>Naar de beschikking</KnopLink></Paragraph> : null}
      </section>
    );
  }
  const rollen = STAP_ROLLEN[stap];
  const magRol = heeftRol(...rollen);
  // The four-eyes reason is told to whoever it concerns (also a preparer without the step's role).
  const reden = vierOgenReden(stap, sessie.gebruiker.id, a);
  const titel = stap === 'besluit' && a.wachtOpTweedeBeslisser ? 'Besluiten als tweede beslisser' : STAP_NAAM[stap];

  return (
    <section aria-labelledby="kop-stap" className="eenvoud-sectie">
      <Heading2 id="kop-stap">Volgende stap: {titel.toLowerCase()}</Heading2>
      {reden ? (
        <Alert type="warning" className="eenvoud-vier-ogen">
          <Paragraph><strong>Vier ogen: </strong>{reden}</Paragraph>
        </Alert>
      ) : !magRol ? (
        <Paragraph>Deze stap is voor een {rollen.map((r) => rolNaam[r].toLowerCase()).join(' of ')}.</Paragraph>
      ) : (
        <>
          {stap === 'toets' ? <ToetsFormulier aanvraag={a} onGelukt={onGelukt} /> : null}
          {stap === 'beoordeling' ? <BeoordelingFormulier aanvraag={a} onGelukt={onGelukt} /> : null}
          {stap === 'besluit' ? <BesluitFormulier aanvraag={a} onGelukt={onGelukt} /> : null}
          {stap === 'verzending' ? <Verzenden aanvraag={a} onGelukt={onGelukt} /> : null}
        </>
      )}
      {stap === 'verzending' && a.beschikkingId ? (
        <Paragraph><RouterLink to={`/beschikkingen/${a.beschikkingId}`}>Beschikking bekijken</RouterLink></Paragraph>
      ) : null}
    </section>
  );
}

/** Runs a step; a four-eyes refusal or a wrong status comes back as the API's own words. */
function useStap(a: AanvraagDetail) {
  const mutatie = useAanvraagStap(a.id);
  const probleem = useProbleem();
  const doe = (s: Stap, gelukt: (r: Awaited<ReturnType<typeof mutatie.mutateAsync>>) => void) => {
    probleem.setProbleem(null);
    mutatie.mutate(s, { onSuccess: gelukt, onError: (e) => probleem.setProbleem(alsProbleem(e)) });
  };
  return { ...probleem, doe, bezig: mutatie.isPending };
}

function ToetsFormulier({ aanvraag: a, onGelukt }: { aanvraag: AanvraagDetail; onGelukt: Gelukt }) {
  const { probleem, fouten, doe, bezig } = useStap(a);
  const [compleet, setCompleet] = useState(true);
  const [bevoegd, setBevoegd] = useState(true);
  const [opmerkingen, setOpmerkingen] = useState('');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    doe({ soort: 'toets', body: { compleet, bevoegd, ...(opmerkingen.trim() ? { opmerkingen } : {}) } }, () => onGelukt('De aanvraag is getoetst. Nu beoordeelt een beslisser haar.'));
  };
  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-label="Aanvraag toetsen">
      <Paragraph className="eenvoud-uitleg">Formele toets: zijn de gegevens compleet en is de gemeente bevoegd (woonplaats, wet)?</Paragraph>
      <Probleem probleem={probleem} />
      <AankruisVeld naam="compleet" label="De aanvraag is compleet" aan={compleet} onChange={setCompleet} fout={fouten.compleet} />
      <AankruisVeld naam="bevoegd" label="De gemeente is bevoegd" aan={bevoegd} onChange={setBevoegd} fout={fouten.bevoegd} />
      <TekstvakVeld naam="opmerkingen" label="Opmerkingen" rows={3} maxLength={4000}
        beschrijving="Niet compleet? Vraag dan eerst om aanvulling en schort de beslistermijn op."
        value={opmerkingen} onChange={(e) => setOpmerkingen(e.target.value)} fout={fouten.opmerkingen} />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={bezig} disabled={bezig}>Toetsing vastleggen</PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}

function BeoordelingFormulier({ aanvraag: a, onGelukt }: { aanvraag: AanvraagDetail; onGelukt: Gelukt }) {
  const { probleem, fouten, doe, bezig } = useStap(a);
  const [advies, setAdvies] = useState('');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    doe({ soort: 'beoordeling', body: advies.trim() ? { advies } : {} }, () => onGelukt('De aanvraag is beoordeeld. Nu besluit een andere beslisser erover.'));
  };
  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-label="Aanvraag beoordelen">
      <Paragraph className="eenvoud-uitleg">De inhoudelijke afweging over alle wetten: past de voorziening bij het plan, en is de ladder gevolgd?</Paragraph>
      <Probleem probleem={probleem} />
      <TekstvakVeld naam="advies" label="Advies" rows={5} maxLength={8000}
        beschrijving="Leeg: 'de voorziening past bij het plan en de ladder is gevolgd'."
        value={advies} onChange={(e) => setAdvies(e.target.value)} fout={fouten.advies} />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={bezig} disabled={bezig}>Beoordeling vastleggen</PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}

const UITKOMSTEN: { code: Uitkomst; naam: string }[] = [
  { code: 'toegekend', naam: 'Toegekend' }, { code: 'deelsToegekend', naam: 'Deels toegekend' }, { code: 'afgewezen', naam: 'Afgewezen' },
];
// The decision's words for the WJ756 units; the contract product's unit is filled in (the API checks they match).
const EENHEDEN = ['uur', 'minuut', 'dagdeel', 'etmaal', 'stuks', 'euro'];
const PERIODES: { code: Periode; naam: string }[] = [
  { code: 'dag', naam: 'Per dag' }, { code: 'week', naam: 'Per week' }, { code: 'maand', naam: 'Per maand' }, { code: 'totaal', naam: 'In totaal' },
];
const LEVERINGSVORMEN = [{ code: 'zin', naam: 'Zorg in natura' }, { code: 'pgb', naam: 'Persoonsgebonden budget (pgb)' }];

interface ProductKeuze {
  uitkomst: Uitkomst | '';
  omvang: string;
  /** Empty: the contract product's unit and period apply. */
  eenheid: string;
  periode: Periode | '';
  ingangsdatum: string;
  einddatum: string;
  leveringsvorm: 'zin' | 'pgb' | '';
  /** Chosen here when the catalogue item names no contracted product. */
  productcode: string;
  /** Result-based products only: profile (Jeugd) or complexity (Wmo), and intensity. */
  profiel: string;
  intensiteit: string;
}

const getal = (v: string): number | undefined => {
  const n = Number(v.replace(',', '.').trim());
  return v.trim() === '' || Number.isNaN(n) ? undefined : n;
};

function BesluitFormulier({ aanvraag: a, onGelukt }: { aanvraag: AanvraagDetail; onGelukt: Gelukt }) {
  const { probleem, setProbleem, fouten, doe, bezig } = useStap(a);
  const wetNaam = useWetNaam();
  const [keuzes, setKeuzes] = useState<ProductKeuze[]>(() => a.producten.map(() => ({
    uitkomst: '', omvang: '', eenheid: '', periode: '', ingangsdatum: vandaag(), einddatum: '', leveringsvorm: '', productcode: '', profiel: '', intensiteit: '',
  })));
  const contract = useBesluitProducten(a.producten, keuzes.map((k) => k.productcode));
  // The contracted product of each line (fixed by the catalogue or chosen): its unit and period fill the fields.
  const contractProduct = (i: number) => contract[i]!.product ?? undefined;
  const eenheidVan = (i: number) => keuzes[i]!.eenheid || (contractProduct(i) ? eenheidWoord(contractProduct(i)!.eenheid) : 'uur');
  const periodeVanRegel = (i: number): Periode => keuzes[i]!.periode || ((contractProduct(i) ? periodeVan(contractProduct(i)!.frequentie) : undefined) ?? 'week') as Periode;
  const [motivering, setMotivering] = useState('');
  const zet = (i: number, veld: keyof ProductKeuze, waarde: string) => setKeuzes((oud) => oud.map((k, j) => (j === i ? { ...k, [veld]: waarde } : k)));

  const velden: Record<string, string> = {};
  a.producten.forEach((p, i) => {
    for (const [v, n] of [['uitkomst', 'uitkomst'], ['omvang', 'omvang'], ['eenheid', 'eenheid'], ['periode', 'periode'], ['ingangsdatum', 'ingangsdatum'],
      ['einddatum', 'einddatum'], ['leveringsvorm', 'leveringsvorm'], ['productcode', 'product uit het contract']] as const) {
      velden[`producten.${i}.${v}`] = `${p.omschrijving}: ${n}`;
    }
  });
  velden.motivering = 'Motivering';
  const regels = probleem && probleem.invalidParams.length > 0 ? foutregels(probleem, velden) : [];

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const producten: BesluitProduct[] = a.producten.map((p, i) => {
      const k = keuzes[i]!;
      if (k.uitkomst === 'afgewezen') return { aanvraagProductId: p.id, uitkomst: 'afgewezen' };
      const omvang = getal(k.omvang);
      const productcode = contract[i]!.vast ? undefined : k.productcode;
      const resultaat = contractProduct(i)?.resultaatgericht ? { profiel: k.profiel, intensiteit: k.intensiteit } : undefined;
      return {
        aanvraagProductId: p.id, uitkomst: (k.uitkomst || '') as Uitkomst, periode: periodeVanRegel(i), eenheid: eenheidVan(i),
        ...(omvang !== undefined ? { omvang } : {}), ...(productcode ? { productcode } : {}), ...(resultaat ? { resultaat } : {}),
        ...(k.ingangsdatum ? { ingangsdatum: k.ingangsdatum } : {}), ...(k.einddatum ? { einddatum: k.einddatum } : {}),
        ...(k.leveringsvorm ? { leveringsvorm: k.leveringsvorm } : {}),
      };
    });
    const leeg = a.producten.findIndex((_, i) => !keuzes[i]!.uitkomst);
    if (leeg >= 0) {
      setProbleem(new ApiProblem({
        type: 'about:blank', status: 400, code: 'ongeldige-invoer', title: 'Controleer de velden', detail: 'Kies bij elk product een uitkomst.',
        invalidParams: [{ name: `producten.${leeg}.uitkomst`, code: 'verplicht', reason: 'Kies toegekend, deels toegekend of afgewezen' }],
      }));
      return;
    }
    doe({ soort: 'besluit', body: { producten, motivering } }, (r) => {
      if (r.wachtOpTweedeBeslisser) {
        onGelukt('Uw besluit is vastgelegd. Het budget uit het contract ligt boven de drempel: een tweede beslisser besluit mee voordat de beschikking er is.');
      } else {
        onGelukt('Het besluit is genomen. De beschikking is klaar om te verzenden.', r.beschikkingId ? { naar: `/beschikkingen/${r.beschikkingId}`, tekst: 'Beschikking bekijken' } : undefined,
          r.beschikkingId ?? undefined);
      }
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-form--breed eenvoud-actie" aria-label="Besluiten">
      {a.wachtOpTweedeBeslisser ? (
        <Paragraph>
          {a.eersteBeslisser?.naam ?? 'Een collega'} besloot al. Het budget uit het contract ligt boven de drempel, dus u beslist mee als tweede beslisser:
          vul het besluit in zoals u het neemt.
        </Paragraph>
      ) : (
        <Paragraph className="eenvoud-uitleg">
          Besluit per product. Bij een (deels) toekenning zijn het product uit het contract, omvang, ingangsdatum en leveringsvorm verplicht. Het budget
          berekent Eenvoud uit het tarief van het contract; boven de drempel beslist een tweede beslisser mee.
        </Paragraph>
      )}
      {regels.length > 0 ? <FoutSamenvatting fouten={regels} inleiding={probleem?.detail} /> : <Probleem probleem={probleem} />}
      {a.producten.map((p, i) => {
        const k = keuzes[i]!;
        const pre = `producten.${i}`;
        return (
          <fieldset key={p.id} className="utrecht-form-fieldset eenvoud-subfieldset eenvoud-besluit-product">
            <legend className="utrecht-form-fieldset__legend">{p.omschrijving} <span className="eenvoud-gedimd">({wetNaam(p.wet)})</span></legend>
            <RondjesVeld naam={`${pre}.uitkomst`} label="Uitkomst" verplicht opties={UITKOMSTEN} waarde={k.uitkomst}
              onChange={(v) => zet(i, 'uitkomst', v)} fout={fouten[`${pre}.uitkomst`]} />
            {k.uitkomst === 'toegekend' || k.uitkomst === 'deelsToegekend' ? (
              <>
                <ProductcodeVeld naam={`${pre}.productcode`} {...contract[i]!} waarde={k.productcode}
                  onChange={(code) => setKeuzes((oud) => oud.map((x, j) => (j === i ? { ...x, productcode: code, eenheid: '', periode: '' } : x)))}
                  veldFout={fouten[`${pre}.productcode`]} />
                {contractProduct(i)?.resultaatgericht ? (
                  <ResultaatVelden pre={pre} wet={p.wet} productcode={contractProduct(i)!.productcode} profiel={k.profiel} intensiteit={k.intensiteit}
                    onChange={(veld, waarde) => zet(i, veld, waarde)} fouten={fouten} />
                ) : null}
                <div className="eenvoud-rij">
                  <TekstVeld naam={`${pre}.omvang`} label="Omvang" verplicht inputMode="decimal" className="eenvoud-breedte-6"
                    value={k.omvang} onChange={(e) => zet(i, 'omvang', e.target.value)} fout={fouten[`${pre}.omvang`]} />
                  <KeuzeVeld naam={`${pre}.eenheid`} label="Eenheid" verplicht value={eenheidVan(i)} onChange={(e) => zet(i, 'eenheid', e.target.value)} fout={fouten[`${pre}.eenheid`]}>
                    {EENHEDEN.map((x) => <SelectOption key={x} value={x}>{x}</SelectOption>)}
                  </KeuzeVeld>
                  <KeuzeVeld naam={`${pre}.periode`} label="Periode" value={periodeVanRegel(i)} onChange={(e) => zet(i, 'periode', e.target.value)} fout={fouten[`${pre}.periode`]}>
                    {PERIODES.map((x) => <SelectOption key={x.code} value={x.code}>{x.naam}</SelectOption>)}
                  </KeuzeVeld>
                </div>
                <div className="eenvoud-rij">
                  <TekstVeld naam={`${pre}.ingangsdatum`} label="Ingangsdatum" verplicht type="date" className="eenvoud-breedte-10"
                    value={k.ingangsdatum} onChange={(e) => zet(i, 'ingangsdatum', e.target.value)} fout={fouten[`${pre}.ingangsdatum`]} />
                  <TekstVeld naam={`${pre}.einddatum`} label="Einddatum" type="date" className="eenvoud-breedte-10" min={k.ingangsdatum || undefined}
                    value={k.einddatum} onChange={(e) => zet(i, 'einddatum', e.target.value)} fout={fouten[`${pre}.einddatum`]} />
                </div>
                <RondjesVeld naam={`${pre}.leveringsvorm`} label="Leveringsvorm" verplicht opties={LEVERINGSVORMEN} waarde={k.leveringsvorm}
                  onChange={(v) => zet(i, 'leveringsvorm', v)} fout={fouten[`${pre}.leveringsvorm`]} />
              </>
            ) : null}
          </fieldset>
        );
      })}
      <TekstvakVeld naam="motivering" label="Motivering" verplicht rows={5} maxLength={8000}
        beschrijving="Waarom u zo besluit. Deze tekst staat in de brief aan de inwoner: schrijf in gewone taal."
        value={motivering} onChange={(e) => setMotivering(e.target.value)} fout={fouten.motivering} />
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={bezig} disabled={bezig}>Besluit nemen</PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}

function Verzenden({ aanvraag: a, onGelukt }: { aanvraag: AanvraagDetail; onGelukt: Gelukt }) {
  const { probleem, doe, bezig } = useStap(a);
  const [bevestigen, setBevestigen] = useState(false);
  const vraagRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (bevestigen) vraagRef.current?.focus();
  }, [bevestigen]);
  const doeVerzenden = () => doe({ soort: 'verzending' }, () => {
    setBevestigen(false);
    onGelukt('De beschikking is verzonden. Zij kan nu niet meer veranderen.', a.beschikkingId ? { naar: `/beschikkingen/${a.beschikkingId}`, tekst: 'Beschikking bekijken' } : undefined);
  });
  return (
    <>
      <Paragraph>Het besluit is genomen. Bekijk de brief en verzend de beschikking naar de inwoner.</Paragraph>
      <Probleem probleem={probleem} />
      {!bevestigen ? (
        <ButtonGroup>
          <PrimaryActionButton type="button" onClick={() => setBevestigen(true)}>Beschikking verzenden</PrimaryActionButton>
        </ButtonGroup>
      ) : (
        <div ref={vraagRef} tabIndex={-1} className="eenvoud-bevestig" role="group" aria-labelledby="bevestig-verzenden">
          <Alert type="warning">
            <Paragraph id="bevestig-verzenden"><strong>Weet u het zeker? Na verzenden kan de beschikking niet meer veranderen; een wijziging gaat via een herziening.</strong></Paragraph>
            <Paragraph>De inwoner krijgt de brief precies zoals die dan is. Eenvoud bewaart de brief met een controlecode.</Paragraph>
            <ButtonGroup>
              <PrimaryActionButton type="button" busy={bezig} disabled={bezig} onClick={doeVerzenden}>Ja, beschikking verzenden</PrimaryActionButton>
              <Button appearance="secondary-action-button" type="button" onClick={() => setBevestigen(false)}>Annuleren</Button>
            </ButtonGroup>
          </Alert>
        </div>
      )}
    </>
  );
}

// ————— Products, terms, plan, history —————

function ProductenSectie({ aanvraag: a }: { aanvraag: AanvraagDetail }) {
  const wetNaam = useWetNaam();
  const perWet = new Map<string, AanvraagProduct[]>();
  for (const p of a.producten) perWet.set(p.wet, [...(perWet.get(p.wet) ?? []), p]);
  return (
    <section aria-labelledby="kop-producten" className="eenvoud-sectie">
      <Heading2 id="kop-producten">Aangevraagde producten</Heading2>
      {[...perWet.entries()].map(([wet, producten]) => (
        <div key={wet}>
          <Heading3 id={`kop-producten-${wet}`}>{wetNaam(wet)}</Heading3>
          <div className="eenvoud-tabel">
            <Table aria-labelledby={`kop-producten-${wet}`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col" className="eenvoud-kolom-naam">Product</TableHeaderCell>
                  <TableHeaderCell scope="col" className="eenvoud-nowrap">Trede</TableHeaderCell>
                  <TableHeaderCell scope="col">Doel</TableHeaderCell>
                  <TableHeaderCell scope="col">Motivering van de casusregisseur</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {producten.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell>{p.omschrijving}</TableCell>
                    <TableCell>{p.trede ?? '—'}</TableCell>
                    <TableCell>{p.doel ? `${p.doel}${p.leefgebied ? ` (${leefgebiedNaam(p.leefgebied)})` : ''}` : '—'}</TableCell>
                    <TableCell>{p.motivering ?? '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </div>
      ))}
    </section>
  );
}

function TermijnenSectie({ aanvraag: a, onGelukt }: { aanvraag: AanvraagDetail; onGelukt: Gelukt }) {
  const wetNaam = useWetNaam();
  const { heeftRol } = useSession();
  const lopend = a.termijnen.filter((t) => t.afgerondOp === null);
  return (
    <section aria-labelledby="kop-termijnen" className="eenvoud-sectie">
      <Heading2 id="kop-termijnen">Beslistermijnen</Heading2>
      {a.termijnen.length === 0 ? <Paragraph>Deze aanvraag heeft geen beslistermijn.</Paragraph> : (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Beslistermijn per wet</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Wet</TableHeaderCell>
                <TableHeaderCell scope="col">Termijn</TableHeaderCell>
                <TableHeaderCell scope="col">Start</TableHeaderCell>
                <TableHeaderCell scope="col">Uiterste datum</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                <TableHeaderCell scope="col">Opgeschort en verdaagd</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {a.termijnen.map((t) => (
                <TableRow key={t.id}>
                  <TableCell>{wetNaam(t.wet)}</TableCell>
                  <TableCell>{t.duur}<br /><span className="eenvoud-gedimd">{t.grondslag}</span></TableCell>
                  <TableCell className="eenvoud-nowrap">{formatDatum(t.startdatum)}</TableCell>
                  <TableCell className="eenvoud-nowrap">{formatDatum(t.uitersteDatum)}</TableCell>
                  <TableCell><TermijnBadge termijn={t} />{t.afgerondOp ? <span className="eenvoud-gedimd"> op {formatDatum(t.afgerondOp)}</span> : null}</TableCell>
                  <TableCell>
                    {t.opgeschortDagen > 0 ? <>{t.opgeschortDagen} {t.opgeschortDagen === 1 ? 'dag' : 'dagen'} opgeschort<br /></> : null}
                    {t.opschortingen.filter((o) => o.tot === null).map((o) => <span key={o.id}>Opgeschort sinds {formatDatum(o.van)}: {o.reden}<br /></span>)}
                    {t.verdaging ? <>Verdaagd tot {formatDatum(t.verdaging.nieuweDatum)}: {t.verdaging.reden}</> : null}
                    {t.opgeschortDagen === 0 && !t.verdaging && t.opschortingen.length === 0 ? '—' : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {heeftRol('beslisser') && lopend.length > 0 ? (
        <div className="eenvoud-acties">
          {lopend.map((t) => (
            <TermijnActies key={t.id} aanvraag={a} termijn={t} meerdere={lopend.length > 1} wetNaam={wetNaam(t.wet)} onGelukt={onGelukt} />
          ))}
        </div>
      ) : null}
    </section>
  );
}

function TermijnActies({ aanvraag: a, termijn: t, meerdere, wetNaam, onGelukt }: {
  aanvraag: AanvraagDetail; termijn: AanvraagTermijn; meerdere: boolean; wetNaam: string; onGelukt: Gelukt;
}) {
  const opschort = useStap(a);
  const verdaag = useStap(a);
  const [van, setVan] = useState(vandaag());
  const [tot, setTot] = useState('');
  const [reden, setReden] = useState('');
  const [nieuweDatum, setNieuweDatum] = useState('');
  const [verdaagReden, setVerdaagReden] = useState('');
  const achter = meerdere ? ` (${wetNaam})` : '';
  const p = `termijn-${t.wet}`;
  return (
    <>
      <Uitklap titel={`Termijn opschorten${achter}`}>
        <form noValidate className="eenvoud-form" aria-label={`Termijn opschorten${achter}`} onSubmit={(e) => {
          e.preventDefault();
          opschort.doe({ soort: 'opschorting', body: { van, ...(tot ? { tot } : {}), reden, wet: t.wet } }, () => {
            setReden('');
            onGelukt(`De beslistermijn${achter} is opgeschort.`);
          });
        }}>
          <Paragraph className="eenvoud-uitleg">Bijvoorbeeld als u wacht op gegevens van de inwoner. De dagen tellen niet mee.</Paragraph>
          <Probleem probleem={opschort.probleem} />
          <div className="eenvoud-rij">
            <TekstVeld naam={`${p}-opschorting.van`} label="Eerste dag" verplicht type="date" className="eenvoud-breedte-10"
              value={van} onChange={(e) => setVan(e.target.value)} fout={opschort.fouten.van} />
            <TekstVeld naam={`${p}-opschorting.tot`} label="Laatste dag" type="date" className="eenvoud-breedte-10"
              beschrijving="Leeg: nog onbekend." value={tot} onChange={(e) => setTot(e.target.value)} fout={opschort.fouten.tot} />
          </div>
          <TekstvakVeld naam={`${p}-opschorting.reden`} label="Reden van de opschorting" verplicht rows={3} maxLength={1000}
            value={reden} onChange={(e) => setReden(e.target.value)} fout={opschort.fouten.reden} />
          <ButtonGroup><PrimaryActionButton type="submit" busy={opschort.bezig} disabled={opschort.bezig}>Termijn opschorten</PrimaryActionButton></ButtonGroup>
        </form>
      </Uitklap>
      {t.verdaging === null ? (
        <Uitklap titel={`Termijn verdagen${achter}`}>
          <form noValidate className="eenvoud-form" aria-label={`Termijn verdagen${achter}`} onSubmit={(e) => {
            e.preventDefault();
            verdaag.doe({ soort: 'verdaging', body: { nieuweDatum, reden: verdaagReden, wet: t.wet } }, () => {
              setVerdaagReden('');
              onGelukt(`De beslistermijn${achter} is verdaagd tot ${formatDatum(nieuweDatum)}.`);
            });
          }}>
            <Paragraph className="eenvoud-uitleg">Verdagen kan één keer, met een redelijke termijn. Laat de inwoner het weten.</Paragraph>
            <Probleem probleem={verdaag.probleem} />
            <TekstVeld naam={`${p}-verdaging.nieuweDatum`} label="Nieuwe uiterste datum" verplicht type="date" className="eenvoud-breedte-10"
              min={t.uitersteDatum} value={nieuweDatum} onChange={(e) => setNieuweDatum(e.target.value)} fout={verdaag.fouten.nieuweDatum} />
            <TekstvakVeld naam={`${p}-verdaging.reden`} label="Reden van de verdaging" verplicht rows={3} maxLength={1000}
              value={verdaagReden} onChange={(e) => setVerdaagReden(e.target.value)} fout={verdaag.fouten.reden} />
            <ButtonGroup><PrimaryActionButton type="submit" busy={verdaag.bezig} disabled={verdaag.bezig}>Termijn verdagen</PrimaryActionButton></ButtonGroup>
          </form>
        </Uitklap>
      ) : null}
    </>
  );
}

const itemStatusNaam: Record<string, string> = { ingezet: 'Ingezet', aanvraagNodig: 'Aanvraag nodig', beeindigd: 'Beëindigd' };
const itemBadge: Record<string, string> = { ingezet: 'safe', aanvraagNodig: 'warning', beeindigd: 'neutral' };

function PlanSectie({ aanvraag: a }: { aanvraag: AanvraagDetail }) {
  const plan = a.plan;
  const aangevraagd = new Set(a.producten.map((p) => p.arrangementItemId).filter(Boolean));
  return (
    <section aria-labelledby="kop-plan" className="eenvoud-sectie">
      <Heading2 id="kop-plan">Plan en ladder</Heading2>
      {!plan ? <Paragraph>Dit huishouden heeft (nog) geen plan.</Paragraph> : (
        <>
          <Paragraph>
            Status van het plan: {planStatusTekst(plan.status)}.{' '}
            {plan.instemming ? `De inwoner stemde in op ${formatDatum(plan.instemming.datum)} (${instemmingWijzeNaam(plan.instemming.wijze).toLowerCase()}).` : 'De inwoner heeft nog niet ingestemd.'}
          </Paragraph>
          <Heading3 id="kop-plan-doelen">Doelen</Heading3>
          {plan.doelen.length === 0 ? <Paragraph>Het plan heeft geen doelen.</Paragraph> : (
            <div className="eenvoud-tabel">
              <Table aria-labelledby="kop-plan-doelen">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Leefgebied</TableHeaderCell>
                    <TableHeaderCell scope="col">Doel</TableHeaderCell>
                    <TableHeaderCell scope="col">Meetbaar resultaat</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {plan.doelen.map((d) => (
                    <TableRow key={d.id}>
                      <TableCell>{leefgebiedNaam(d.leefgebied)}</TableCell>
                      <TableCell>{d.omschrijving}</TableCell>
                      <TableCell>{d.meetbaarResultaat}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          <Heading3 id="kop-plan-ladder">Arrangement per trede</Heading3>
          <Paragraph className="eenvoud-uitleg">Welke treden van de ladder zijn geprobeerd, en waarom volstaan ze niet?</Paragraph>
          <ol className="eenvoud-ladder" aria-labelledby="kop-plan-ladder">
            {TREDEN.map((t) => {
              const items = plan.arrangement.filter((i) => i.trede === t.trede);
              return (
                <li key={t.trede} className={`eenvoud-trede eenvoud-trede--${t.trede}`}>
                  <h4 className="eenvoud-trede__kop" id={`kop-aanvraag-trede-${t.trede}`}><span className="eenvoud-trede__nummer">{t.trede}</span> {t.naam}</h4>
                  {items.length === 0 ? <p className="eenvoud-gedimd eenvoud-trede__leeg">Niets op deze trede.</p> : (
                    <ul className="eenvoud-items" aria-labelledby={`kop-aanvraag-trede-${t.trede}`}>
                      {items.map((i) => {
                        const doel = plan.doelen.find((d) => d.id === i.doelId);
                        return (
                          <li key={i.id} className="eenvoud-item">
                            <p className="eenvoud-item__kop">
                              <strong>{i.naam ?? 'Zonder omschrijving'}</strong>{' '}
                              <StatusBadge status={itemBadge[i.status] ?? 'neutral'}>{itemStatusNaam[i.status] ?? i.status}</StatusBadge>
                              {aangevraagd.has(i.id) ? <StatusBadge status="active">In deze aanvraag</StatusBadge> : null}
                            </p>
                            <dl className="eenvoud-item__gegevens">
                              <div><dt>Doel</dt><dd>{doel ? `${doel.omschrijving} (${leefgebiedNaam(doel.leefgebied)})` : 'Onbekend doel'}</dd></div>
                              {i.aanbieder ? <div><dt>Aanbieder</dt><dd>{i.aanbieder}</dd></div> : null}
                              {i.motivering ? <div><dt>Motivering</dt><dd>{i.motivering}</dd></div> : null}
                            </dl>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

function HistorieSectie({ aanvraag: a }: { aanvraag: AanvraagDetail }) {
  const naam = (s: string | null) => (s ? AANVRAAG_STATUSSEN.find((x) => x.code === s)?.naam ?? s : '—');
  return (
    <section aria-labelledby="kop-historie" className="eenvoud-sectie">
      <Heading2 id="kop-historie">Historie</Heading2>
      <Historietabel
        caption="Stappen van de aanvraag, de oudste eerst"
        redenKop="Toelichting"
        rijen={a.historie.map((h) => ({
          moment: formatMoment(h.moment), van: naam(h.van), naar: naam(h.naar), door: h.door ?? 'Onbekend', reden: h.toelichting ?? '',
        }))}
      />
    </section>
  );
}

