import { sql, type SqlBool } from 'kysely';
import type { Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { Problem } from '../../platform/http/problem.ts';
import { isMinderjarig, leeftijdOp, volledigeNaam } from './rules.ts';
import { getPersoon, relatiesVan } from './store.ts';

/** Someone who acts legally for a resident: a parent with gezag for a minor, or a curator, mentor or bewindvoerder. */
export interface Vertegenwoordiger {
  persoonId: string;
  naam: string;
  relatie: 'ouder' | 'curator' | 'mentor' | 'bewindvoerder' | 'overig';
  adres: { straat: string | null; huisnummer: string | null; postcode: string | null; plaats: string | null };
}

/**
 * The representatives a decision about this person is addressed to: the adults holding gezag over a
 * minor, or the curator/mentor/bewindvoerder of an adult. Empty for an adult who acts for themself
 * (and for a minor whose gezag is not recorded: the letter then goes to the minor's own address).
 * An external representative (a professional bewindvoerder) has no person record: `persoonId` is
 * then the id of the relation.
 */
export async function wettelijkVertegenwoordigers(tx: Tx, persoonId: string, peildatum: string = vandaag()): Promise<Vertegenwoordiger[]> {
  const p = await getPersoon(tx, persoonId);
  if (!p) return [];
  const minderjarig = isMinderjarig(p.geboortedatum, peildatum);
  const relaties = (await relatiesVan(tx, [persoonId])).filter((r) => r.anderId === persoonId && (minderjarig
    ? r.soort === 'ouder' && r.gezag
    : r.soort === 'curator' || r.soort === 'mentor' || r.soort === 'bewindvoerder'));
  const uit: Vertegenwoordiger[] = [];
  for (const r of relaties) {
    const relatie = r.soort === 'partner' ? 'overig' : r.soort;
    if (r.persoonId) {
      const v = await getPersoon(tx, r.persoonId);
      if (!v) continue;
      uit.push({ persoonId: v.id, naam: volledigeNaam(v), relatie, adres: { straat: v.straat, huisnummer: v.huisnummer, postcode: v.postcode, plaats: v.woonplaats } });
    } else if (r.extern) {
      uit.push({ persoonId: r.id, naam: r.extern.naam, relatie, adres: { straat: r.extern.straat, huisnummer: r.extern.huisnummer, postcode: r.extern.postcode, plaats: r.extern.plaats } });
    }
  }
  return uit;
}

export const AANVRAGER_RELATIES = ['zelf', 'ouder', 'curator', 'mentor', 'bewindvoerder', 'overig'] as const;
export type AanvragerRelatie = (typeof AANVRAGER_RELATIES)[number];
export interface Aanvrager { relatie: AanvragerRelatie; persoonId: string | null; naam: string | null }

export const AANVRAGER_RELATIE_NAAM: Record<AanvragerRelatie, string> = {
  zelf: 'de inwoner zelf', ouder: 'ouder met gezag', curator: 'curator', mentor: 'mentor', bewindvoerder: 'bewindvoerder', overig: 'een ander',
};

/**
 * Who applies on behalf of `namensId`. Without an answer: the person themself, or for a minor the
 * (first) parent with gezag. A given representative must be recorded as such (a parent with gezag,
 * the curator, mentor or bewindvoerder); someone else (overig) is named. Throws a 400 that says why.
 */
export async function bepaalAanvrager(tx: Tx, namensId: string, opgegeven: Partial<Aanvrager> | undefined, peildatum: string = vandaag()): Promise<Aanvrager> {
  const namens = await getPersoon(tx, namensId);
  if (!namens) throw new Problem('ongeldige-invoer', 'Kies voor wie de aanvraag is: een lid van het huishouden.', [{ name: 'namensPersoonId', code: 'onbekend', reason: 'Kies een lid van het huishouden' }]);
  const vv = await wettelijkVertegenwoordigers(tx, namensId, peildatum);
  const fout = (reden: string, veld = 'aanvrager.persoonId') => new Problem('ongeldige-invoer', reden, [{ name: veld, code: 'geen-vertegenwoordiger', reason: reden }]);
  if (!opgegeven?.relatie) {
    const eerste = isMinderjarig(namens.geboortedatum, peildatum) ? vv.find((v) => v.relatie === 'ouder') : undefined;
    return eerste ? { relatie: 'ouder', persoonId: eerste.persoonId, naam: eerste.naam } : { relatie: 'zelf', persoonId: namensId, naam: volledigeNaam(namens) };
  }
  const relatie = opgegeven.relatie;
  if (relatie === 'zelf') {
    if (leeftijdOp(namens.geboortedatum, peildatum) < 12) throw fout('Een kind onder de 12 jaar vraagt niet zelf aan: dat doen de ouders met gezag.', 'aanvrager.relatie');
    return { relatie, persoonId: namensId, naam: volledigeNaam(namens) };
  }
  if (relatie === 'overig') {
    if (!opgegeven.naam?.trim()) throw fout('Noem wie de aanvraag doet.', 'aanvrager.naam');
    const bekend = opgegeven.persoonId ? await getPersoon(tx, opgegeven.persoonId) : undefined;
    return { relatie, persoonId: bekend?.id ?? null, naam: opgegeven.naam.trim() };
  }
  const passend = vv.filter((v) => v.relatie === relatie);
  const gekozen = opgegeven.persoonId ? passend.find((v) => v.persoonId === opgegeven.persoonId) : passend[0];
  if (!gekozen) {
    throw fout(relatie === 'ouder'
      ? `Bij ${volledigeNaam(namens)} staat geen ouder met gezag${opgegeven.persoonId ? ' die zo heet' : ''}. Leg het gezag eerst vast bij het huishouden.`
      : `Bij ${volledigeNaam(namens)} staat geen ${relatie}${opgegeven.persoonId ? ' die zo heet' : ''}. Leg die eerst vast bij het huishouden.`);
  }
  // A professional representative has no person record (its id is the relation's): the name says who.
  return { relatie, persoonId: (await getPersoon(tx, gekozen.persoonId)) ? gekozen.persoonId : null, naam: gekozen.naam };
}

type AanvraagPartijenInvoer = { persoonId: string; aanvragerRelatie?: string | null | undefined; aanvragerPersoonId?: string | null | undefined; aanvragerNaam?: string | null | undefined };
export interface PartijenVanAanvraag { namens: { id: string; naam: string; minderjarig: boolean }; aanvrager: Aanvrager & { relatieNaam: string }; vertegenwoordigers: Vertegenwoordiger[] }

/** For the aanvraag read: on whose behalf, who applied, and to whom the decision goes. */
export async function aanvraagPartijenVan(tx: Tx, a: AanvraagPartijenInvoer, peildatum: string = vandaag()): Promise<PartijenVanAanvraag> {
  return (await aanvraagPartijenVanAlle(tx, [a], peildatum))[0]!;
}

/**
 * `aanvraagPartijenVan` for a page of aanvragen in one query, in the order given: the persons, their
 * representation relations and the representatives' records together (per row it was three or more
 * statements: the person twice, the relations, each representative). The same rules as
 * wettelijkVertegenwoordigers: relations in the order they were recorded, a representative whose
 * record is not readable left out.
 */
export async function aanvraagPartijenVanAlle(tx: Tx, aanvragen: readonly AanvraagPartijenInvoer[], peildatum: string = vandaag()): Promise<PartijenVanAanvraag[]> {
  if (aanvragen.length === 0) return [];
  const namensIds = [...new Set(aanvragen.map((a) => a.persoonId))];
  const alle = [...new Set([...namensIds, ...aanvragen.flatMap((a) => (a.aanvragerPersoonId ? [a.aanvragerPersoonId] : []))])];
  // One uuid[] parameter each: one prepared statement whatever the page size.
  const rijen = await tx.selectFrom('personen as p')
    .leftJoin('relaties as r', (j) => j.onRef('r.ander_id', '=', 'p.id')
      .on(sql<SqlBool>`p.id = any(${namensIds}::uuid[])`)
      .on('r.soort', 'in', ['ouder', 'curator', 'mentor', 'bewindvoerder']))
    .leftJoin('personen as v', 'v.id', 'r.persoon_id')
    .select([
      'p.id', 'p.voornaam', 'p.tussenvoegsel', 'p.achternaam', 'p.geboortedatum',
      'r.id as r_id', 'r.soort', 'r.gezag', 'r.persoon_id as r_persoon_id', 'r.extern_naam', 'r.extern_straat', 'r.extern_huisnummer', 'r.extern_postcode', 'r.extern_plaats',
      'v.id as v_id', 'v.voornaam as v_voornaam', 'v.tussenvoegsel as v_tussenvoegsel', 'v.achternaam as v_achternaam',
      'v.straat as v_straat', 'v.huisnummer as v_huisnummer', 'v.postcode as v_postcode', 'v.woonplaats as v_woonplaats',
    ])
    .where('p.id', '=', sql<string>`any(${alle}::uuid[])`)
    .orderBy('r.aangemaakt_op').orderBy('r.id')
    .execute();
  const personen = new Map<string, { id: string; voornaam: string; tussenvoegsel: string | null; achternaam: string; geboortedatum: string; relaties: typeof rijen }>();
  for (const r of rijen) {
    const p = personen.get(r.id) ?? { id: r.id, voornaam: r.voornaam, tussenvoegsel: r.tussenvoegsel, achternaam: r.achternaam, geboortedatum: r.geboortedatum, relaties: [] };
    personen.set(r.id, p);
    if (r.r_id) p.relaties.push(r);
  }
  const vertegenwoordigersVan = (p: NonNullable<ReturnType<typeof personen.get>>): Vertegenwoordiger[] => {
    const minderjarig = isMinderjarig(p.geboortedatum, peildatum);
    const uit: Vertegenwoordiger[] = [];
    for (const r of p.relaties) {
      const soort = r.soort as Vertegenwoordiger['relatie'];
      if (minderjarig ? !(soort === 'ouder' && r.gezag) : soort === 'ouder') continue;
      if (r.r_persoon_id) {
        if (!r.v_id) continue;
        uit.push({
          persoonId: r.v_id, naam: volledigeNaam({ voornaam: r.v_voornaam!, tussenvoegsel: r.v_tussenvoegsel, achternaam: r.v_achternaam! }), relatie: soort,
          adres: { straat: r.v_straat, huisnummer: r.v_huisnummer, postcode: r.v_postcode, plaats: r.v_woonplaats },
        });
      } else if (r.extern_naam) {
        uit.push({ persoonId: r.r_id!, naam: r.extern_naam, relatie: soort, adres: { straat: r.extern_straat, huisnummer: r.extern_huisnummer, postcode: r.extern_postcode, plaats: r.extern_plaats } });
      }
    }
    return uit;
  };
  return aanvragen.map((a) => {
    const p = personen.get(a.persoonId);
    if (!p) throw new Error(`De persoon van een aanvraag (${a.persoonId}) is niet te lezen`);
    const relatie = (AANVRAGER_RELATIES as readonly string[]).includes(a.aanvragerRelatie ?? '') ? a.aanvragerRelatie as AanvragerRelatie : 'zelf';
    const ander = a.aanvragerPersoonId && a.aanvragerPersoonId !== p.id ? personen.get(a.aanvragerPersoonId) : undefined;
    const naam = relatie === 'zelf' ? volledigeNaam(p) : a.aanvragerNaam ?? (ander ? volledigeNaam(ander) : null);
    return {
      namens: { id: p.id, naam: volledigeNaam(p), minderjarig: isMinderjarig(p.geboortedatum, peildatum) },
      aanvrager: { relatie, relatieNaam: AANVRAGER_RELATIE_NAAM[relatie], persoonId: relatie === 'zelf' ? p.id : a.aanvragerPersoonId ?? null, naam },
      vertegenwoordigers: vertegenwoordigersVan(p),
    };
  });
}
