/**
 * Inzage (AVG art. 15): a resident's complete file as one readable PDF plus a machine-readable JSON,
 * with the letters as they were sent, in one ZIP. Collected through the other contexts' index.ts
 * (never their tables), audited inside the use case, and limited to what is about this person:
 * other household members' own meldingen, gesprekken and aanvragen stay out (see LEESMIJ).
 */
import { createHash } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { appendAudit, listForPerson } from '../../platform/audit/store.ts';
import { isRol, rolOmschrijving } from '../../platform/auth/roles.ts';
import { notFound } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import {
  aanvraagStatusNaam, aanvragenVanPersoon, beschikkingVanAanvraag, bezwaarBrief, bezwaarStatusNaam, bezwaarUitkomstNaam, bezwarenVanBeschikking,
  getBezwaar, historieVanAanvraag, historieVanBezwaar, leveringsvormNaam, productenVanAanvraag, uitkomstNaam, verzondenBrief,
} from '../besluit/index.ts';
import { leefgebiedNaam, tredeNaam } from '../catalogus/index.ts';
import { deelnemerRolNaam, gesprekkenVanCasus, gesprekSoortNaam, listInstrumenten, plekNaam, verzondenVerslag } from '../gesprek/index.ts';
import { findPersoonByBsn, getPersoon, huishoudenOverzicht, volledigeNaam, wettelijkVertegenwoordigers } from '../inwoners/index.ts';
import { arrangementVanPlan, doelenVanPlan, doelStatusNaam, evaluatiesVanPlan, planVanCasus, versieInhoud, versiesVanPlan } from '../plan/index.ts';
import {
  casussenVanHuishouden, getCasus, kanaalNaam, meldingenVanPersoon, meldingStatushistorie, meldingStatusNaam, signaalBronNaam, verwijzerNaam, wetNaam,
  type Casus,
} from '../toegang/index.ts';
import { doelNaam, grondslagSoortNaam, partnerSoortNaam, toestemmingGeverNaam } from './delingen-rules.ts';
import { delingenVoorInzage } from './delingen.ts';
import { maakInzagePdf } from './inzage-pdf.ts';

/** The version of the JSON shape; raised when a field changes meaning or disappears (additions keep it). */
export const INZAGE_VERSIE = 1;

type Label = Readonly<Record<string, string>>;
const label = (tabel: Label, code: string | null | undefined): string | null => (code == null ? null : tabel[code] ?? code);
const iso = (d: Date | string | null | undefined): string | null => (d == null ? null : new Date(d).toISOString());

export interface InzageMelding {
  nummer: string; ontvangenOp: string; wet: string; wetNaam: string | null; kanaal: string; kanaalNaam: string | null; omschrijving: string;
  status: string; statusNaam: string | null; spoed: boolean; triageUitkomst: string | null; advies: string | null; gegevenProduct: string | null;
  verwijzer: { soort: string; soortNaam: string | null; naam: string | null; organisatie: string | null } | null;
  signaal: { bron: string; bronNaam: string | null; achterstandEuro: number | null; toelichting: string | null } | null;
  contact: { telefoon: string | null; email: string | null }; casusNummer: string | null; afgerondOp: string | null; geregistreerdOp: string | null;
  historie: { moment: string | null; van: string | null; naar: string; naarNaam: string | null; reden: string | null }[];
}

export interface InzageGesprek {
  datum: string; soort: string; soortNaam: string | null; plek: string; plekNaam: string | null; instrument: string;
  /** Why this gesprek is in your inzage: you took part, or it was about the household as a whole (no member named). */
  betrokkenheid: 'deelnemer' | 'huishouden';
  deelnemers: { rol: string; rolNaam: string | null; naam: string }[]; gevoerdDoor: string | null; verslag: string | null;
  scores: { domein: string; domeinNaam: string; score: number | null; scoreLabel: string | null; toelichting: string | null; zelf: string | null; netwerk: string | null }[];
  verslagVerzondenOp: string | null; inwonerReactie: string | null; inwonerReactieOp: string | null; brief: string | null;
}

export interface InzagePlan {
  status: string; versie: number; instemming: { datum: string; wijze: string } | null; gewijzigdOp: string | null;
  doelen: { leefgebied: string; leefgebiedNaam: string | null; omschrijving: string; meetbaarResultaat: string; streefdatum: string; status: string; statusNaam: string | null }[];
  arrangement: {
    trede: number; tredeNaam: string | null; product: string | null; aanbieder: string | null; omschrijving: string | null; motivering: string | null;
    /** Hours per week, or euros per year in cents (ADR 34). */
    verantwoordelijke: string; omvang: { eenheid: 'uur'; waarde: number } | { eenheid: 'euro'; waardeCents: number } | null; startdatum: string; einddatum: string | null; status: string;
  }[];
  evaluaties: { geplandOp: string; gehoudenOp: string | null; besluit: string | null; toelichting: string | null }[];
  versies: { versie: number; moment: string | null; reden: string; door: string | null; inhoud: unknown }[];
}

export interface InzageCasus {
  nummer: string; status: string; geopendOp: string | null; regisseur: string | null; gesprekken: InzageGesprek[]; plan: InzagePlan | null;
}

export interface InzageAanvraag {
  nummer: string; casusNummer: string; ontvangenOp: string; status: string; statusNaam: string | null; bron: string; toelichting: string | null;
  aanvrager: { relatie: string; naam: string | null }; producten: { omschrijving: string; wet: string; wetNaam: string | null }[];
  historie: { moment: string | null; van: string | null; naar: string; naarNaam: string | null; toelichting: string | null }[];
}

export interface InzageBeschikking {
  nummer: string; aanvraagNummer: string; beslotenOp: string | null; verzondenOp: string | null; bezwaarTermijnEinde: string | null; motivering: string;
  producten: {
    omschrijving: string; wet: string; uitkomst: string; uitkomstNaam: string | null; grondslag: string; omvang: number | null; eenheid: string | null;
    periode: string | null; ingangsdatum: string | null; einddatum: string | null; leveringsvorm: string | null; eigenBijdrage: string | null; jaarbedragCents: number;
  }[];
  brief: string | null; briefSha256: string | null;
}

export interface InzageBezwaar {
  nummer: string; beschikkingNummer: string; ontvangenOp: string; omschrijving: string; tijdig: boolean; status: string; statusNaam: string | null;
  uitkomst: string | null; uitkomstNaam: string | null; hoorzitting: { datum: string | null; verslag: string | null; afgezienReden: string | null };
  advies: string | null; adviesDatum: string | null; motivering: string | null; verzondenOp: string | null; beroepTermijnEinde: string | null;
  historie: { moment: string | null; van: string | null; naar: string; naarNaam: string | null; toelichting: string | null }[];
  brief: string | null; briefSha256: string | null;
}

/** With whom the gemeente shared data about this person, and on which ground (AVG art. 15(1)(c): recipients). */
export interface InzageDelingen {
  grondslagen: {
    soort: string; soortNaam: string | null; gegevenDoor: { relatie: string; relatieNaam: string | null; naam: string } | null; datum: string; geldigTot: string | null;
    partners: { soort: string; soortNaam: string | null; naam: string | null }[]; doelen: { doel: string; doelNaam: string | null }[]; gegevens: string;
    wetsartikel: string | null; toelichting: string | null; ingetrokkenOp: string | null; intrekkingReden: string | null;
  }[];
  verstrekkingen: {
    datum: string; partner: { soort: string; soortNaam: string | null; naam: string }; doel: string; doelNaam: string | null; gegevens: string;
    grondslag: string; grondslagNaam: string | null; toelichting: string | null;
  }[];
}

export interface InzageAuditRegel {
  /** The place in the gemeente's hash chain; null while the entry waits for the sequencer (it is recorded, not yet chained). */
  volgnummer: number | null; moment: string; gebruikersnaam: string; rol: string; rolNaam: string; actie: string; gegevens: string; doel: string;
}

/** The JSON in the ZIP (`inzage.json`). Dates are ISO 8601: legal dates 'YYYY-MM-DD', moments with time and 'Z'. */
export interface InzageJson {
  versie: typeof INZAGE_VERSIE;
  soort: 'inzage-avg-artikel-15';
  datum: string;
  gemaaktOp: string;
  gemeente: { naam: string };
  opgevraagdDoor: { gebruikersnaam: string; rol: string };
  persoon: {
    id: string; bsn: string; voornaam: string; tussenvoegsel: string | null; achternaam: string; naam: string; geboortedatum: string;
    adres: { straat: string | null; huisnummer: string | null; postcode: string | null; woonplaats: string | null } | null;
    geenVastAdres: boolean; wijk: string | null; kern: string | null; telefoon: string | null; email: string | null; bron: string;
  };
  huishouden: { leden: { naam: string; relatieTotU: string; uzelf: boolean }[] };
  relaties: { soort: string; naam: string; gezag: boolean }[];
  vertegenwoordigers: { naam: string; relatie: string }[];
  meldingen: InzageMelding[];
  casussen: InzageCasus[];
  aanvragen: InzageAanvraag[];
  aanvragenNamensAnderen: { nummer: string; ontvangenOp: string; status: string; statusNaam: string | null; voor: string; uwRol: string }[];
  beschikkingen: InzageBeschikking[];
  bezwaren: InzageBezwaar[];
  delingen: InzageDelingen;
  audittrail: InzageAuditRegel[];
  brieven: { bestand: string; soort: 'beschikking' | 'beslissing-op-bezwaar' | 'gespreksverslag'; kenmerk: string; sha256: string }[];
}

export interface InzageBrief { bestand: string; pdf: Buffer }

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bestandsdeel = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-');
const relatieNaam: Label = {
  partner: 'partner', ouder: 'ouder', kind: 'kind', overig: 'overig', curator: 'curator', mentor: 'mentor', bewindvoerder: 'bewindvoerder', hoofdpersoon: 'hoofdpersoon',
};

/**
 * Reads every page of the person's audit trail, oldest first. Entries the sequencer has not chained
 * yet (among them this export's own entry, still in this transaction) have no volgnummer and come last.
 */
async function heleAudittrail(tx: Tx, persoonId: string): Promise<InzageAuditRegel[]> {
  const regels: InzageAuditRegel[] = [];
  let voor: number | undefined;
  for (;;) {
    const pagina = await listForPerson(tx, persoonId, 1000, voor);
    regels.push(...pagina.map((r) => ({
      volgnummer: r.volgnummer ?? null, moment: r.moment, gebruikersnaam: r.gebruikersnaam, rol: r.rol,
      rolNaam: isRol(r.rol) ? rolOmschrijving[r.rol] : r.rol, actie: r.actie, gegevens: r.resourceType, doel: r.doel,
    })));
    const nummers = pagina.map((r) => r.volgnummer ?? null).filter((n): n is number => n !== null);
    if (pagina.length < 1000 || nummers.length === 0) break;
    voor = Math.min(...nummers);
  }
  const uniek = [...new Map(regels.map((r, i) => [r.volgnummer === null ? `p${i}` : String(r.volgnummer), r])).values()];
  return uniek.sort((a, b) => (a.volgnummer ?? Number.MAX_SAFE_INTEGER) - (b.volgnummer ?? Number.MAX_SAFE_INTEGER) || a.moment.localeCompare(b.moment));
}

/**
 * Collects the file. Does not audit: the callers (export and summary) each write their own entry
 * first, so the trail in the file includes this very request.
 */
async function verzamel(tx: Tx, actor: Actor, persoonId: string, gemeenteNaam: string, nu: Date): Promise<{ json: InzageJson; brieven: InzageBrief[] }> {
  const p = await getPersoon(tx, persoonId);
  if (!p) throw notFound('Deze inwoner');
  const dag = vandaag(nu);
  const brieven: InzageBrief[] = [];
  const brief = (bestand: string, pdf: Buffer) => {
    brieven.push({ bestand, pdf });
    return bestand;
  };

  // The household: names and how each member relates to this person; nothing else about them.
  const overzicht = await huishoudenOverzicht(tx, p.huishoudenId, dag);
  const zelf = overzicht.leden.find((l) => l.persoon.id === p.id);
  const eigenRelaties = zelf?.relaties ?? [];
  const relaties = eigenRelaties.map((r) => ({ soort: r.soort, naam: r.naam, gezag: r.gezag }));
  const leden = overzicht.leden.map((l) => ({
    naam: volledigeNaam(l.persoon),
    relatieTotU: l.persoon.id === p.id ? 'uzelf' : label(relatieNaam, eigenRelaties.find((r) => r.persoonId === l.persoon.id)?.soort) ?? 'lid van het huishouden',
    uzelf: l.persoon.id === p.id,
  }));
  const vertegenwoordigers = (await wettelijkVertegenwoordigers(tx, p.id, dag)).map((v) => ({ naam: v.naam, relatie: v.relatie }));

  const meldingRijen = await meldingenVanPersoon(tx, p.id);
  const meldingen: InzageMelding[] = [];
  for (const m of meldingRijen) {
    const v = m.verwijzer as { soort: string; naam?: string; organisatie?: string } | null;
    const s = m.signaal as { bron: string; achterstandEuro?: number; toelichting?: string } | null;
    meldingen.push({
      nummer: m.nummer, ontvangenOp: m.ontvangenOp, wet: m.wet, wetNaam: label(wetNaam, m.wet), kanaal: m.kanaal, kanaalNaam: label(kanaalNaam, m.kanaal),
      omschrijving: m.omschrijving, status: m.status, statusNaam: label(meldingStatusNaam, m.status), spoed: m.spoed, triageUitkomst: m.triageUitkomst,
      advies: m.advies, gegevenProduct: m.gegevenProduct,
      verwijzer: v ? { soort: v.soort, soortNaam: label(verwijzerNaam, v.soort), naam: v.naam ?? null, organisatie: v.organisatie ?? null } : null,
      signaal: s ? { bron: s.bron, bronNaam: label(signaalBronNaam, s.bron), achterstandEuro: s.achterstandEuro ?? null, toelichting: s.toelichting ?? null } : null,
      contact: { telefoon: m.contactTelefoon, email: m.contactEmail }, casusNummer: m.casus?.nummer ?? null, afgerondOp: m.afgerondOp,
      geregistreerdOp: iso(m.aangemaaktOp),
      historie: (await meldingStatushistorie(tx, m.id)).map((h) => ({ moment: iso(h.moment), van: h.van, naar: h.naar, naarNaam: label(meldingStatusNaam, h.naar), reden: h.reden })),
    });
  }

  const aanvraagRijen = await aanvragenVanPersoon(tx, p.id);
  const eigen = aanvraagRijen.filter((a) => a.persoonId === p.id);

  // The casussen of the household, and any other casus of this person's meldingen or aanvragen.
  const casusMap = new Map<string, Casus>();
  for (const c of await casussenVanHuishouden(tx, p.huishoudenId)) casusMap.set(c.id, c);
  for (const id of [...meldingRijen.map((m) => m.casus?.id), ...eigen.map((a) => a.casusId)]) {
    if (id && !casusMap.has(id)) { const c = await getCasus(tx, id); if (c) casusMap.set(c.id, c); }
  }
  const instrumenten = await listInstrumenten(tx);
  const ledenIds = new Set(overzicht.leden.map((l) => l.persoon.id));
  const casussen: InzageCasus[] = [];
  for (const c of casusMap.values()) {
    const gesprekken: InzageGesprek[] = [];
    for (const g of await gesprekkenVanCasus(tx, c.id)) {
      const genoemd = g.deelnemers.filter((d) => d.persoonId && (ledenIds.has(d.persoonId) || d.persoonId === p.id));
      const deelnemer = g.deelnemers.some((d) => d.persoonId === p.id);
      // A gesprek with another member (they are named, this person is not) is theirs, not this person's.
      if (!deelnemer && genoemd.length > 0) continue;
      const instrument = instrumenten.find((i) => i.id === g.instrument.id);
      const pdf = g.verslagVerzondenOp ? await verzondenVerslag(tx, g.id) : null;
      gesprekken.push({
        datum: g.datum, soort: g.soort, soortNaam: label(gesprekSoortNaam, g.soort), plek: g.plek, plekNaam: label(plekNaam, g.plek), instrument: g.instrument.naam,
        betrokkenheid: deelnemer ? 'deelnemer' : 'huishouden',
        deelnemers: g.deelnemers.map((d) => ({ rol: d.rol, rolNaam: label(deelnemerRolNaam, d.rol), naam: d.naam })),
        gevoerdDoor: g.gevoerdDoor?.naam ?? null, verslag: g.samenvatting,
        scores: g.scores.map((s) => ({
          domein: s.domein, domeinNaam: instrument?.domeinen.find((d) => d.code === s.domein)?.naam ?? s.domein, score: s.score,
          scoreLabel: s.score === null ? null : instrument?.schaal.find((w) => w.waarde === s.score)?.label ?? null,
          toelichting: s.toelichting ?? null, zelf: s.zelf ?? null, netwerk: s.netwerk ?? null,
        })),
        verslagVerzondenOp: iso(g.verslagVerzondenOp), inwonerReactie: g.inwonerReactie, inwonerReactieOp: iso(g.inwonerReactieOp),
        brief: pdf ? brief(`brieven/gespreksverslag-${g.datum}-${bestandsdeel(c.nummer)}-${gesprekken.length + 1}.pdf`, pdf) : null,
      });
    }
    const plan = await planVanCasus(tx, c.id);
    let planUit: InzagePlan | null = null;
    if (plan) {
      const versies = [];
      for (const v of await versiesVanPlan(tx, plan.id)) {
        versies.push({ versie: v.versie, moment: iso(v.moment), reden: v.reden, door: v.door, inhoud: await versieInhoud(tx, plan.id, v.versie) ?? null });
      }
      planUit = {
        status: plan.status, versie: plan.versie, instemming: plan.instemming, gewijzigdOp: iso(plan.gewijzigdOp),
        doelen: (await doelenVanPlan(tx, plan.id)).map((d) => ({
          leefgebied: d.leefgebied, leefgebiedNaam: label(leefgebiedNaam, d.leefgebied), omschrijving: d.omschrijving, meetbaarResultaat: d.meetbaarResultaat,
          streefdatum: d.streefdatum, status: d.status, statusNaam: label(doelStatusNaam, d.status),
        })),
        arrangement: (await arrangementVanPlan(tx, plan.id)).map((a) => ({
          trede: a.trede, tredeNaam: label(tredeNaam as Label, String(a.trede)), product: a.catalogusItem?.naam ?? null, aanbieder: a.catalogusItem?.aanbieder ?? null,
          omschrijving: a.omschrijving, motivering: a.motivering, verantwoordelijke: a.verantwoordelijke, omvang: a.omvang, startdatum: a.startdatum,
          einddatum: a.einddatum, status: a.status,
        })),
        evaluaties: (await evaluatiesVanPlan(tx, plan.id)).map((e) => ({ geplandOp: e.geplandOp, gehoudenOp: e.gehoudenOp, besluit: e.besluit, toelichting: e.toelichting })),
        versies: versies.sort((a, b) => a.versie - b.versie),
      };
    }
    casussen.push({ nummer: c.nummer, status: c.status, geopendOp: iso(c.geopendOp), regisseur: c.regisseur?.naam ?? null, gesprekken, plan: planUit });
  }

  const aanvragen: InzageAanvraag[] = [];
  const beschikkingen: InzageBeschikking[] = [];
  const bezwaren: InzageBezwaar[] = [];
  for (const a of eigen) {
    aanvragen.push({
      nummer: a.nummer, casusNummer: a.casusNummer, ontvangenOp: a.ontvangenOp, status: a.status, statusNaam: label(aanvraagStatusNaam, a.status), bron: a.bron,
      toelichting: a.toelichting, aanvrager: { relatie: a.aanvragerRelatie, naam: a.aanvragerNaam },
      producten: (await productenVanAanvraag(tx, a.id)).map((x) => ({ omschrijving: x.omschrijving, wet: x.wet, wetNaam: label(wetNaam, x.wet) })),
      historie: (await historieVanAanvraag(tx, a.id)).map((h) => ({ moment: iso(h.moment), van: h.van, naar: h.naar, naarNaam: label(aanvraagStatusNaam, h.naar), toelichting: h.toelichting })),
    });
    const b = await beschikkingVanAanvraag(tx, a.id);
    if (!b) continue;
    const pdf = await verzondenBrief(tx, b.id);
    beschikkingen.push({
      nummer: b.nummer, aanvraagNummer: a.nummer, beslotenOp: iso(b.beslotenOp), verzondenOp: b.verzondenOp, bezwaarTermijnEinde: b.bezwaarTermijnEinde,
      motivering: b.motivering,
      producten: b.producten.map((x) => ({
        omschrijving: x.omschrijving, wet: x.wet, uitkomst: x.uitkomst, uitkomstNaam: label(uitkomstNaam, x.uitkomst), grondslag: x.grondslag, omvang: x.omvang,
        eenheid: x.eenheid, periode: x.periode, ingangsdatum: x.ingangsdatum, einddatum: x.einddatum,
        leveringsvorm: label(leveringsvormNaam, x.leveringsvorm), eigenBijdrage: x.eigenBijdrage, jaarbedragCents: x.jaarbedragCents,
      })),
      brief: pdf ? brief(`brieven/beschikking-${bestandsdeel(b.nummer)}.pdf`, pdf) : null, briefSha256: pdf ? sha256(pdf) : null,
    });
    for (const r of await bezwarenVanBeschikking(tx, b.id)) {
      const z = await getBezwaar(tx, r.id);
      if (!z) continue;
      const zpdf = await bezwaarBrief(tx, z.id);
      bezwaren.push({
        nummer: z.nummer, beschikkingNummer: z.beschikkingNummer, ontvangenOp: z.ontvangenOp, omschrijving: z.omschrijving, tijdig: z.tijdig, status: z.status,
        statusNaam: label(bezwaarStatusNaam, z.status), uitkomst: z.uitkomst, uitkomstNaam: label(bezwaarUitkomstNaam, z.uitkomst),
        hoorzitting: { datum: z.hoorzittingDatum, verslag: z.hoorzittingVerslag, afgezienReden: z.horenAfgezienReden },
        advies: z.advies, adviesDatum: z.adviesDatum, motivering: z.motivering, verzondenOp: z.verzondenOp, beroepTermijnEinde: z.beroepTermijnEinde,
        historie: (await historieVanBezwaar(tx, z.id)).map((h) => ({ moment: iso(h.moment), van: h.van, naar: h.naar, naarNaam: label(bezwaarStatusNaam, h.naar), toelichting: h.toelichting })),
        brief: zpdf ? brief(`brieven/beslissing-op-bezwaar-${bestandsdeel(z.nummer)}.pdf`, zpdf) : null, briefSha256: zpdf ? sha256(zpdf) : null,
      });
    }
  }
  const aanvragenNamensAnderen = aanvraagRijen.filter((a) => a.persoonId !== p.id).map((a) => ({
    nummer: a.nummer, ontvangenOp: a.ontvangenOp, status: a.status, statusNaam: label(aanvraagStatusNaam, a.status), voor: a.persoonNaam, uwRol: a.aanvragerRelatie,
  }));

  const adres = p.straat || p.postcode ? { straat: p.straat, huisnummer: p.huisnummer, postcode: p.postcode, woonplaats: p.woonplaats } : null;
  const json: InzageJson = {
    versie: INZAGE_VERSIE, soort: 'inzage-avg-artikel-15', datum: dag, gemaaktOp: nu.toISOString(), gemeente: { naam: gemeenteNaam },
    opgevraagdDoor: { gebruikersnaam: actor.gebruikersnaam, rol: actor.rol },
    persoon: {
      id: p.id, bsn: p.bsn, voornaam: p.voornaam, tussenvoegsel: p.tussenvoegsel, achternaam: p.achternaam, naam: volledigeNaam(p), geboortedatum: p.geboortedatum,
      adres, geenVastAdres: p.geenVastAdres, wijk: p.wijk, kern: p.kern, telefoon: p.telefoon, email: p.email, bron: p.bron,
    },
    huishouden: { leden }, relaties, vertegenwoordigers, meldingen, casussen, aanvragen, aanvragenNamensAnderen, beschikkingen, bezwaren,
    delingen: await delingenVan(tx, p.id),
    audittrail: await heleAudittrail(tx, p.id),
    brieven: brieven.map((b) => {
      const soort = b.bestand.startsWith('brieven/beschikking-') ? 'beschikking' as const
        : b.bestand.startsWith('brieven/beslissing-op-bezwaar-') ? 'beslissing-op-bezwaar' as const : 'gespreksverslag' as const;
      return { bestand: b.bestand, soort, kenmerk: b.bestand.replace(/^brieven\/|\.pdf$/g, ''), sha256: sha256(b.pdf) };
    }),
  };
  return { json, brieven };
}

/** Grounds and shares of this person, through the delingen use case made for the inzage. */
async function delingenVan(tx: Tx, persoonId: string): Promise<InzageDelingen> {
  const { grondslagen, verstrekkingen } = await delingenVoorInzage(tx, persoonId);
  return {
    grondslagen: grondslagen.map((g) => ({
      soort: g.soort, soortNaam: label(grondslagSoortNaam, g.soort),
      gegevenDoor: g.gegevenDoor ? { relatie: g.gegevenDoor.relatie, relatieNaam: label(toestemmingGeverNaam, g.gegevenDoor.relatie), naam: g.gegevenDoor.naam } : null,
      datum: g.datum, geldigTot: g.geldigTot,
      partners: g.partners.map((x) => ({ soort: x.soort, soortNaam: label(partnerSoortNaam, x.soort), naam: x.naam ?? null })),
      doelen: g.doelen.map((d) => ({ doel: d, doelNaam: label(doelNaam, d) })), gegevens: g.gegevens, wetsartikel: g.wetsartikel, toelichting: g.toelichting,
      ingetrokkenOp: g.ingetrokkenOp, intrekkingReden: g.intrekkingReden,
    })),
    verstrekkingen: verstrekkingen.map((v) => ({
      datum: v.datum, partner: { soort: v.partner.soort, soortNaam: label(partnerSoortNaam, v.partner.soort), naam: v.partner.naam }, doel: v.doel,
      doelNaam: label(doelNaam, v.doel), gegevens: v.gegevens, grondslag: v.grondslagSoort, grondslagNaam: label(grondslagSoortNaam, v.grondslagSoort), toelichting: v.toelichting,
    })),
  };
}

export interface InzageOverzicht {
  persoon: { id: string; naam: string; geboortedatum: string };
  aantallen: {
    huishoudleden: number; vertegenwoordigers: number; meldingen: number; casussen: number; gesprekken: number; planversies: number; aanvragen: number;
    beschikkingen: number; bezwaren: number; verstrekkingen: number; brieven: number; audittrail: number;
  };
}

const telling = (j: InzageJson): InzageOverzicht['aantallen'] => ({
  huishoudleden: j.huishouden.leden.length, vertegenwoordigers: j.vertegenwoordigers.length, meldingen: j.meldingen.length, casussen: j.casussen.length,
  gesprekken: j.casussen.reduce((n, c) => n + c.gesprekken.length, 0), planversies: j.casussen.reduce((n, c) => n + (c.plan?.versies.length ?? 0), 0),
  aanvragen: j.aanvragen.length + j.aanvragenNamensAnderen.length, beschikkingen: j.beschikkingen.length, bezwaren: j.bezwaren.length,
  verstrekkingen: j.delingen.verstrekkingen.length,
  brieven: j.brieven.length, audittrail: j.audittrail.length,
});

/** Finds the person by BSN or id (404 when unknown in this gemeente). */
async function persoonVan(tx: Tx, ref: { persoonId: string } | { bsn: string }) {
  const p = 'bsn' in ref ? await findPersoonByBsn(tx, ref.bsn) : await getPersoon(tx, ref.persoonId);
  if (!p) throw notFound('Deze inwoner');
  return p;
}

/** What the export will hold, for the privacy officer to check before downloading. Audited as a read. */
export async function inzageOverzicht(tx: Tx, actor: Actor, ref: { persoonId: string } | { bsn: string }, gemeenteNaam: string, nu = new Date()): Promise<InzageOverzicht> {
  const p = await persoonVan(tx, ref);
  await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'inzage', resourceId: p.id, persoonId: p.id, doel: 'inzage voorbereiden' }]);
  const { json } = await verzamel(tx, actor, p.id, gemeenteNaam, nu);
  return { persoon: { id: p.id, naam: json.persoon.naam, geboortedatum: p.geboortedatum }, aantallen: telling(json) };
}

/** The LEESMIJ in the ZIP: what each file is, and what is (not) included and why. Windows line ends, so Kladblok shows it well. */
export function leesmij(j: InzageJson): string {
  const regels = [
    `Inzage in uw gegevens — gemeente ${j.gemeente.naam}`,
    `Gemaakt op ${j.datum} voor ${j.persoon.naam}.`,
    '',
    'Dit bestand hoort bij een overzicht van alle gegevens die de gemeente over u heeft vastgelegd in',
    'het sociaal domein (Wmo, Jeugdwet, Participatiewet, schuldhulpverlening, minimabeleid). U heeft',
    'recht op dit overzicht volgens artikel 15 van de Algemene verordening gegevensbescherming (AVG).',
    '',
    'WAT ZIT ER IN DIT ZIP-BESTAND',
    '',
    '  inzage.pdf    Het overzicht om te lezen en te printen. Met een inhoudsopgave en paginanummers.',
    '  inzage.json   Dezelfde gegevens in een vorm die een computer kan lezen (JSON, UTF-8).',
    '  brieven/      De brieven die de gemeente u stuurde, precies zoals ze zijn verzonden (PDF):',
    '                beschikkingen, beslissingen op bezwaar en gespreksverslagen.',
    '  LEESMIJ.txt   Dit bestand.',
    '',
    `In dit overzicht: ${j.meldingen.length} melding(en), ${j.casussen.length} casus(sen), ${j.casussen.reduce((n, c) => n + c.gesprekken.length, 0)} gesprek(ken), `
      + `${j.aanvragen.length} aanvra(a)g(en), ${j.beschikkingen.length} beschikking(en), ${j.bezwaren.length} bezwa(a)r(en), `
      + `${j.delingen.verstrekkingen.length} verstrekking(en) aan partners, ${j.brieven.length} brief/brieven `
      + `en ${j.audittrail.length} regel(s) uit de audittrail.`,
    '',
    'WAT WEL EN WAT NIET IN DIT OVERZICHT STAAT',
    '',
    '- Uw eigen gegevens: naam, BSN, geboortedatum, adres, telefoon en e-mail.',
    '- Uw huishouden: alleen de namen van de leden en hoe zij familie van u zijn (partner, kind,',
    '  ouder), uw relaties met gezag en uw wettelijk vertegenwoordigers (naam en soort). Het BSN,',
    '  de geboortedatum en de contactgegevens van anderen staan er niet in.',
    '- Meldingen: alleen meldingen over u. Een melding over een ander lid van uw huishouden staat',
    '  in het overzicht van dat lid.',
    '- Gesprekken: de gesprekken waaraan u deelnam, en de gesprekken over het huishouden als geheel',
    '  (waarbij geen lid van het huishouden apart is genoemd). Een gesprek met alleen een ander lid',
    '  van uw huishouden (met de scores en het verslag daarvan) staat er niet in.',
    '- Het plan van uw huishouden, met alle versies, doelen, de afspraken (arrangement) en evaluaties:',
    '  het plan is één plan voor het hele huishouden, waarmee het huishouden heeft ingestemd.',
    '- Aanvragen, beschikkingen en bezwaren over u. Deed u een aanvraag namens een ander (bijvoorbeeld',
    '  als ouder of curator), dan staat alleen het nummer, de datum en de stand van die aanvraag hier;',
    '  de inhoud hoort bij het overzicht van die ander. Een ouder met gezag of een vertegenwoordiger',
    '  vraagt dat overzicht apart aan.',
    '- Met wie de gemeente gegevens over u deelde (een aanbieder, het Sociaal Kernteam, Veilig Thuis …),',
    '  wanneer, waarvoor en op welke grond (uw toestemming of een wettelijke taak).',
    '- De audittrail: elke keer dat een medewerker uw gegevens bekeek, aanmaakte of wijzigde, met',
    '  datum en tijd, gebruikersnaam, rol en doel. Ook het maken van dit overzicht staat erin.',
    '',
    'HET JSON-BESTAND (inzage.json)',
    '',
    `- "versie": ${j.versie}. Verandert de betekenis van een veld, dan krijgt het bestand een nieuwe versie.`,
    '- Datums zonder tijd zijn JJJJ-MM-DD (bijvoorbeeld 2026-11-30). Momenten zijn ISO 8601 in UTC,',
    '  bijvoorbeeld 2026-11-30T12:00:00.000Z (Nederlandse tijd is een of twee uur later).',
    '- Bedragen in eurocenten (jaarbedragCents: 12345 is 123,45 euro).',
    '- In de audittrail is "volgnummer" de plaats van de regel in de beveiligde keten (hashketen) van de',
    '  gemeente; null betekent: vastgelegd, maar nog niet in de keten opgenomen (dat gebeurt kort daarna).',
    '- Codes (zoals "wmo" of "inOnderzoek") staan naast hun naam in het Nederlands (wetNaam, statusNaam).',
    '- Onderdelen: persoon, huishouden, relaties, vertegenwoordigers, meldingen, casussen (met',
    '  gesprekken en plan), aanvragen, aanvragenNamensAnderen, beschikkingen, bezwaren, delingen',
    '  (grondslagen en verstrekkingen), audittrail en',
    '  brieven (elk bestand in brieven/ met zijn SHA-256, zodat u kunt nagaan dat het de verzonden brief is).',
    '',
    'VRAGEN',
    '',
    `Klopt er iets niet, of wilt u dat iets wordt verbeterd of verwijderd? Neem contact op met de`,
    `gemeente ${j.gemeente.naam} en vraag naar de functionaris gegevensbescherming.`,
    '',
  ];
  return regels.join('\r\n');
}

export interface InzageExport { zip: Uint8Array; bestandsnaam: string; json: InzageJson }

/**
 * The export: audited first (actie lezen, doel 'inzage') in the same transaction, so the trail in
 * the file shows this very export; then the PDF, the JSON, the letters and the LEESMIJ in one ZIP.
 */
export async function maakInzage(tx: Tx, actor: Actor, persoonId: string, gemeenteNaam: string, nu = new Date()): Promise<InzageExport> {
  const p = await persoonVan(tx, { persoonId });
  await appendAudit(tx, actor, [{ actie: 'lezen', resourceType: 'inzage', resourceId: p.id, persoonId: p.id, doel: 'inzage' }]);
  const { json, brieven } = await verzamel(tx, actor, p.id, gemeenteNaam, nu);
  const pdf = await maakInzagePdf(json);
  // A fixed time in the ZIP entries (the export's own moment), so the archive says when it was made.
  const opties = { mtime: nu, level: 6 as const };
  const inhoud: Zippable = {
    'LEESMIJ.txt': [strToU8(leesmij(json)), opties],
    'inzage.pdf': [new Uint8Array(pdf), opties],
    'inzage.json': [strToU8(`${JSON.stringify(json, null, 2)}\n`), opties],
  };
  for (const b of brieven) inhoud[b.bestand] = [new Uint8Array(b.pdf), opties];
  return { zip: zipSync(inhoud), bestandsnaam: `inzage-${json.datum}.zip`, json };
}
