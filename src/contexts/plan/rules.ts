/**
 * Plan: one plan per household, goals per life domain, the arrangement built bottom-up along the
 * verantwoordelijkheidsladder, and evaluations. Pure rules.
 */

export type Trede = 1 | 2 | 3 | 4;

export const DOEL_STATUSSEN = ['lopend', 'behaald', 'deels', 'nietBehaald', 'vervallen'] as const;
export type DoelStatus = (typeof DOEL_STATUSSEN)[number];
export const doelStatusNaam: Record<DoelStatus, string> = {
  lopend: 'Lopend', behaald: 'Behaald', deels: 'Deels behaald', nietBehaald: 'Niet behaald', vervallen: 'Vervallen',
};

export const INSTEMMING_WIJZEN = ['mondeling', 'schriftelijk', 'digitaal'] as const;
export type InstemmingWijze = (typeof INSTEMMING_WIJZEN)[number];

export const EVALUATIE_BESLUITEN = ['voortzetten', 'aanpassen', 'afsluiten'] as const;
export type EvaluatieBesluit = (typeof EVALUATIE_BESLUITEN)[number];

/**
 * Going up the ladder needs a reason: an item on a higher rung than any item already on the
 * goal (and the first item of a goal above rung 1) requires a recorded motivation why the lower
 * rungs do not suffice.
 */
export function motiveringVereist(bestaandeTreden: readonly number[], nieuweTrede: Trede): boolean {
  const hoogste = bestaandeTreden.length ? Math.max(...bestaandeTreden) : 1;
  return nieuweTrede > hoogste;
}

/** An amount of help: hours per week, or euros per year in integer cents (ADR 34). */
export type Omvang = { eenheid: 'uur'; waarde: number } | { eenheid: 'euro'; waardeCents: number };
export interface CatalogusRegel { trede: Trede; beschikkingNodig: boolean; limiet: Omvang | null }

/** The number that is compared: hours, or cents. */
const grootte = (o: Omvang): number => (o.eenheid === 'uur' ? o.waarde : o.waardeCents);

export type InzetUitkomst =
  | { status: 'ingezet' }
  | { status: 'aanvraagNodig'; reden: 'maatwerk' | 'beschikking-nodig' | 'boven-limiet' | 'omvang-ontbreekt' };

/**
 * May a professional deploy this at once? Items the catalogue allows without a beschikking, up to
 * their limit; rung 4, items needing a beschikking, or more than the limit become a request for
 * the decision process (aanvraagNodig).
 */
export function bepaalInzet(trede: Trede, catalogus: CatalogusRegel | null, omvang: Omvang | null): InzetUitkomst {
  if (trede === 4 || catalogus?.trede === 4) return { status: 'aanvraagNodig', reden: 'maatwerk' };
  if (!catalogus) return { status: 'ingezet' };
  if (catalogus.beschikkingNodig) return { status: 'aanvraagNodig', reden: 'beschikking-nodig' };
  if (catalogus.limiet) {
    if (!omvang) return { status: 'aanvraagNodig', reden: 'omvang-ontbreekt' };
    if (omvang.eenheid !== catalogus.limiet.eenheid || grootte(omvang) > grootte(catalogus.limiet)) return { status: 'aanvraagNodig', reden: 'boven-limiet' };
  }
  return { status: 'ingezet' };
}

export const inzetRedenTekst: Record<Exclude<InzetUitkomst, { status: 'ingezet' }>['reden'], string> = {
  maatwerk: 'Een maatwerkvoorziening vraagt om een aanvraag en een beschikking.',
  'beschikking-nodig': 'Dit product vraagt om een beschikking.',
  'boven-limiet': 'De omvang is groter dan wat zonder beschikking mag worden ingezet.',
  'omvang-ontbreekt': 'Noem de omvang: dit product mag tot een grens zonder beschikking worden ingezet.',
};

/** The rung of a catalogue item decides; a free description needs its rung named (1 eigen kracht, 2 netwerk). */
export function tredeKlopt(gekozen: Trede, catalogusTrede: Trede | null): boolean {
  return catalogusTrede === null || catalogusTrede === gekozen;
}

/** An evaluation that closes the plan needs every running goal to get a final status. */
export function controleerEvaluatie(besluit: EvaluatieBesluit, doelen: readonly { id: string; status: DoelStatus }[], nieuw: ReadonlyMap<string, DoelStatus>): string | null {
  for (const [id] of nieuw) if (!doelen.some((d) => d.id === id)) return `Doel ${id} hoort niet bij dit plan`;
  if (besluit === 'afsluiten') {
    const open = doelen.filter((d) => (nieuw.get(d.id) ?? d.status) === 'lopend');
    if (open.length) return 'Geef elk lopend doel een eindstatus voordat het plan wordt afgesloten';
  }
  return null;
}
