/**
 * The inzage as a readable Dutch PDF (pdfkit, the standard fonts of the letters so text stays
 * extractable): a cover with the table of contents, one chapter per kind of data with clear
 * headings, tables that repeat their header on a new page, long texts that flow over pages, and
 * "pagina x van y" with the gemeente and the date on every page.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { datumLang } from '../../platform/pdf/brief.ts';
import type { InzageJson } from './inzage.ts';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * A resident's name is not always Latin-1 (Łucja, Şükrü, Đorđe): the standard PDF fonts would print
 * it garbled. Liberation Sans (SIL OFL, shipped with pdfjs-dist) covers Latin, Greek and Cyrillic and
 * is embedded as a subset; without it, Helvetica with letters outside its alphabet written plainly.
 */
const LETTERTYPE = (() => {
  try {
    const map = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts');
    const f = { normaal: join(map, 'LiberationSans-Regular.ttf'), vet: join(map, 'LiberationSans-Bold.ttf'), cursief: join(map, 'LiberationSans-Italic.ttf') };
    return Object.values(f).every((x) => existsSync(x)) ? f : null;
  } catch {
    return null;
  }
})();
/** An arrangement's amount as the resident reads it: "3 uur" or "€ 1.500,00" (from integer cents, no floating point). */
function omvangTekst(o: { eenheid: 'uur'; waarde: number } | { eenheid: 'euro'; waardeCents: number } | null): string {
  if (!o) return '—';
  if (o.eenheid === 'uur') return `${o.waarde} uur`;
  const euros = Math.trunc(o.waardeCents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `€ ${euros},${String(o.waardeCents % 100).padStart(2, '0')}`;
}

const N = 'Inzage-Normaal';
const B = 'Inzage-Vet';
const I = 'Inzage-Cursief';

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const VERVANG: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', Ħ: 'H', ħ: 'h', Ŀ: 'L', ŀ: 'l', Œ: 'OE', œ: 'oe' };
/** Without an embedded font: every letter Helvetica cannot print, written without its accent (the JSON keeps it exact). */
export function alsLatin1(tekst: string): string {
  return [...tekst].map((c) => {
    const code = c.codePointAt(0)!;
    if (code < 0x100 || WIN_ANSI_EXTRA.has(c)) return c;
    if (VERVANG[c]) return VERVANG[c];
    const kaal = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return [...kaal].every((k) => k.codePointAt(0)! < 0x100) ? kaal : '?';
  }).join('');
}
const overal = <T>(w: T, f: (s: string) => string): T =>
  (typeof w === 'string' ? f(w) : Array.isArray(w) ? w.map((x: unknown) => overal(x, f)) : w && typeof w === 'object'
    ? Object.fromEntries(Object.entries(w).map(([k, v]) => [k, overal(v, f)])) : w) as T;

const GRIJS = '#444444';
const LIJN = '#999999';

const datum = (d: string | null | undefined): string => (d ? datumLang(d) : '—');
/** A moment in Dutch time: "3 december 2026 14:05". */
function moment(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const delen = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d);
  const deel = (t: string) => delen.find((p) => p.type === t)?.value ?? '';
  return `${datumLang(`${deel('year')}-${deel('month')}-${deel('day')}`)} ${deel('hour')}:${deel('minute')}`;
}
/** A moment for a table cell, short: "03-12-2026 14:05". */
function kortMoment(iso: string): string {
  const delen = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const deel = (t: string) => delen.find((p) => p.type === t)?.value ?? '';
  return `${deel('day')}-${deel('month')}-${deel('year')} ${deel('hour')}:${deel('minute')}`;
}
const euro = (cents: number) => `€ ${(cents / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const jaNee = (b: boolean) => (b ? 'ja' : 'nee');
const of = (s: string | null | undefined) => (s == null || s === '' ? '—' : s);

const actieNaam: Record<string, string> = { lezen: 'Bekeken', aanmaken: 'Aangemaakt', wijzigen: 'Gewijzigd', verwijderen: 'Verwijderd' };

/** The layout: a few primitives that know about page breaks. */
class Opmaak {
  readonly breedte: number;
  constructor(readonly doc: Doc) {
    this.breedte = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }
  get links() { return this.doc.page.margins.left; }
  ruimte() { return this.doc.page.height - this.doc.page.margins.bottom - this.doc.y; }
  /** A new page when less than `hoogte` is left. */
  houdSamen(hoogte: number) { if (this.ruimte() < hoogte) this.doc.addPage(); }

  hoofdstuk(titel: string): number {
    // Each chapter starts on a fresh page unless the page is still nearly empty.
    if (this.doc.y > this.doc.page.margins.top + 200) this.doc.addPage();
    else this.houdSamen(120);
    const pagina = this.doc.bufferedPageRange().start + this.doc.bufferedPageRange().count;
    this.doc.font(B).fontSize(16).fillColor('black').text(titel, this.links, this.doc.y, { width: this.breedte });
    const y = this.doc.y + 2;
    this.doc.moveTo(this.links, y).lineTo(this.links + this.breedte, y).strokeColor(LIJN).lineWidth(0.8).stroke();
    this.doc.y = y + 8;
    return pagina;
  }

  kop(titel: string) {
    this.doc.font(B).fontSize(12);
    this.houdSamen(this.doc.heightOfString(titel, { width: this.breedte }) + 60);
    this.doc.moveDown(0.6).fillColor('black').text(titel, this.links, this.doc.y, { width: this.breedte }).moveDown(0.2);
  }

  subkop(titel: string) {
    this.doc.font(B).fontSize(10.5);
    this.houdSamen(this.doc.heightOfString(titel, { width: this.breedte }) + 40);
    this.doc.moveDown(0.4).fillColor('black').text(titel, this.links, this.doc.y, { width: this.breedte }).moveDown(0.15);
  }

  alinea(tekst: string, opts: { grijs?: boolean; cursief?: boolean } = {}) {
    this.doc.font(opts.cursief ? I : N).fontSize(10).fillColor(opts.grijs ? GRIJS : 'black');
    this.houdSamen(Math.min(this.doc.heightOfString(tekst, { width: this.breedte }), 3 * this.doc.currentLineHeight(true)));
    // pdfkit continues a long text on the next page by itself.
    this.doc.text(tekst, this.links, this.doc.y, { width: this.breedte }).moveDown(0.35).fillColor('black');
  }

  leeg(tekst: string) { this.alinea(tekst, { grijs: true, cursief: true }); }

  /** Label and value side by side; a long value goes under its label as a paragraph. */
  velden(rijen: readonly (readonly [string, string])[]) {
    const lb = 150;
    const wb = this.breedte - lb - 8;
    for (const [l, w] of rijen) {
      this.doc.font(N).fontSize(10);
      const hoogte = this.doc.heightOfString(w, { width: wb });
      if (hoogte > 8 * this.doc.currentLineHeight(true)) {
        this.doc.font(B).fontSize(9).fillColor(GRIJS);
        this.houdSamen(40);
        this.doc.text(l, this.links, this.doc.y, { width: this.breedte });
        this.alinea(w);
        continue;
      }
      this.houdSamen(hoogte + 4);
      const top = this.doc.y;
      this.doc.font(B).fontSize(9).fillColor(GRIJS).text(l, this.links, top, { width: lb });
      const naLabel = this.doc.y;
      this.doc.font(N).fontSize(10).fillColor('black').text(w, this.links + lb + 8, top, { width: wb });
      this.doc.x = this.links;
      this.doc.y = Math.max(this.doc.y, naLabel) + 3;
    }
    this.doc.moveDown(0.3);
  }

  /** A table with a header row that repeats on every page it runs over; a row is never split. */
  tabel(koppen: readonly string[], verhoudingen: readonly number[], rijen: readonly (readonly string[])[]) {
    const som = verhoudingen.reduce((a, b) => a + b, 0);
    const breedtes = verhoudingen.map((v) => (v / som) * this.breedte);
    const hoogte = (rij: readonly string[], font: string) => {
      this.doc.font(font).fontSize(9);
      return Math.max(...rij.map((c, i) => this.doc.heightOfString(c, { width: breedtes[i]! - 6 })));
    };
    const tekenRij = (rij: readonly string[], kop: boolean) => {
      const font = kop ? B : N;
      const h = hoogte(rij, font);
      const top = this.doc.y;
      if (kop) this.doc.rect(this.links, top - 2, this.breedte, h + 4).fill('#eeeeee');
      let x = this.links;
      rij.forEach((c, i) => {
        this.doc.font(font).fontSize(9).fillColor('black').text(c, x + 3, top, { width: breedtes[i]! - 6 });
        x += breedtes[i]!;
      });
      this.doc.x = this.links;
      this.doc.y = top + h + 3;
      if (!kop) this.doc.moveTo(this.links, this.doc.y - 1).lineTo(this.links + this.breedte, this.doc.y - 1).strokeColor('#dddddd').lineWidth(0.4).stroke();
      this.doc.y += 2;
    };
    const maxRij = this.doc.page.height - this.doc.page.margins.top - this.doc.page.margins.bottom - 60;
    this.houdSamen(hoogte(koppen, B) + 30);
    tekenRij(koppen, true);
    for (const rij of rijen) {
      // A cell longer than a page is cut to what fits (the JSON keeps it whole).
      let r = rij;
      if (hoogte(r, N) > maxRij) r = rij.map((c) => (c.length > 1500 ? `${c.slice(0, 1500)}… (zie inzage.json)` : c));
      if (this.ruimte() < hoogte(r, N) + 6) {
        this.doc.addPage();
        tekenRij(koppen, true);
      }
      tekenRij(r, false);
    }
    this.doc.moveDown(0.4);
  }
}

export const HOOFDSTUKKEN = [
  'Uw persoonsgegevens', 'Uw huishouden en vertegenwoordigers', 'Meldingen', 'Casussen en gesprekken', 'Plannen', 'Aanvragen', 'Beschikkingen',
  'Bezwaren', 'Gedeeld met partners', 'Wie uw gegevens heeft gebruikt', 'Over dit overzicht',
] as const;

export function maakInzagePdf(invoer: InzageJson): Promise<Buffer> {
  const j = LETTERTYPE ? invoer : overal(invoer, alsLatin1);
  const doc = new PDFDocument({
    size: 'A4', margins: { top: 60, bottom: 70, left: 60, right: 60 }, bufferPages: true, lang: 'nl-NL', displayTitle: true,
    info: {
      Title: `Inzage in uw gegevens — ${j.persoon.naam}`, Author: `Gemeente ${j.gemeente.naam}`, Subject: 'Inzage op grond van artikel 15 AVG',
      CreationDate: new Date(j.gemaaktOp),
    },
  });
  doc.registerFont(N, LETTERTYPE?.normaal ?? 'Helvetica');
  doc.registerFont(B, LETTERTYPE?.vet ?? 'Helvetica-Bold');
  doc.registerFont(I, LETTERTYPE?.cursief ?? 'Helvetica-Oblique');
  doc.font(N);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const klaar = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const o = new Opmaak(doc);

  // Cover and table of contents; the page numbers are filled in once every chapter is placed.
  doc.font(B).fontSize(18).text(`Gemeente ${j.gemeente.naam}`);
  doc.moveDown(1.5).fontSize(22).text('Inzage in uw gegevens');
  doc.font(N).fontSize(11).fillColor(GRIJS).text('Overzicht op grond van artikel 15 van de Algemene verordening gegevensbescherming (AVG)').fillColor('black');
  doc.moveDown(1.2);
  o.velden([
    ['Over', j.persoon.naam], ['Geboortedatum', datum(j.persoon.geboortedatum)], ['Datum van dit overzicht', datum(j.datum)],
    ['Gemaakt op', moment(j.gemaaktOp)],
  ]);
  doc.moveDown(0.8).font(B).fontSize(14).text('Inhoud').moveDown(0.4);
  const inhoudRegels: { titel: string; y: number }[] = [];
  for (const [i, titel] of HOOFDSTUKKEN.entries()) {
    const y = doc.y;
    doc.font(N).fontSize(11).text(`${i + 1}. ${titel}`, o.links, y, { width: o.breedte - 80 });
    inhoudRegels.push({ titel, y });
    doc.y = y + 18;
  }
  doc.moveDown(1);
  o.alinea('Bij dit overzicht horen het bestand inzage.json (dezelfde gegevens voor de computer) en de map brieven met de brieven zoals ze zijn verzonden. Het bestand LEESMIJ.txt legt uit wat waar staat.', { grijs: true });

  const paginas = new Map<string, number>();
  const hoofdstuk = (n: number) => {
    const titel = HOOFDSTUKKEN[n]!;
    doc.addPage();
    paginas.set(titel, o.hoofdstuk(`${n + 1}. ${titel}`));
  };

  // 1. Personal data
  hoofdstuk(0);
  const p = j.persoon;
  const adres = p.adres ? [[p.adres.straat, p.adres.huisnummer].filter(Boolean).join(' '), [p.adres.postcode, p.adres.woonplaats].filter(Boolean).join(' ')].filter(Boolean).join(', ') : null;
  o.velden([
    ['Naam', p.naam], ['Voornaam', p.voornaam], ['Tussenvoegsel', of(p.tussenvoegsel)], ['Achternaam', p.achternaam], ['BSN', p.bsn],
    ['Geboortedatum', datum(p.geboortedatum)], ['Adres', adres ?? (p.geenVastAdres ? 'Geen vast adres' : '—')], ['Wijk en kern', [p.wijk, p.kern].filter(Boolean).join(', ') || '—'],
    ['Telefoon', of(p.telefoon)], ['E-mail', of(p.email)], ['Bron', p.bron === 'brp' ? 'Basisregistratie Personen (BRP)' : 'Ingevoerd door de gemeente'],
  ]);

  // 2. Household
  hoofdstuk(1);
  o.kop('Leden van uw huishouden');
  o.tabel(['Naam', 'Relatie tot u'], [3, 2], j.huishouden.leden.map((l) => [l.naam, l.relatieTotU]));
  o.kop('Uw relaties');
  if (j.relaties.length) o.tabel(['Naam', 'Relatie', 'Gezag'], [3, 2, 1], j.relaties.map((r) => [r.naam, r.soort, jaNee(r.gezag)]));
  else o.leeg('Er zijn geen relaties vastgelegd.');
  o.kop('Wettelijk vertegenwoordigers');
  if (j.vertegenwoordigers.length) o.tabel(['Naam', 'Vertegenwoordigt u als'], [3, 2], j.vertegenwoordigers.map((v) => [v.naam, v.relatie]));
  else o.leeg('Er is geen wettelijk vertegenwoordiger vastgelegd.');

  // 3. Meldingen
  hoofdstuk(2);
  if (!j.meldingen.length) o.leeg('Er zijn geen meldingen over u vastgelegd.');
  for (const m of j.meldingen) {
    o.kop(`Melding ${m.nummer}`);
    o.velden([
      ['Ontvangen op', datum(m.ontvangenOp)], ['Wet', of(m.wetNaam)], ['Via', of(m.kanaalNaam)], ['Stand', of(m.statusNaam)], ['Spoed', jaNee(m.spoed)],
      ['Uw vraag', m.omschrijving],
      ...(m.verwijzer ? [['Verwezen door', [m.verwijzer.soortNaam, m.verwijzer.naam, m.verwijzer.organisatie].filter(Boolean).join(', ')] as const] : []),
      ...(m.signaal ? [['Signaal van', [m.signaal.bronNaam, m.signaal.toelichting].filter(Boolean).join(', ')] as const] : []),
      ...(m.triageUitkomst ? [['Uitkomst van de eerste beoordeling', m.triageUitkomst] as const] : []),
      ...(m.advies ? [['Advies', m.advies] as const] : []),
      ...(m.gegevenProduct ? [['Gegeven', m.gegevenProduct] as const] : []),
      ['Contact bij deze melding', [m.contact.telefoon, m.contact.email].filter(Boolean).join(', ') || '—'],
      ['Casus', of(m.casusNummer)], ['Afgerond op', datum(m.afgerondOp)],
    ]);
    if (m.historie.length) o.tabel(['Moment', 'Stand', 'Reden'], [3, 2.5, 5], m.historie.map((h) => [moment(h.moment), h.naarNaam ?? h.naar, of(h.reden)]));
  }

  // 4. Casussen and gesprekken
  hoofdstuk(3);
  if (!j.casussen.length) o.leeg('Uw huishouden heeft (nog) geen casus.');
  for (const c of j.casussen) {
    o.kop(`Casus ${c.nummer}`);
    o.velden([['Geopend op', moment(c.geopendOp)], ['Stand', c.status], ['Casusregisseur', of(c.regisseur)], ['Gesprekken', String(c.gesprekken.length)]]);
    for (const g of c.gesprekken) {
      o.subkop(`Gesprek van ${datum(g.datum)} — ${g.soortNaam ?? g.soort}`);
      o.velden([
        ['Plek', of(g.plekNaam)], ['Gevoerd door', of(g.gevoerdDoor)], ['Deelnemers', g.deelnemers.map((d) => `${d.naam} (${d.rolNaam ?? d.rol})`).join(', ') || '—'],
        ['Waarom hierin', g.betrokkenheid === 'deelnemer' ? 'U nam deel aan dit gesprek' : 'Gesprek over het huishouden als geheel'],
        ['Instrument', g.instrument], ['Verslag verzonden op', moment(g.verslagVerzondenOp)],
        ...(g.brief ? [['Brief', g.brief] as const] : []),
      ]);
      if (g.scores.length) {
        o.tabel(['Leefgebied', 'Score', 'Toelichting', 'Zelf', 'Netwerk'], [3, 3, 4, 3, 3],
          g.scores.map((s) => [s.domeinNaam, s.score === null ? 'niet besproken' : `${s.score}${s.scoreLabel ? ` — ${s.scoreLabel}` : ''}`, of(s.toelichting), of(s.zelf), of(s.netwerk)]));
      }
      if (g.verslag) { o.subkop('Verslag'); o.alinea(g.verslag); }
      if (g.inwonerReactie) { o.subkop(`Uw reactie (${moment(g.inwonerReactieOp)})`); o.alinea(g.inwonerReactie); }
    }
  }

  // 5. Plans
  hoofdstuk(4);
  const metPlan = j.casussen.filter((c) => c.plan);
  if (!metPlan.length) o.leeg('Er is (nog) geen plan voor uw huishouden.');
  for (const c of metPlan) {
    const plan = c.plan!;
    o.kop(`Plan bij casus ${c.nummer}`);
    o.velden([
      ['Stand', plan.status], ['Versie', String(plan.versie)],
      ['Instemming', plan.instemming ? `${datum(plan.instemming.datum)} (${plan.instemming.wijze})` : 'nog niet'], ['Laatst gewijzigd', moment(plan.gewijzigdOp)],
    ]);
    o.subkop('Doelen');
    if (plan.doelen.length) {
      o.tabel(['Leefgebied', 'Doel', 'Meetbaar resultaat', 'Streefdatum', 'Stand'], [3, 5, 4, 3, 2],
        plan.doelen.map((d) => [of(d.leefgebiedNaam), d.omschrijving, d.meetbaarResultaat, datum(d.streefdatum), of(d.statusNaam)]));
    } else o.leeg('Geen doelen.');
    o.subkop('Afspraken (arrangement)');
    if (plan.arrangement.length) {
      o.tabel(['Trede', 'Wat', 'Wie', 'Omvang', 'Van – tot', 'Stand'], [4.1, 5, 3, 1.6, 3.4, 1.9], plan.arrangement.map((a) => [
        of(a.tredeNaam), [a.product, a.omschrijving, a.motivering ? `Motivering: ${a.motivering}` : null].filter(Boolean).join('. ') || '—',
        [...new Set([a.verantwoordelijke, a.aanbieder].filter(Boolean))].join(', '), omvangTekst(a.omvang),
        `${datum(a.startdatum)} – ${a.einddatum ? datum(a.einddatum) : 'doorlopend'}`, a.status,
      ]));
    } else o.leeg('Geen afspraken.');
    if (plan.evaluaties.length) {
      o.subkop('Evaluaties');
      o.tabel(['Gepland', 'Gehouden', 'Besluit', 'Toelichting'], [3, 3, 3, 6], plan.evaluaties.map((e) => [datum(e.geplandOp), datum(e.gehoudenOp), of(e.besluit), of(e.toelichting)]));
    }
    o.subkop('Versies van het plan');
    if (plan.versies.length) o.tabel(['Versie', 'Moment', 'Reden', 'Door'], [1, 3, 5, 3], plan.versies.map((v) => [String(v.versie), moment(v.moment), v.reden, of(v.door)]));
    else o.leeg('Nog geen vastgelegde versie.');
    o.alinea('De volledige inhoud van elke versie staat in inzage.json.', { grijs: true });
  }

  // 6. Aanvragen
  hoofdstuk(5);
  if (!j.aanvragen.length && !j.aanvragenNamensAnderen.length) o.leeg('Er zijn geen aanvragen over u vastgelegd.');
  for (const a of j.aanvragen) {
    o.kop(`Aanvraag ${a.nummer}`);
    o.velden([
      ['Ontvangen op', datum(a.ontvangenOp)], ['Stand', of(a.statusNaam)], ['Casus', a.casusNummer], ['Aangevraagd door', a.aanvrager.naam ? `${a.aanvrager.naam} (${a.aanvrager.relatie})` : a.aanvrager.relatie],
      ['Producten', a.producten.map((x) => `${x.omschrijving} (${x.wetNaam ?? x.wet})`).join('; ') || '—'], ...(a.toelichting ? [['Toelichting', a.toelichting] as const] : []),
    ]);
    if (a.historie.length) o.tabel(['Moment', 'Stand', 'Toelichting'], [3, 2.5, 5], a.historie.map((h) => [moment(h.moment), h.naarNaam ?? h.naar, of(h.toelichting)]));
  }
  if (j.aanvragenNamensAnderen.length) {
    o.kop('Aanvragen die u namens een ander deed');
    o.tabel(['Nummer', 'Ontvangen', 'Voor', 'Uw rol', 'Stand'], [3, 3, 4, 2, 2],
      j.aanvragenNamensAnderen.map((a) => [a.nummer, datum(a.ontvangenOp), a.voor, a.uwRol, of(a.statusNaam)]));
  }

  // 7. Beschikkingen
  hoofdstuk(6);
  if (!j.beschikkingen.length) o.leeg('Er zijn geen beschikkingen over u.');
  for (const b of j.beschikkingen) {
    o.kop(`Beschikking ${b.nummer}`);
    o.velden([
      ['Op aanvraag', b.aanvraagNummer], ['Besloten op', moment(b.beslotenOp)], ['Verzonden op', datum(b.verzondenOp)], ['Bezwaar mogelijk tot', datum(b.bezwaarTermijnEinde)],
      ['Brief', b.brief ?? 'nog niet verzonden'], ['Motivering', b.motivering],
    ]);
    o.tabel(['Product', 'Uitkomst', 'Omvang', 'Periode', 'Vorm', 'Per jaar'], [5, 2, 2, 4, 3, 2], b.producten.map((x) => [
      `${x.omschrijving} (${x.grondslag})`, of(x.uitkomstNaam), x.omvang === null ? '—' : `${x.omvang} ${x.eenheid ?? ''}${x.periode ? ` per ${x.periode}` : ''}`.trim(),
      `${datum(x.ingangsdatum)} – ${x.einddatum ? datum(x.einddatum) : 'doorlopend'}`, of(x.leveringsvorm), euro(x.jaarbedragCents),
    ]));
  }

  // 8. Bezwaren
  hoofdstuk(7);
  if (!j.bezwaren.length) o.leeg('Er zijn geen bezwaren van u vastgelegd.');
  for (const z of j.bezwaren) {
    o.kop(`Bezwaar ${z.nummer} tegen beschikking ${z.beschikkingNummer}`);
    o.velden([
      ['Ontvangen op', datum(z.ontvangenOp)], ['Op tijd', jaNee(z.tijdig)], ['Stand', of(z.statusNaam)], ['Uitkomst', of(z.uitkomstNaam)],
      ['Uw bezwaar', z.omschrijving], ['Hoorzitting', z.hoorzitting.datum ? datum(z.hoorzitting.datum) : z.hoorzitting.afgezienReden ? `Afgezien: ${z.hoorzitting.afgezienReden}` : '—'],
      ...(z.hoorzitting.verslag ? [['Verslag van het horen', z.hoorzitting.verslag] as const] : []),
      ...(z.advies ? [['Advies van de commissie', `${z.advies}${z.adviesDatum ? ` (${datum(z.adviesDatum)})` : ''}`] as const] : []),
      ...(z.motivering ? [['Motivering van de beslissing', z.motivering] as const] : []),
      ['Verzonden op', datum(z.verzondenOp)], ['Beroep mogelijk tot', datum(z.beroepTermijnEinde)], ['Brief', z.brief ?? 'nog niet verzonden'],
    ]);
    if (z.historie.length) o.tabel(['Moment', 'Stand', 'Toelichting'], [3, 2.5, 5], z.historie.map((h) => [moment(h.moment), h.naarNaam ?? h.naar, of(h.toelichting)]));
  }

  // 9. Shared with partners (the recipients, AVG art. 15(1)(c))
  hoofdstuk(8);
  const d = j.delingen;
  o.kop('Aan wie gegevens zijn verstrekt');
  if (d.verstrekkingen.length) {
    o.tabel(['Datum', 'Aan', 'Waarvoor', 'Welke gegevens', 'Grond'], [2.6, 3.4, 3.4, 4.4, 2.4], d.verstrekkingen.map((v) => [
      datum(v.datum), `${v.partner.naam} (${v.partner.soortNaam ?? v.partner.soort})`, of(v.doelNaam), v.gegevens, of(v.grondslagNaam),
    ]));
  } else o.leeg('Er zijn geen gegevens over u aan partners verstrekt.');
  o.kop('Toestemming en andere grondslagen');
  if (d.grondslagen.length) {
    for (const g of d.grondslagen) {
      o.subkop(`${g.soortNaam ?? g.soort} van ${datum(g.datum)}${g.ingetrokkenOp ? ` — ingetrokken op ${datum(g.ingetrokkenOp)}` : ''}`);
      o.velden([
        ...(g.gegevenDoor ? [['Gegeven door', `${g.gegevenDoor.naam} (${g.gegevenDoor.relatieNaam ?? g.gegevenDoor.relatie})`] as const] : []),
        ...(g.wetsartikel ? [['Wetsartikel', g.wetsartikel] as const] : []),
        ['Voor', g.partners.map((x) => (x.naam ? `${x.naam} (${x.soortNaam ?? x.soort})` : `${x.soortNaam ?? x.soort} (iedere partner van deze soort)`)).join('; ') || '—'],
        ['Waarvoor', g.doelen.map((x) => x.doelNaam ?? x.doel).join('; ') || '—'], ['Welke gegevens', g.gegevens], ['Geldig tot', g.geldigTot ? datum(g.geldigTot) : 'tot u het intrekt'],
        ...(g.toelichting ? [['Toelichting', g.toelichting] as const] : []), ...(g.intrekkingReden ? [['Reden van intrekken', g.intrekkingReden] as const] : []),
      ]);
    }
  } else o.leeg('Er is geen toestemming of andere grondslag voor delen vastgelegd.');

  // 10. Audit trail
  hoofdstuk(9);
  o.alinea(`Elke keer dat een medewerker van de gemeente uw gegevens bekeek, aanmaakte of wijzigde, is dat vastgelegd: ${j.audittrail.length} keer. De oudste staat bovenaan. Het maken van dit overzicht staat er ook in.`);
  if (j.audittrail.length) {
    o.tabel(['Moment', 'Medewerker', 'Functie', 'Actie', 'Gegevens', 'Doel'], [3.1, 2.4, 3.2, 2.4, 3.3, 4.6],
      j.audittrail.map((r) => [kortMoment(r.moment), r.gebruikersnaam, r.rolNaam, actieNaam[r.actie] ?? r.actie, r.gegevens, r.doel]));
  }

  // 11. About
  hoofdstuk(10);
  o.alinea(`Dit overzicht is gemaakt op ${moment(j.gemaaktOp)} door de gemeente ${j.gemeente.naam}, op verzoek, op grond van artikel 15 van de AVG.`);
  o.alinea('Over andere leden van uw huishouden staat hier alleen wat ook over u gaat: hun namen en hoe zij familie van u zijn, gesprekken waaraan u deelnam of die over het hele huishouden gingen, en het plan van het huishouden. Meldingen, gesprekken en aanvragen van een ander lid staan in het overzicht van dat lid.');
  o.alinea('Klopt er iets niet, of wilt u dat iets wordt verbeterd of verwijderd? Neem contact op met de gemeente en vraag naar de functionaris gegevensbescherming.');
  o.kop('Brieven bij dit overzicht');
  if (j.brieven.length) o.tabel(['Bestand', 'SHA-256'], [2, 3], j.brieven.map((b) => [b.bestand, b.sha256]));
  else o.leeg('Er zijn (nog) geen brieven verzonden.');

  // Table of contents page numbers, and the footer on every page.
  const range = doc.bufferedPageRange();
  doc.switchToPage(range.start);
  for (const r of inhoudRegels) {
    doc.font(N).fontSize(11).fillColor('black').text(`pagina ${paginas.get(r.titel) ?? ''}`, o.links + o.breedte - 80, r.y, { width: 80, align: 'right', lineBreak: false });
  }
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const onder = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(N).fontSize(8).fillColor('#666666').text(
      `Inzage ${j.persoon.naam} — gemeente ${j.gemeente.naam} — ${datum(j.datum)} — pagina ${i + 1} van ${range.count}`,
      o.links, doc.page.height - 45, { width: o.breedte, align: 'center', lineBreak: false },
    );
    doc.page.margins.bottom = onder;
  }
  doc.end();
  return klaar;
}
