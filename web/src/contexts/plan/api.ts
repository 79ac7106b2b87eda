/**
 * Plan in the web app: one plan per household (through its casus), goals per leefgebied, the
 * arrangement along the verantwoordelijkheidsladder, consent, evaluations and versions.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiProblem, api } from '../../platform/api.ts';
import type { Limiet, Trede } from '../catalogus/api.ts';

export const DOEL_STATUSSEN = [
  { code: 'lopend', naam: 'Lopend' },
  { code: 'behaald', naam: 'Behaald' },
  { code: 'deels', naam: 'Deels behaald' },
  { code: 'nietBehaald', naam: 'Niet behaald' },
  { code: 'vervallen', naam: 'Vervallen' },
] as const;
export type DoelStatus = (typeof DOEL_STATUSSEN)[number]['code'];
export const doelStatusNaam = (code: string): string => DOEL_STATUSSEN.find((s) => s.code === code)?.naam ?? code;

export const INSTEMMING_WIJZEN = [
  { code: 'mondeling', naam: 'Mondeling' },
  { code: 'schriftelijk', naam: 'Schriftelijk (met handtekening)' },
  { code: 'digitaal', naam: 'Digitaal' },
] as const;
export const instemmingWijzeNaam = (code: string): string => INSTEMMING_WIJZEN.find((w) => w.code === code)?.naam ?? code;

export const BESLUITEN = [
  { code: 'voortzetten', naam: 'Voortzetten: het plan loopt door zoals het is' },
  { code: 'aanpassen', naam: 'Aanpassen: doelen of arrangement veranderen' },
  { code: 'afsluiten', naam: 'Afsluiten: het plan is klaar' },
] as const;
export const besluitNaam = (code: string): string => ({ voortzetten: 'Voortzetten', aanpassen: 'Aanpassen', afsluiten: 'Afsluiten' } as Record<string, string>)[code] ?? code;

export const planStatusNaam: Record<Plan['status'], string> = { concept: 'Concept', actief: 'Actief', gesloten: 'Gesloten' };

export interface ArrangementItem {
  id: string;
  doelId: string;
  trede: Trede;
  tredeNaam: string;
  catalogusItem: { id: string; naam: string; aanbieder: string } | null;
  omschrijving: string | null;
  motivering: string | null;
  verantwoordelijke: string;
  /** Hours per week, or euros per year in cents (ADR 34). */
  omvang: Limiet | null;
  startdatum: string;
  einddatum: string | null;
  status: 'ingezet' | 'aanvraagNodig' | 'beeindigd';
  statusNaam: string;
}

export interface Doel {
  id: string;
  leefgebied: string;
  leefgebiedNaam: string;
  omschrijving: string;
  meetbaarResultaat: string;
  streefdatum: string;
  status: DoelStatus;
  statusNaam: string;
  arrangement: ArrangementItem[];
}

export interface Evaluatie {
  id: string;
  geplandOp: string;
  gehoudenOp: string | null;
  gesprekId: string | null;
  besluit: 'voortzetten' | 'aanpassen' | 'afsluiten' | null;
  toelichting: string | null;
  doelstatussen: { doelId: string; status: DoelStatus }[] | null;
}

export interface Plan {
  id: string;
  casusId: string;
  versie: number;
  status: 'concept' | 'actief' | 'gesloten';
  instemming: { datum: string; wijze: string } | null;
  doelen: Doel[];
  arrangementPerTrede: { trede: Trede; naam: string; items: ArrangementItem[] }[];
  versies: { versie: number; moment: string; reden: string; door: string | null }[];
  evaluaties: Evaluatie[];
}

/** The plan of the casus, or null while there is none (the API answers 404 then). */
export function usePlan(casusId: string, opties: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['plan', casusId],
    queryFn: async ({ signal }) => {
      try {
        return await api<Plan>(`/casussen/${encodeURIComponent(casusId)}/plan`, { signal });
      } catch (e) {
        // Only "no plan yet" means null; a casus that does not exist (niet-gevonden) is an error the page shows.
        if (e instanceof ApiProblem && e.code === 'plan-bestaat-niet') return null;
        throw e;
      }
    },
    enabled: opties.enabled ?? true,
  });
}

export interface NieuwDoel {
  leefgebied: string;
  omschrijving: string;
  meetbaarResultaat: string;
  streefdatum: string;
}

export interface NieuwArrangementItem {
  doelId: string;
  trede: number | null;
  catalogusItemId?: string;
  omschrijving?: string;
  motivering?: string;
  verantwoordelijke?: string;
  omvang?: Limiet;
  startdatum?: string;
  einddatum?: string;
}

export interface EvaluatieUitvoering {
  gehoudenOp: string;
  gesprekId?: string;
  besluit: string;
  toelichting?: string;
  doelen: { doelId: string; status: string }[];
}

export type PlanActie =
  | { soort: 'maken' }
  | { soort: 'doel'; body: NieuwDoel }
  | { soort: 'arrangement'; body: NieuwArrangementItem }
  | { soort: 'instemming'; body: { datum: string; wijze: string } }
  | { soort: 'evaluatiePlannen'; body: { geplandOp: string } }
  | { soort: 'evaluatieHouden'; evaluatieId: string; body: EvaluatieUitvoering };

export type PlanAntwoord =
  | { soort: 'plan'; plan: Plan }
  | { soort: 'doel'; doel: Doel }
  | { soort: 'arrangement'; item: ArrangementItem & { redenAanvraag: string | null } };

async function voerUit(casusId: string, a: PlanActie): Promise<PlanAntwoord> {
  const basis = `/casussen/${encodeURIComponent(casusId)}/plan`;
  switch (a.soort) {
    case 'maken': return { soort: 'plan', plan: await api<Plan>(basis, { method: 'POST' }) };
    case 'doel': return { soort: 'doel', doel: await api<Doel>(`${basis}/doelen`, { method: 'POST', body: a.body }) };
    case 'arrangement': return {
      soort: 'arrangement', item: await api<ArrangementItem & { redenAanvraag: string | null }>(`${basis}/arrangement`, { method: 'POST', body: a.body }),
    };
    case 'instemming': return { soort: 'plan', plan: await api<Plan>(`${basis}/instemming`, { method: 'POST', body: a.body }) };
    case 'evaluatiePlannen': return { soort: 'plan', plan: await api<Plan>(`${basis}/evaluaties`, { method: 'POST', body: a.body }) };
    case 'evaluatieHouden': return {
      soort: 'plan',
      plan: await api<Plan>(`${basis}/evaluaties/${encodeURIComponent(a.evaluatieId)}/uitvoering`, { method: 'POST', body: a.body }),
    };
  }
}

export function usePlanActie(casusId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: PlanActie) => voerUit(casusId, a),
    onSuccess: (r) => {
      if (r.soort === 'plan') queryClient.setQueryData(['plan', casusId], r.plan);
      void queryClient.invalidateQueries({ queryKey: ['plan', casusId] });
    },
  });
}
