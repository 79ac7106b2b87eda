/**
 * The fields of an account that depend on its kind: gemeente staff get roles (checkboxes with their
 * Dutch names) and a team; provider staff get their provider. Shared by "Nieuwe gebruiker" and the
 * change form on a user's page.
 */
import { Fieldset, FieldsetLegend, SelectOption } from '@utrecht/component-library-react';
import { AankruisVeld, KeuzeVeld, type VeldFouten } from '../../platform/form.tsx';
import type { Rol } from '../../platform/session.tsx';
import type { GebruikerKeuzes, Soort } from './gebruikers.ts';

export interface Samenstelling { rollen: Rol[]; teamId: string; aanbiederId: string }

export function GebruikerVelden({ soort, keuzes, waarde, onChange, fouten }: {
  soort: Soort;
  keuzes: GebruikerKeuzes;
  waarde: Samenstelling;
  onChange: (w: Samenstelling) => void;
  fouten: VeldFouten;
}) {
  if (soort === 'aanbieder') {
    // An inactive provider is offered only when the account already belongs to it.
    const aanbieders = keuzes.aanbieders.filter((a) => a.actief || a.id === waarde.aanbiederId);
    return (
      <KeuzeVeld naam="aanbiederId" label="Zorgaanbieder" verplicht beschrijving="De organisatie waarvoor deze medewerker werkt. Hij of zij ziet alleen de cliënten van deze zorgaanbieder."
        value={waarde.aanbiederId} onChange={(e) => onChange({ ...waarde, aanbiederId: e.target.value })} fout={fouten.aanbiederId}>
        <SelectOption value="">Kies een zorgaanbieder</SelectOption>
        {aanbieders.map((a) => <SelectOption key={a.id} value={a.id}>{a.naam} (AGB {a.agbCode})</SelectOption>)}
      </KeuzeVeld>
    );
  }
  const rollen = keuzes.rollen.filter((r) => r.soort === 'medewerker');
  const rolFout = fouten.rollen ?? Object.entries(fouten).find(([k]) => k.startsWith('rollen.'))?.[1];
  return (
    <>
      <Fieldset invalid={!!rolFout} aria-describedby={rolFout ? 'veld-rollen-fout' : undefined}>
        <FieldsetLegend>Rollen (verplicht)</FieldsetLegend>
        {rolFout ? <p className="eenvoud-groepsfout" id="veld-rollen-fout">{rolFout}</p> : null}
        {rollen.map((r, i) => (
          <AankruisVeld key={r.code} naam={i === 0 ? 'rollen' : `rollen-${r.code}`} label={r.naam} aan={waarde.rollen.includes(r.code)}
            onChange={(aan) => onChange({ ...waarde, rollen: aan ? [...waarde.rollen, r.code] : waarde.rollen.filter((c) => c !== r.code) })} />
        ))}
      </Fieldset>
      <KeuzeVeld naam="teamId" label="Team" beschrijving="Casusregisseurs en teamleiders horen bij een team: zij zien de dossiers van hun team."
        value={waarde.teamId} onChange={(e) => onChange({ ...waarde, teamId: e.target.value })} fout={fouten.teamId}>
        <SelectOption value="">Geen team</SelectOption>
        {keuzes.teams.map((t) => <SelectOption key={t.id} value={t.id}>{t.naam}</SelectOption>)}
      </KeuzeVeld>
    </>
  );
}

/** The request body of the fields above: only what belongs to the kind. */
export function samenstellingVoorVerzoek(soort: Soort, w: Samenstelling): { rollen: Rol[]; teamId: string | null; aanbiederId: string | null } {
  return soort === 'aanbieder'
    ? { rollen: ['aanbieder'], teamId: null, aanbiederId: w.aanbiederId || null }
    : { rollen: w.rollen, teamId: w.teamId || null, aanbiederId: null };
}
