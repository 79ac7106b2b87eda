/**
 * The result-based tables as the inkoper reads them: the API gives one row per cell (profile,
 * intensity, duration, amount, valid from/to); here they become versions (one per product and start
 * date, newest first) with their rows and columns in the order people use (P1–P4, laag–hoog, 6–12 months).
 */
import type { ResultaatSoort, ResultaatTarief } from './api.ts';

export interface Soort {
  soort: ResultaatSoort;
  wet: string;
  titel: string;
  uitleg: string;
  standaardCode: string;
  profielKop: string;
  profielen: string[];
  intensiteiten: string[];
  duren: (number | null)[];
}

export const SOORTEN: Soort[] = [
  {
    soort: 'jeugdprofiel', wet: 'jeugdwet', titel: 'Jeugd: profiel × intensiteit', standaardCode: '45R01', profielKop: 'Profiel',
    uitleg: 'Het bedrag per resultaat voor een jeugdige, uit het profiel (kenmerken en zorgbehoefte) en de intensiteit.',
    profielen: ['P1', 'P2', 'P3', 'P4'], intensiteiten: ['laag', 'midden', 'hoog'], duren: [null],
  },
  {
    soort: 'wmoBegeleiding', wet: 'wmo', titel: 'Wmo begeleiding: complexiteit × intensiteit × duur', standaardCode: '02R01', profielKop: 'Complexiteit',
    uitleg: 'Eén integraal budget voor begeleiding, uit de complexiteit, de intensiteit en de duur.',
    profielen: ['laag', 'midden', 'hoog'], intensiteiten: ['1', '2', '3'], duren: [6, 12],
  },
];

export const kolomNaam = (intensiteit: string, duur: number | null): string =>
  `Intensiteit ${intensiteit}${duur !== null ? `, ${duur} maanden` : ''}`;
export const sleutel = (profiel: string, intensiteit: string, duur: number | null) => `${profiel}|${intensiteit}|${duur ?? ''}`;

export interface Versie { productcode: string; van: string; tot: string | null; regels: ResultaatTarief[] }

export function versies(rijen: ResultaatTarief[], s: Soort): Versie[] {
  const per = new Map<string, Versie>();
  for (const r of rijen.filter((x) => x.soort === s.soort)) {
    const k = `${r.productcode}|${r.van}`;
    const v = per.get(k) ?? { productcode: r.productcode, van: r.van, tot: r.tot, regels: [] };
    v.regels.push(r);
    per.set(k, v);
  }
  // The newest version first: that is the one in force or coming.
  return [...per.values()].sort((a, b) => a.productcode.localeCompare(b.productcode) || b.van.localeCompare(a.van));
}

/** The table's rows and columns: the codes the version has, else the usual ones. */
export function assen(s: Soort, regels: ResultaatTarief[]) {
  const uniek = <T,>(xs: T[]) => [...new Set(xs)];
  const profielen = regels.length ? uniek(regels.map((r) => r.profiel)).sort() : s.profielen;
  const kolommen = regels.length
    ? uniek(regels.map((r) => `${r.intensiteit}|${r.duurMaanden ?? ''}`)).map((k) => {
      const [intensiteit, duur] = k.split('|');
      return { intensiteit: intensiteit!, duur: duur ? Number(duur) : null };
    })
    : s.intensiteiten.flatMap((intensiteit) => s.duren.map((duur) => ({ intensiteit, duur })));
  const orde = (i: string) => (s.intensiteiten.indexOf(i) + 1 || 99);
  kolommen.sort((a, b) => orde(a.intensiteit) - orde(b.intensiteit) || a.intensiteit.localeCompare(b.intensiteit) || (a.duur ?? 0) - (b.duur ?? 0));
  const porde = (p: string) => (s.profielen.indexOf(p) + 1 || 99);
  profielen.sort((a, b) => porde(a) - porde(b) || a.localeCompare(b));
  return { profielen, kolommen };
}

