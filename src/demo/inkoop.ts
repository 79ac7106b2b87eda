import { maakAanbieder, maakContract, zetPgbTarief, zetResultaatTarieven, zetTarief } from '../contexts/inkoop/index.ts';
import type { Actor, Tx } from '../platform/tenancy/tx.ts';

/**
 * Demo data for inkoop (issue 13): the aanbieders of Demodorp and Tweestad, their contracts with
 * the iStandaard product codes, the 2026 and 2027 tariffs (with a tariff history back to the
 * contract's start, so a history of years has a contracted price on every day), the result-based
 * tables (Jeugd profiles, Wmo begeleiding) and the pgb tariffs. Data and pure helpers; the seed
 * writes it through inkoop's use cases (zaaiInkoop), the generator as rows (deterministic ids).
 */

export type DemoWet = 'wmo' | 'jeugdwet' | 'participatiewet' | 'schuldhulp' | 'minima';
export type Bekostiging = 'inspanningsgericht' | 'outputgericht' | 'taakgericht';

export interface DemoProduct {
  wet: DemoWet;
  /** WMO020 / JZ020; null for laws without an iStandaard. */
  productcategorie: string | null;
  productcode: string;
  naam: string;
  /** WJ756: 01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 82 stuks output, 83 euro's, 84 stuks inspanning. */
  eenheid: '01' | '04' | '14' | '16' | '82' | '83' | '84';
  /** WMO757: 1 per dag, 2 per week, 4 per maand, 6 totaal binnen de looptijd. */
  frequentie: '1' | '2' | '4' | '6';
  bekostiging: Bekostiging;
  /** Budget from the result table (resultaat_tarieven) instead of the tariff. */
  resultaatgericht: boolean;
  /** Tariff per unit in cents (the result-based ones: 0, the table holds the amounts). */
  tarief2026: number;
  tarief2027: number;
  /** Can be taken as a pgb (care that a resident can buy in themselves). */
  pgb: boolean;
  /** Taakgericht: the fixed amount per month in cents that financien pays the provider. */
  maandbedragCents?: number;
}

/** The demo products, as the catalogue items point to them (src/contexts/catalogus/demo-catalogus.ts). */
export const DEMO_PRODUCTEN: readonly DemoProduct[] = [
  { wet: 'wmo', productcategorie: '01', productcode: '01A01', naam: 'Hulp bij het huishouden', eenheid: '04', frequentie: '2', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 3645, tarief2027: 3810, pgb: true },
  { wet: 'wmo', productcategorie: '02', productcode: '02A01', naam: 'Individuele begeleiding', eenheid: '04', frequentie: '2', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 6850, tarief2027: 7120, pgb: true },
  { wet: 'wmo', productcategorie: '02', productcode: '02R01', naam: 'Begeleid wonen thuis (ambulant), resultaatgericht', eenheid: '82', frequentie: '6', bekostiging: 'outputgericht', resultaatgericht: true, tarief2026: 0, tarief2027: 0, pgb: false },
  { wet: 'wmo', productcategorie: '07', productcode: '07A01', naam: 'Dagbesteding', eenheid: '16', frequentie: '2', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 4280, tarief2027: 4450, pgb: true },
  { wet: 'wmo', productcategorie: '04', productcode: '04A01', naam: 'Kortdurend verblijf', eenheid: '14', frequentie: '4', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 14500, tarief2027: 15090, pgb: true },
  { wet: 'wmo', productcategorie: '13', productcode: '13A01', naam: 'Woningaanpassing', eenheid: '83', frequentie: '6', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 100, tarief2027: 100, pgb: false },
  { wet: 'wmo', productcategorie: '13', productcode: '13B01', naam: 'Traplift (huur en onderhoud)', eenheid: '82', frequentie: '4', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 9500, tarief2027: 9880, pgb: false },
  { wet: 'wmo', productcategorie: '12', productcode: '12A01', naam: 'Scootmobiel (huur en onderhoud)', eenheid: '82', frequentie: '4', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 6250, tarief2027: 6500, pgb: false },
  { wet: 'wmo', productcategorie: '11', productcode: '11A01', naam: 'Rolstoel (huur en onderhoud)', eenheid: '82', frequentie: '4', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 4800, tarief2027: 4990, pgb: false },
  { wet: 'wmo', productcategorie: '08', productcode: '08A01', naam: 'Regiotaxi (collectief vervoer)', eenheid: '84', frequentie: '4', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 1450, tarief2027: 1510, pgb: false },
  { wet: 'wmo', productcategorie: '15', productcode: '15A01', naam: 'Beschermd wonen', eenheid: '14', frequentie: '2', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 16500, tarief2027: 17160, pgb: true },
  { wet: 'jeugdwet', productcategorie: '45', productcode: '45A01', naam: 'Jeugdhulp ambulant', eenheid: '04', frequentie: '2', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 9800, tarief2027: 10190, pgb: true },
  { wet: 'jeugdwet', productcategorie: '45', productcode: '45R01', naam: 'Intensieve gezinsbegeleiding, resultaatgericht', eenheid: '82', frequentie: '6', bekostiging: 'outputgericht', resultaatgericht: true, tarief2026: 0, tarief2027: 0, pgb: false },
  { wet: 'jeugdwet', productcategorie: '54', productcode: '54D01', naam: 'Dyslexiezorg (EED), traject', eenheid: '82', frequentie: '6', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 425000, tarief2027: 441000, pgb: false },
  { wet: 'jeugdwet', productcategorie: '54', productcode: '54A01', naam: 'Jeugd-GGZ behandeling', eenheid: '01', frequentie: '2', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 205, tarief2027: 213, pgb: true },
  { wet: 'jeugdwet', productcategorie: '44', productcode: '44P01', naam: 'Pleegzorg', eenheid: '14', frequentie: '2', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 4800, tarief2027: 4990, pgb: false },
  { wet: 'jeugdwet', productcategorie: '44', productcode: '44L01', naam: 'Logeeropvang', eenheid: '14', frequentie: '4', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 18500, tarief2027: 19240, pgb: true },
  { wet: 'jeugdwet', productcategorie: '41', productcode: '41A01', naam: 'Dagbesteding jeugd met een beperking', eenheid: '16', frequentie: '2', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 5800, tarief2027: 6030, pgb: true },
  { wet: 'jeugdwet', productcategorie: '31', productcode: '31T01', naam: 'Jeugdhulp door het wijkteam (lumpsum)', eenheid: '82', frequentie: '6', bekostiging: 'taakgericht', resultaatgericht: false, tarief2026: 0, tarief2027: 0, pgb: false,
    // About € 150.000 a year: a youth team of two to three FTE in a gemeente of Demodorp's size.
    maandbedragCents: 1_250_000 },
  { wet: 'participatiewet', productcategorie: null, productcode: 'RE001', naam: 'Re-integratietraject', eenheid: '82', frequentie: '6', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 350000, tarief2027: 364000, pgb: false },
  { wet: 'participatiewet', productcategorie: null, productcode: 'BZ001', naam: 'Bbz: ondersteuning voor zelfstandigen', eenheid: '83', frequentie: '4', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 100, tarief2027: 100, pgb: false },
  { wet: 'participatiewet', productcategorie: null, productcode: 'PW001', naam: 'Bijstandsuitkering (levensonderhoud)', eenheid: '83', frequentie: '4', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 100, tarief2027: 100, pgb: false },
  // Laws without an iStandaard: the gemeente's own codes, so every maatwerk product of the catalogue is contracted.
  { wet: 'participatiewet', productcategorie: null, productcode: 'WF001', naam: 'Werkfit-traject', eenheid: '82', frequentie: '6', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 400000, tarief2027: 416000, pgb: false },
  { wet: 'participatiewet', productcategorie: null, productcode: 'JC001', naam: 'Jobcoaching', eenheid: '04', frequentie: '4', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 7800, tarief2027: 8110, pgb: false },
  { wet: 'participatiewet', productcategorie: null, productcode: 'LK001', naam: 'Loonkostensubsidie', eenheid: '83', frequentie: '4', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 100, tarief2027: 100, pgb: false },
  { wet: 'participatiewet', productcategorie: null, productcode: 'PP001', naam: 'Participatieplaats', eenheid: '82', frequentie: '6', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 200000, tarief2027: 208000, pgb: false },
  { wet: 'schuldhulp', productcategorie: null, productcode: 'SH001', naam: 'Schuldhulpverleningstraject', eenheid: '82', frequentie: '6', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 300000, tarief2027: 312000, pgb: false },
  { wet: 'schuldhulp', productcategorie: null, productcode: 'SH002', naam: 'Budgetbeheer', eenheid: '83', frequentie: '4', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 100, tarief2027: 100, pgb: false },
  { wet: 'schuldhulp', productcategorie: null, productcode: 'SH003', naam: 'Saneringskrediet', eenheid: '83', frequentie: '6', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 100, tarief2027: 100, pgb: false },
  { wet: 'schuldhulp', productcategorie: null, productcode: 'SH004', naam: 'Bijzondere bijstand voor beschermingsbewind', eenheid: '83', frequentie: '4', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 100, tarief2027: 100, pgb: false },
  { wet: 'minima', productcategorie: null, productcode: 'MI001', naam: 'Individuele inkomenstoeslag', eenheid: '83', frequentie: '6', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 100, tarief2027: 100, pgb: false },
  { wet: 'minima', productcategorie: null, productcode: 'MI002', naam: 'Bijzondere bijstand', eenheid: '83', frequentie: '6', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 100, tarief2027: 100, pgb: false },
  { wet: 'minima', productcategorie: null, productcode: 'MI003', naam: 'Meedoenregeling', eenheid: '83', frequentie: '6', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 100, tarief2027: 100, pgb: false },
  { wet: 'minima', productcategorie: null, productcode: 'MI004', naam: 'Kindpakket', eenheid: '83', frequentie: '6', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 100, tarief2027: 100, pgb: false },
  { wet: 'minima', productcategorie: null, productcode: 'MI005', naam: 'Collectieve zorgverzekering voor minima (premiebijdrage)', eenheid: '83', frequentie: '4', bekostiging: 'inspanningsgericht', resultaatgericht: false, tarief2026: 100, tarief2027: 100, pgb: false },
  { wet: 'minima', productcategorie: null, productcode: 'MI006', naam: 'Kwijtschelding gemeentelijke belastingen', eenheid: '83', frequentie: '6', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 100, tarief2027: 100, pgb: false },
  { wet: 'minima', productcategorie: null, productcode: 'MI007', naam: 'Tegemoetkoming meerkosten chronisch zieken', eenheid: '83', frequentie: '6', bekostiging: 'outputgericht', resultaatgericht: false, tarief2026: 100, tarief2027: 100, pgb: false },
];

/**
 * The product code of a catalogue item that names none itself (the catalogue maps the iStandaard
 * ones, src/contexts/catalogus/demo-catalogus.ts): a decision on it names this code.
 */
export const CATALOGUS_PRODUCTCODE: Readonly<Record<string, string>> = {
  'Werkfit-traject': 'WF001', Jobcoach: 'JC001', Loonkostensubsidie: 'LK001', Participatieplaats: 'PP001',
  'Schuldhulpverlening-traject': 'SH001', Budgetbeheer: 'SH002', Saneringskrediet: 'SH003', 'Beschermingsbewind: doorverwijzing en bijzondere bijstand': 'SH004',
  'Individuele inkomenstoeslag': 'MI001', 'Bijzondere bijstand': 'MI002', Meedoenregeling: 'MI003', Kindpakket: 'MI004',
  'Collectieve zorgverzekering voor minima': 'MI005', 'Kwijtschelding gemeentelijke belastingen': 'MI006', 'Tegemoetkoming meerkosten chronisch zieken': 'MI007',
};

export const productVanCode = (code: string): DemoProduct => {
  const p = DEMO_PRODUCTEN.find((x) => x.productcode === code);
  if (!p) throw new Error(`Onbekende demoproductcode ${code}`);
  return p;
};

/** One contracted product of an aanbieder: the code, an optional capacity and its own price level. */
export interface DemoContractProduct {
  code: string;
  /** Clients at once; absent = no limit. */
  capaciteit?: number;
  /** Its tariff as a share of the table's (a few aanbieders offered a little lower). */
  factor?: number;
}

export interface DemoAanbieder {
  /** Key within this file (onderaannemers point to it). */
  sleutel: string;
  naam: string;
  agbCode: string;
  kvkNummer: string | null;
  straat: string;
  huisnummer: string;
  postcode: string;
  plaats: string;
  contactNaam: string;
  contactEmail: string;
  contactTelefoon: string;
  wetten: DemoWet[];
  producten: DemoContractProduct[];
  /** How often residents choose this one (relative, per product). */
  gewicht: number;
  /** For the result-based products: the aanbieders working under this one as hoofdaannemer. */
  onderaannemers?: string[];
  /** Perceel (lot) of the tender the contract belongs to. */
  perceel?: string;
}

/** Start of the demo contracts: the decentralisation of 2015 (Jeugdwet, Wmo 2015, Participatiewet). */
export const CONTRACT_VAN = '2015-01-01';
export const CONTRACT_TOT = '2027-12-31';

const a = (x: Omit<DemoAanbieder, 'gewicht'> & { gewicht?: number }): DemoAanbieder => ({ gewicht: 1, ...x });

/** Demodorp's 30 aanbieders, for every law: several for every common product, so a resident has a choice. */
export const DEMODORP_AANBIEDERS: readonly DemoAanbieder[] = [
  // Hulp bij het huishouden: five.
  a({ sleutel: 'heide', naam: 'Thuiszorg De Heide', agbCode: '98012345', kvkNummer: '41184523', straat: 'Heideweg', huisnummer: '12', postcode: '1234 HK', plaats: 'Demodorp',
    contactNaam: 'Marloes Verhoef', contactEmail: 'contractbeheer@thuiszorgdeheide.nl', contactTelefoon: '0123 45 21 00', wetten: ['wmo'], gewicht: 3, perceel: 'Hulp bij het huishouden',
    producten: [{ code: '01A01' }, { code: '02A01' }] }),
  a({ sleutel: 'schoonthuis', naam: 'Schoon Thuis Hulp bij het Huishouden B.V.', agbCode: '98023411', kvkNummer: '56473821', straat: 'Industrieweg', huisnummer: '4a', postcode: '1235 BT', plaats: 'Demodorp',
    contactNaam: 'Erik Bosman', contactEmail: 'gemeenten@schoonthuis.nl', contactTelefoon: '0123 45 33 10', wetten: ['wmo'], gewicht: 2, perceel: 'Hulp bij het huishouden',
    producten: [{ code: '01A01', factor: 0.98 }] }),
  a({ sleutel: 'zorgkracht', naam: 'Zorgkracht Thuis', agbCode: '98034522', kvkNummer: '63018274', straat: 'Beekstraat', huisnummer: '88', postcode: '1241 CD', plaats: 'Beekveld',
    contactNaam: 'Samira El Amrani', contactEmail: 'inkoop@zorgkrachtthuis.nl', contactTelefoon: '0124 71 20 20', wetten: ['wmo'], gewicht: 1.5, perceel: 'Hulp bij het huishouden',
    producten: [{ code: '01A01' }, { code: '02A01', capaciteit: 60 }] }),
  a({ sleutel: 'helpendehand', naam: 'Stichting De Helpende Hand', agbCode: '98045633', kvkNummer: '40217785', straat: 'Kerkplein', huisnummer: '3', postcode: '1251 AA', plaats: 'Heidehoven',
    contactNaam: 'Wim Hoekstra', contactEmail: 'info@dehelpendehand-heidehoven.nl', contactTelefoon: '0125 30 40 50', wetten: ['wmo'], gewicht: 0.6, perceel: 'Hulp bij het huishouden',
    producten: [{ code: '01A01', capaciteit: 80 }] }),
  // Begeleiding, begeleid wonen and dagbesteding.
  a({ sleutel: 'zorgcooperatie', naam: 'Zorgcoöperatie Demodorp', agbCode: '98067855', kvkNummer: '62290011', straat: 'Dorpsstraat', huisnummer: '27', postcode: '1234 DS', plaats: 'Demodorp',
    contactNaam: 'Hanneke de Wit', contactEmail: 'contractmanagement@zorgcooperatiedemodorp.nl', contactTelefoon: '0123 45 60 70', wetten: ['wmo'], gewicht: 3, perceel: 'Begeleiding',
    producten: [{ code: '02A01' }, { code: '02R01' }, { code: '07A01' }] }),
  a({ sleutel: 'perspectief', naam: 'Stichting Perspectief Begeleiding', agbCode: '98078966', kvkNummer: '30181562', straat: 'Molenlaan', huisnummer: '15', postcode: '1236 ML', plaats: 'Demodorp',
    contactNaam: 'Youssef Benali', contactEmail: 'gemeenten@perspectiefbegeleiding.nl', contactTelefoon: '0123 45 77 00', wetten: ['wmo'], gewicht: 2, perceel: 'Begeleiding',
    producten: [{ code: '02A01', factor: 0.97 }, { code: '02R01' }] }),
  a({ sleutel: 'kwartier', naam: 'Kwartier Ambulante Begeleiding', agbCode: '98089077', kvkNummer: '57839104', straat: 'Leidseweg', huisnummer: '210', postcode: '3531 BG', plaats: 'Utrecht',
    contactNaam: 'Anke Jansen', contactEmail: 'zorgcontracten@kwartier.nl', contactTelefoon: '030 299 11 22', wetten: ['wmo', 'jeugdwet'], gewicht: 1, perceel: 'Begeleiding',
    producten: [{ code: '02A01' }, { code: '45A01' }] }),
  a({ sleutel: 'heidehoeve', naam: 'Zorgboerderij De Heidehoeve', agbCode: '98090188', kvkNummer: '08172634', straat: 'Heidehoeveweg', huisnummer: '2', postcode: '1252 HH', plaats: 'Heidehoven',
    contactNaam: 'Gerrit en Ans Mulder', contactEmail: 'info@heidehoeve.nl', contactTelefoon: '0125 31 22 44', wetten: ['wmo', 'jeugdwet'], gewicht: 2, perceel: 'Dagbesteding',
    producten: [{ code: '07A01', capaciteit: 45 }, { code: '41A01', capaciteit: 20 }, { code: '44L01', capaciteit: 6 }] }),
  a({ sleutel: 'ontmoeting', naam: 'Dagcentrum De Ontmoeting', agbCode: '98101299', kvkNummer: '41199870', straat: 'Lindelaan', huisnummer: '5', postcode: '1234 LL', plaats: 'Demodorp',
    contactNaam: 'Petra van Leeuwen', contactEmail: 'dagbesteding@deontmoeting.nl', contactTelefoon: '0123 45 12 34', wetten: ['wmo'], gewicht: 1.5, perceel: 'Dagbesteding',
    producten: [{ code: '07A01' }] }),
  a({ sleutel: 'ribw', naam: 'RIBW Regio Demodorp', agbCode: '98112300', kvkNummer: '41251847', straat: 'Vijverlaan', huisnummer: '60', postcode: '1237 VL', plaats: 'Demodorp',
    contactNaam: 'Marco Dekker', contactEmail: 'contractering@ribw-regiodemodorp.nl', contactTelefoon: '0123 46 00 00', wetten: ['wmo'], gewicht: 2, perceel: 'Beschermd wonen en begeleid wonen',
    producten: [{ code: '15A01', capaciteit: 40 }, { code: '02R01' }, { code: '02A01' }] }),
  a({ sleutel: 'overloop', naam: 'Stichting De Overloop Beschermd Wonen', agbCode: '98123411', kvkNummer: '09154728', straat: 'Amersfoortseweg', huisnummer: '101', postcode: '3818 ZB', plaats: 'Amersfoort',
    contactNaam: 'Ilse Koster', contactEmail: 'inkoop@deoverloop.nl', contactTelefoon: '033 460 70 80', wetten: ['wmo'], gewicht: 1, perceel: 'Beschermd wonen en begeleid wonen',
    producten: [{ code: '15A01', capaciteit: 25, factor: 0.98 }] }),
  // Respite and hulpmiddelen.
  a({ sleutel: 'zorggroep', naam: 'Zorggroep Heidehoven', agbCode: '98134522', kvkNummer: '41021773', straat: 'Brinkweg', huisnummer: '20', postcode: '1251 BW', plaats: 'Heidehoven',
    contactNaam: 'Ruben Post', contactEmail: 'contracten@zorggroepheidehoven.nl', contactTelefoon: '0125 32 00 00', wetten: ['wmo'], gewicht: 2, perceel: 'Kortdurend verblijf',
    producten: [{ code: '04A01', capaciteit: 12 }, { code: '01A01' }] }),
  a({ sleutel: 'beek', naam: 'Logeerhuis De Beek', agbCode: '98145633', kvkNummer: '65519032', straat: 'Beekdal', huisnummer: '9', postcode: '1242 BD', plaats: 'Beekveld',
    contactNaam: 'Nicole Vos', contactEmail: 'info@logeerhuisdebeek.nl', contactTelefoon: '0124 72 10 10', wetten: ['wmo', 'jeugdwet'], gewicht: 1, perceel: 'Kortdurend verblijf',
    producten: [{ code: '04A01', capaciteit: 8 }, { code: '44L01', capaciteit: 10 }] }),
  a({ sleutel: 'hulpmiddelen', naam: 'Hulpmiddelencentrum Regio Demodorp', agbCode: '98156744', kvkNummer: '30239917', straat: 'Ambachtsweg', huisnummer: '17', postcode: '1235 AW', plaats: 'Demodorp',
    contactNaam: 'Dennis Kuipers', contactEmail: 'gemeenten@hulpmiddelencentrum-rd.nl', contactTelefoon: '0123 45 90 90', wetten: ['wmo'], gewicht: 3, perceel: 'Hulpmiddelen',
    producten: [{ code: '12A01' }, { code: '11A01' }, { code: '13B01' }, { code: '13A01', factor: 0.99 }] }),
  a({ sleutel: 'mobiel', naam: 'MobiZorg Hulpmiddelen B.V.', agbCode: '98167855', kvkNummer: '24381106', straat: 'Transportweg', huisnummer: '33', postcode: '3821 AH', plaats: 'Amersfoort',
    contactNaam: 'Linda Brouwer', contactEmail: 'accountmanagement@mobizorg.nl', contactTelefoon: '033 455 66 77', wetten: ['wmo'], gewicht: 1, perceel: 'Hulpmiddelen',
    producten: [{ code: '12A01', factor: 0.97 }, { code: '11A01', factor: 0.97 }, { code: '13B01' }] }),
  a({ sleutel: 'vandam', naam: 'Bouwbedrijf Van Dam Woningaanpassingen', agbCode: '98178966', kvkNummer: '38102256', straat: 'Havenweg', huisnummer: '7', postcode: '1243 HW', plaats: 'Beekveld',
    contactNaam: 'Joris van Dam', contactEmail: 'wmo@vandambouw.nl', contactTelefoon: '0124 73 30 30', wetten: ['wmo'], gewicht: 2, perceel: 'Woningaanpassingen',
    producten: [{ code: '13A01' }] }),
  a({ sleutel: 'regiotaxi', naam: 'Regiotaxi Demodorp e.o.', agbCode: '98190188', kvkNummer: '41180092', straat: 'Stationsplein', huisnummer: '1', postcode: '1234 SP', plaats: 'Demodorp',
    contactNaam: 'Fatima Ouali', contactEmail: 'opdrachtgevers@regiotaxidemodorp.nl', contactTelefoon: '0900 123 45 67', wetten: ['wmo'], gewicht: 1, perceel: 'Collectief vervoer',
    producten: [{ code: '08A01' }] }),
  // Jeugd.
  a({ sleutel: 'jeugdzorgoost', naam: 'Jeugdzorg Oost-Demodorp', agbCode: '98201299', kvkNummer: '41263301', straat: 'Oosterweg', huisnummer: '50', postcode: '1238 OW', plaats: 'Demodorp',
    contactNaam: 'Thomas de Graaf', contactEmail: 'contractbeheer@jeugdzorgoost.nl', contactTelefoon: '0123 47 00 00', wetten: ['jeugdwet'], gewicht: 3, perceel: 'Jeugdhulp ambulant en resultaatgericht',
    producten: [{ code: '45A01' }, { code: '45R01' }], onderaannemers: ['samenopvoeden', 'kindkracht'] }),
  a({ sleutel: 'samenopvoeden', naam: 'Stichting Samen Opvoeden', agbCode: '98212300', kvkNummer: '55502198', straat: 'Schoolstraat', huisnummer: '11', postcode: '1241 SS', plaats: 'Beekveld',
    contactNaam: 'Eva Lammers', contactEmail: 'info@samenopvoeden.nl', contactTelefoon: '0124 74 50 50', wetten: ['jeugdwet'], gewicht: 1.5, perceel: 'Jeugdhulp ambulant en resultaatgericht',
    producten: [{ code: '45A01', factor: 0.98 }] }),
  a({ sleutel: 'kindkracht', naam: 'Kindkracht Jeugdhulp', agbCode: '98223411', kvkNummer: '70118345', straat: 'Prinses Beatrixlaan', huisnummer: '8', postcode: '3818 AB', plaats: 'Amersfoort',
    contactNaam: 'Mehmet Yilmaz', contactEmail: 'gemeenten@kindkracht.nl', contactTelefoon: '033 462 12 12', wetten: ['jeugdwet'], gewicht: 1, perceel: 'Jeugdhulp ambulant en resultaatgericht',
    producten: [{ code: '45A01', capaciteit: 40 }] }),
  a({ sleutel: 'jeugdggz', naam: 'Jeugd-GGZ Regio Demodorp', agbCode: '98234522', kvkNummer: '41276604', straat: 'Parklaan', huisnummer: '25', postcode: '1237 PL', plaats: 'Demodorp',
    contactNaam: 'Dr. Sanne Hendriks', contactEmail: 'zorgcontractering@jeugdggz-rd.nl', contactTelefoon: '0123 48 00 00', wetten: ['jeugdwet'], gewicht: 3, perceel: 'Jeugd-GGZ en dyslexie',
    producten: [{ code: '54A01' }] }),
  a({ sleutel: 'wegwijzer', naam: 'Praktijk voor Kind en Jeugd De Wegwijzer', agbCode: '94012345', kvkNummer: '67730219', straat: 'Lindelaan', huisnummer: '19', postcode: '1234 LL', plaats: 'Demodorp',
    contactNaam: 'Floor Willems', contactEmail: 'praktijk@dewegwijzer-demodorp.nl', contactTelefoon: '0123 45 88 99', wetten: ['jeugdwet'], gewicht: 1.5, perceel: 'Jeugd-GGZ en dyslexie',
    producten: [{ code: '54A01', capaciteit: 35, factor: 0.98 }] }),
  a({ sleutel: 'dyslexie', naam: 'Dyslexiecentrum Demodorp', agbCode: '94023456', kvkNummer: '58120067', straat: 'Raadhuisstraat', huisnummer: '6', postcode: '1234 RS', plaats: 'Demodorp',
    contactNaam: 'Judith Scholten', contactEmail: 'info@dyslexiecentrumdemodorp.nl', contactTelefoon: '0123 45 55 66', wetten: ['jeugdwet'], gewicht: 2, perceel: 'Jeugd-GGZ en dyslexie',
    producten: [{ code: '54D01' }, { code: '54A01' }] }),
  a({ sleutel: 'pleegzorg', naam: 'Pleegzorg Regio Demodorp', agbCode: '98245633', kvkNummer: '41289907', straat: 'Wilhelminastraat', huisnummer: '40', postcode: '1236 WS', plaats: 'Demodorp',
    contactNaam: 'Bart Verbeek', contactEmail: 'contracten@pleegzorgregiodemodorp.nl', contactTelefoon: '0123 49 00 00', wetten: ['jeugdwet'], gewicht: 1, perceel: 'Verblijf jeugd',
    producten: [{ code: '44P01' }, { code: '41A01' }] }),
  a({ sleutel: 'wijkteamjeugd', naam: 'Stichting Sociaal Werk Demodorp (jeugdteam)', agbCode: '98256744', kvkNummer: '41294410', straat: 'Raadhuisplein', huisnummer: '3', postcode: '1234 AB', plaats: 'Demodorp',
    contactNaam: 'Lotte Visser', contactEmail: 'jeugdteam@sociaalwerkdemodorp.nl', contactTelefoon: '0123 45 00 30', wetten: ['jeugdwet'], gewicht: 1, perceel: 'Jeugdhulp door het wijkteam (taakgericht)',
    producten: [{ code: '31T01' }] }),
  // Participatiewet.
  a({ sleutel: 'werkbedrijf', naam: 'Werkbedrijf Demodorp', agbCode: '98267855', kvkNummer: '41300212', straat: 'Fabrieksweg', huisnummer: '22', postcode: '1235 FW', plaats: 'Demodorp',
    contactNaam: 'Khalid Amrani', contactEmail: 'opdrachtgeverschap@werkbedrijfdemodorp.nl', contactTelefoon: '0123 45 70 00', wetten: ['participatiewet'], gewicht: 2, perceel: 'Werk en inkomen',
    producten: [{ code: 'RE001' }, { code: 'PW001' }, { code: 'WF001' }, { code: 'JC001' }, { code: 'LK001' }, { code: 'PP001' }] }),
  a({ sleutel: 'stapvooruit', naam: 'Re-integratiebureau Stap Vooruit', agbCode: '98278966', kvkNummer: '69902347', straat: 'Mariaplaats', huisnummer: '14', postcode: '3511 LK', plaats: 'Utrecht',
    contactNaam: 'Sophie van Rijn', contactEmail: 'gemeenten@stapvooruit.nl', contactTelefoon: '030 231 00 99', wetten: ['participatiewet'], gewicht: 1, perceel: 'Werk en inkomen',
    producten: [{ code: 'RE001', factor: 0.96, capaciteit: 30 }] }),
  a({ sleutel: 'zelfstandigen', naam: 'Regionaal Bureau Zelfstandigen Midden', agbCode: '98289077', kvkNummer: '30270014', straat: 'Europalaan', huisnummer: '30', postcode: '3526 KS', plaats: 'Utrecht',
    contactNaam: 'Pieter Bakker', contactEmail: 'bbz@rbz-midden.nl', contactTelefoon: '030 288 30 30', wetten: ['participatiewet'], gewicht: 1, perceel: 'Werk en inkomen',
    producten: [{ code: 'BZ001' }] }),
  // Schuldhulp and minima.
  a({ sleutel: 'kredietbank', naam: 'Kredietbank Regio Demodorp', agbCode: '98290188', kvkNummer: '41310515', straat: 'Burgemeester Visserstraat', huisnummer: '9', postcode: '1236 BV', plaats: 'Demodorp',
    contactNaam: 'Ellen Schouten', contactEmail: 'opdrachtgevers@kredietbankregiodemodorp.nl', contactTelefoon: '0123 45 81 81', wetten: ['schuldhulp'], gewicht: 1, perceel: 'Schuldhulpverlening',
    producten: [{ code: 'SH001' }, { code: 'SH002' }, { code: 'SH003' }, { code: 'SH004' }] }),
  a({ sleutel: 'werkplein', naam: 'Werkplein Regio Demodorp', agbCode: '98301299', kvkNummer: '41320818', straat: 'Stationsweg', huisnummer: '70', postcode: '1234 SW', plaats: 'Demodorp',
    contactNaam: 'Ahmed Bouzid', contactEmail: 'inkomen@werkpleinregiodemodorp.nl', contactTelefoon: '0123 45 82 00', wetten: ['minima'], gewicht: 1, perceel: 'Inkomensondersteuning',
    producten: [{ code: 'MI001' }, { code: 'MI002' }, { code: 'MI003' }, { code: 'MI004' }, { code: 'MI005' }, { code: 'MI006' }, { code: 'MI007' }] }),
];

/** Tweestad: a few, for the common products only (other products are not contracted there). */
export const TWEESTAD_AANBIEDERS: readonly DemoAanbieder[] = [
  a({ sleutel: 'tw-thuiszorg', naam: 'Thuiszorg Tweestad', agbCode: '98310101', kvkNummer: '09211234', straat: 'Marktstraat', huisnummer: '8', postcode: '2222 MS', plaats: 'Tweestad',
    contactNaam: 'Annelies Kok', contactEmail: 'contracten@thuiszorgtweestad.nl', contactTelefoon: '0222 12 34 56', wetten: ['wmo'], gewicht: 2, perceel: 'Hulp bij het huishouden en begeleiding',
    producten: [{ code: '01A01' }, { code: '02A01' }] }),
  a({ sleutel: 'tw-begeleiding', naam: 'Begeleidingsdienst De Brug', agbCode: '98320202', kvkNummer: '09223345', straat: 'Brugstraat', huisnummer: '17', postcode: '2223 BB', plaats: 'Tweestad',
    contactNaam: 'Hans Peters', contactEmail: 'info@debrug-tweestad.nl', contactTelefoon: '0222 23 45 67', wetten: ['wmo', 'jeugdwet'], gewicht: 1, perceel: 'Hulp bij het huishouden en begeleiding',
    producten: [{ code: '02A01', factor: 0.98 }, { code: '45A01' }] }),
  a({ sleutel: 'tw-hulpmiddelen', naam: 'Hulpmiddelen Tweestad B.V.', agbCode: '98330303', kvkNummer: '09235456', straat: 'Nijverheidsweg', huisnummer: '2', postcode: '2224 NW', plaats: 'Tweestad',
    contactNaam: 'Ingrid de Boer', contactEmail: 'wmo@hulpmiddelentweestad.nl', contactTelefoon: '0222 34 56 78', wetten: ['wmo'], gewicht: 1, perceel: 'Hulpmiddelen',
    producten: [{ code: '12A01' }, { code: '11A01' }, { code: '13B01' }] }),
];

export const DEMO_AANBIEDERS: Record<string, readonly DemoAanbieder[]> = { demodorp: DEMODORP_AANBIEDERS, tweestad: TWEESTAD_AANBIEDERS };

export interface TariefPeriode { van: string; tot: string | null; tariefCents: number }

/** Yearly indexation used to draw the tariffs before 2026 (about the OVA of recent years). */
const INDEX = 0.035;

/**
 * A product's tariff history from the contract's start: one period up to the year before
 * `jaarlijksVanaf`, then one per year, 2027 open-ended. The tariffs before 2026 are the 2026 tariff
 * deflated by the yearly index; euro amounts (unit 83) stay 1 euro. The seed keeps it short (two
 * periods: every test's database is seeded), the generator's own contracts go yearly from 2022.
 */
export function tariefPerioden(p: DemoProduct, factor = 1, vanaf = CONTRACT_VAN, jaarlijksVanaf = 2022): TariefPeriode[] {
  const cents = (jaar: number) => (p.eenheid === '83' ? p.tarief2026 : jaar >= 2027 ? Math.round(p.tarief2027 * factor)
    : Math.round((p.tarief2026 * factor) / (1 + INDEX) ** (2026 - jaar)));
  const eerste = Math.max(Number(vanaf.slice(0, 4)), jaarlijksVanaf - 1);
  const uit: TariefPeriode[] = [{ van: vanaf, tot: `${eerste}-12-31`, tariefCents: cents(eerste) }];
  for (let j = eerste + 1; j <= 2027; j++) uit.push({ van: `${j}-01-01`, tot: j === 2027 ? null : `${j}-12-31`, tariefCents: cents(j) });
  // A contract starting in 2027 or later: one open period.
  return uit.filter((t) => t.tot === null || t.tot >= vanaf).map((t, i) => (i === 0 ? { ...t, van: vanaf } : t));
}

/** Pgb tariffs: about 75 % of the zorg-in-natura tariff (the common rule in Dutch gemeenten). */
export const PGB_FACTOR = 0.75;
export function pgbPerioden(p: DemoProduct, vanaf = CONTRACT_VAN, jaarlijksVanaf = 2022): TariefPeriode[] {
  return tariefPerioden(p, 1, vanaf, jaarlijksVanaf).map((t) => ({ ...t, tariefCents: Math.round(t.tariefCents * PGB_FACTOR) }));
}

export interface ResultaatRegel {
  wet: DemoWet;
  productcode: string;
  soort: 'jeugdprofiel' | 'wmoBegeleiding';
  profiel: string;
  intensiteit: string;
  duurMaanden: number | null;
  bedragCents: number;
  van: string;
  tot: string | null;
}

/** Jeugd (45R01), 2026, euros per result: profiel P1–P4 × intensiteit laag/midden/hoog. */
const JEUGD_2026: Record<string, [number, number, number]> = {
  P1: [2800, 4200, 6300], P2: [4800, 7200, 10800], P3: [7500, 11200, 15800], P4: [11000, 16500, 24000],
};
/** Wmo begeleiding (02R01), 2026, euros: complexiteit × intensiteit 1–3, for 6 and for 12 months. */
const WMO_2026: Record<string, { 6: [number, number, number]; 12: [number, number, number] }> = {
  laag: { 6: [1900, 2800, 3900], 12: [3600, 5300, 7400] },
  midden: { 6: [2900, 4200, 5800], 12: [5500, 8000, 11000] },
  hoog: { 6: [4200, 6000, 8200], 12: [8000, 11500, 16500] },
};
export const JEUGD_PROFIELEN = Object.keys(JEUGD_2026);
export const JEUGD_INTENSITEITEN = ['laag', 'midden', 'hoog'] as const;
export const WMO_COMPLEXITEITEN = Object.keys(WMO_2026);
export const WMO_INTENSITEITEN = ['1', '2', '3'] as const;
export const WMO_DUREN = [6, 12] as const;

/**
 * The result tables, versioned by date: the 2026 table, 2027 at +4 %, and one version from the
 * contracts' start to 2025 (the 2026 amounts deflated by the yearly index), so every history day has one.
 */
export function resultaatTabellen(vanaf = CONTRACT_VAN): ResultaatRegel[] {
  const versies = [
    { van: vanaf, tot: '2025-12-31', factor: 1 / (1 + INDEX) },
    { van: '2026-01-01', tot: '2026-12-31', factor: 1 },
    { van: '2027-01-01', tot: null, factor: 1.04 },
  ].filter((v) => v.tot === null || v.tot >= vanaf);
  const euro = (e: number, f: number) => Math.round(e * f) * 100;
  const uit: ResultaatRegel[] = [];
  for (const v of versies) {
    for (const [profiel, bedragen] of Object.entries(JEUGD_2026)) {
      JEUGD_INTENSITEITEN.forEach((intensiteit, i) => uit.push({ wet: 'jeugdwet', productcode: '45R01', soort: 'jeugdprofiel', profiel, intensiteit, duurMaanden: null,
        bedragCents: euro(bedragen[i]!, v.factor), van: v.van, tot: v.tot }));
    }
    for (const [profiel, perDuur] of Object.entries(WMO_2026)) {
      for (const duur of WMO_DUREN) {
        WMO_INTENSITEITEN.forEach((intensiteit, i) => uit.push({ wet: 'wmo', productcode: '02R01', soort: 'wmoBegeleiding', profiel, intensiteit, duurMaanden: duur,
          bedragCents: euro(perDuur[duur][i]!, v.factor), van: v.van, tot: v.tot }));
      }
    }
  }
  return uit;
}

/** Contract number per aanbieder: law prefix, the start year and a sequence number. */
export function contractNummer(code: string, i: number, wet: DemoWet, vanaf = CONTRACT_VAN): string {
  const prefix = { wmo: 'WMO', jeugdwet: 'JW', participatiewet: 'PW', schuldhulp: 'SHV', minima: 'MIN' }[wet];
  return `${code.slice(0, 2).toUpperCase()}-${prefix}-${vanaf.slice(0, 4)}-${String(i + 1).padStart(3, '0')}`;
}

/** WMO588 / JZ588: the end as planned (Wmo 19, Jeugd 31). */
export const REDEN_VOLGENS_PLAN = { wmo: '19', jeugdwet: '31' } as const;
/** WMO588 / JZ588 reasons the generator ends provisions early with (code, relative weight). */
export const REDENEN_VOORTIJDIG: Record<'wmo' | 'jeugdwet', readonly (readonly [string, number])[]> = {
  // Overlijden, verhuizing, uitstroom naar de Wlz, door de cliënt, in overeenstemming, overstap.
  wmo: [['02', 0.4], ['31', 0.12], ['39', 0.18], ['21', 0.12], ['23', 0.1], ['38', 0.08]],
  // Door de cliënt, in overleg, door de aanbieder, externe oorzaak (verhuizing), overstap.
  jeugdwet: [['32', 0.3], ['34', 0.3], ['33', 0.1], ['35', 0.15], ['38', 0.15]],
};

/**
 * Seeds a demo gemeente's inkoop through inkoop's own use cases (the same checks and audit as the
 * inkoper's pages): aanbieders, one contract each (hoofdaannemer with onderaannemers where set),
 * the tariff history year by year, the result tables and the pgb tariffs. Before any decision.
 */
// The seed keeps the history short (every test's database is seeded): the 2026 tariff from the contract's start, then 2027.
const SEED_JAARLIJKS = 2027;
export async function zaaiInkoop(tx: Tx, actor: Actor, gemeenteCode: string): Promise<void> {
  const aanbieders = DEMO_AANBIEDERS[gemeenteCode] ?? [];
  if (aanbieders.length === 0) return;
  const ids = new Map<string, string>();
  for (const a of aanbieders) {
    const r = await maakAanbieder(tx, actor, {
      naam: a.naam, agbCode: a.agbCode, kvkNummer: a.kvkNummer, straat: a.straat, huisnummer: a.huisnummer, postcode: a.postcode, plaats: a.plaats,
      contactNaam: a.contactNaam, contactEmail: a.contactEmail, contactTelefoon: a.contactTelefoon, wetten: a.wetten,
    });
    ids.set(a.sleutel, r.id);
  }
  for (const [i, a] of aanbieders.entries()) {
    const perioden = a.producten.map((cp) => tariefPerioden(productVanCode(cp.code), cp.factor, CONTRACT_VAN, SEED_JAARLIJKS));
    const contract = await maakContract(tx, actor, {
      aanbiederId: ids.get(a.sleutel)!, nummer: contractNummer(gemeenteCode, i, a.wetten[0]!), perceel: a.perceel ?? null, van: CONTRACT_VAN, tot: CONTRACT_TOT,
      onderaannemers: (a.onderaannemers ?? []).map((s) => ids.get(s)).filter((x): x is string => x !== undefined),
      producten: a.producten.map((cp, k) => {
        const p = productVanCode(cp.code);
        return { wet: p.wet, productcategorie: p.productcategorie, productcode: p.productcode, naam: p.naam, eenheid: p.eenheid, frequentie: p.frequentie,
          tariefCents: perioden[k]![0]!.tariefCents, bekostiging: p.bekostiging, resultaatgericht: p.resultaatgericht, capaciteit: cp.capaciteit ?? null,
          maandbedragCents: p.maandbedragCents ?? null };
      }),
    });
    // Each next tariff period through zetTarief: it ends the previous one the day before.
    for (const [k, cp] of a.producten.entries()) {
      const product = contract.producten.find((x) => x.productcode === cp.code)!;
      for (const t of perioden[k]!.slice(1)) await zetTarief(tx, actor, product.id, { van: t.van, tariefCents: t.tariefCents });
    }
  }
  const gecontracteerd = new Set(aanbieders.flatMap((a) => a.producten.map((p) => p.code)));
  const tabellen = resultaatTabellen(CONTRACT_VAN).filter((r) => gecontracteerd.has(r.productcode));
  for (const sleutel of [...new Set(tabellen.map((r) => `${r.wet}|${r.productcode}|${r.van}`))]) {
    const [wet, productcode, van] = sleutel.split('|') as [string, string, string];
    await zetResultaatTarieven(tx, actor, {
      wet, productcode, van,
      regels: tabellen.filter((r) => r.wet === wet && r.productcode === productcode && r.van === van)
        .map((r) => ({ profiel: r.profiel, intensiteit: r.intensiteit, duurMaanden: r.duurMaanden, bedragCents: r.bedragCents })),
    });
  }
  for (const p of DEMO_PRODUCTEN.filter((x) => x.pgb && gecontracteerd.has(x.productcode))) {
    for (const t of pgbPerioden(p, CONTRACT_VAN, SEED_JAARLIJKS)) {
      await zetPgbTarief(tx, actor, { wet: p.wet, productcode: p.productcode, eenheid: p.eenheid, frequentie: p.frequentie, tariefCents: t.tariefCents, van: t.van });
    }
  }
}
