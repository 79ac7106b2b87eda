/** Inwoners in the web app: the household, its members and their contact details. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';

export type LidRelatie = 'partner' | 'ouder' | 'kind' | 'overig';
export type RelatieSoort = LidRelatie | 'curator' | 'mentor' | 'bewindvoerder';

export interface Adres { straat: string | null; huisnummer: string | null; postcode: string | null; woonplaats: string | null; wijk: string | null; kern: string | null }
export interface Vertegenwoordiger { persoonId: string; naam: string; relatie: string; adres: { straat: string | null; huisnummer: string | null; postcode: string | null; plaats: string | null } }

export interface Persoon {
  id: string; bsn: string; naam: string; voornaam: string; tussenvoegsel: string | null; achternaam: string; geboortedatum: string;
  adres: Adres; huishoudenId: string; contact: { telefoon: string | null; email: string | null }; geenVastAdres: boolean; bron: 'invoer' | 'brp';
}
export interface Lid extends Persoon {
  leeftijd: number; minderjarig: boolean; relatieTotHoofdpersoon: RelatieSoort | 'hoofdpersoon' | null;
  relaties: { relatieId: string; soort: RelatieSoort; persoonId: string | null; naam: string; gezag: boolean }[];
  vertegenwoordigers: Vertegenwoordiger[];
}
export interface Huishouden { id: string; hoofdpersoonId: string | null; leden: Lid[] }
export type PersoonMetHuishouden = Persoon & { vertegenwoordigers: Vertegenwoordiger[] };

export const RELATIE_NAAM: Record<RelatieSoort | 'hoofdpersoon', string> = {
  hoofdpersoon: 'Hoofdpersoon', partner: 'Partner', ouder: 'Ouder', kind: 'Kind', overig: 'Overig', curator: 'Curator', mentor: 'Mentor', bewindvoerder: 'Bewindvoerder',
};

export function useHuishouden(id: string | undefined) {
  return useQuery({ queryKey: ['huishouden', id], queryFn: ({ signal }) => api<Huishouden>(`/huishoudens/${id}`, { signal }), enabled: !!id });
}

export function usePersoon(id: string | undefined) {
  return useQuery({ queryKey: ['persoon', id], queryFn: ({ signal }) => api<PersoonMetHuishouden>(`/personen/${id}`, { signal }), enabled: !!id });
}

export interface NieuwLid {
  bsn: string; voornaam?: string; tussenvoegsel?: string; achternaam?: string; geboortedatum?: string; relatie: LidRelatie; gezag: boolean; tenOpzichteVan?: string;
}

export function useVoegLidToe(huishoudenId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (lid: NieuwLid) => api<Huishouden>(`/huishoudens/${huishoudenId}/leden`, { method: 'POST', body: lid }),
    onSuccess: (h) => { qc.setQueryData(['huishouden', huishoudenId], h); void qc.invalidateQueries({ queryKey: ['casus'] }); },
  });
}

export interface ContactWijziging {
  adres?: { straat: string; huisnummer: string; postcode: string; woonplaats?: string } | null;
  geenVastAdres?: boolean; telefoon?: string | null; email?: string | null;
}

export function useWijzigContact(persoonId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (w: ContactWijziging) => api<Persoon>(`/personen/${persoonId}`, { method: 'PATCH', body: w }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['huishouden'] });
      void qc.invalidateQueries({ queryKey: ['persoon', persoonId] });
      void qc.invalidateQueries({ queryKey: ['casus'] });
    },
  });
}

export const adresRegel = (a: { straat: string | null; huisnummer: string | null; postcode: string | null; woonplaats?: string | null; plaats?: string | null }): string | null =>
  a.straat ? [[a.straat, a.huisnummer].filter(Boolean).join(' '), [a.postcode, a.woonplaats ?? a.plaats].filter(Boolean).join(' ')].filter(Boolean).join(', ') : null;

export type VertegenwoordigerSoort = 'curator' | 'mentor' | 'bewindvoerder';
export interface NieuweVertegenwoordiger {
  soort: VertegenwoordigerSoort;
  persoonId?: string;
  naam?: string;
  adres?: { straat: string; huisnummer: string; postcode: string; plaats: string };
}

/** Records a curator, mentor or bewindvoerder for an adult member. */
export function useLegVertegenwoordigerVast(persoonId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: NieuweVertegenwoordiger) => api<Vertegenwoordiger[]>(`/personen/${persoonId}/vertegenwoordigers`, { method: 'POST', body: v }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['huishouden'] });
      void qc.invalidateQueries({ queryKey: ['persoon', persoonId] });
      void qc.invalidateQueries({ queryKey: ['casus'] });
    },
  });
}

/** Sets or ends a parent's gezag over a minor (one parent-child relation). */
export function useWijzigGezag(persoonId: string, huishoudenId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ relatieId, gezag }: { relatieId: string; gezag: boolean }) =>
      api<Huishouden>(`/personen/${persoonId}/relaties/${relatieId}`, { method: 'PATCH', body: { gezag } }),
    onSuccess: (h) => {
      qc.setQueryData(['huishouden', huishoudenId], h);
      void qc.invalidateQueries({ queryKey: ['persoon'] });
      void qc.invalidateQueries({ queryKey: ['casus'] });
    },
  });
}

/** What the API does when no aanvrager is given: a minor's (first) parent with gezag, else the member themself. */
export function standaardAanvrager(lid: Lid): { relatie: 'zelf' | 'ouder'; persoonId: string } {
  const ouder = lid.minderjarig ? lid.vertegenwoordigers.find((v) => v.relatie === 'ouder') : undefined;
  return ouder ? { relatie: 'ouder', persoonId: ouder.persoonId } : { relatie: 'zelf', persoonId: lid.id };
}
