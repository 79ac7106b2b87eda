import { sql } from 'kysely';
import { auditPerPersoon, type AuditRecord } from '../../platform/audit/store.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import type { Betrokkene, Casus, MeldingRij, TermijnRij } from './store.ts';

/**
 * The casus page's own rows in one round trip (ADR 28): the casus, the household's members (only
 * the columns the page shows: no BSN, address or contact details), the regisseur's history, the
 * betrokkenen, the meldingen and their terms with suspensions. It was seven queries, each planned
 * anew. Same rows and order as getCasus, huishoudenLeden, regisseurHistorie, betrokkenenVanCasus,
 * meldingenVanCasus and termijnenVanMeldingen (casus-lezen.api.test.ts compares them).
 */
export interface CasusBundel {
  casus: Casus;
  leden: { id: string; voornaam: string; tussenvoegsel: string | null; achternaam: string; geboortedatum: string }[];
  historie: { moment: Date; van: string | null; naar: string | null; door: string | null; reden: string }[];
  betrokkenen: Betrokkene[];
  /** The casus's meldingen as meldingenVanCasus reads them (by date received) and their terms as termijnenVanMeldingen. */
  meldingen: MeldingRij[];
  termijnen: TermijnRij[];
}

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };

/** The read's audit: one entry per member of the household, written by the same query (ADR 28). */
export interface CasusAudit { actor: Actor; actie: AuditRecord['actie']; doel: string }

/**
 * With `audit`, the query also writes the audit entries appendAudit would write for the members
 * (a data-modifying CTE: one round trip fewer); nothing is written when the casus does not exist.
 */
export async function casusBundel(tx: Tx, casusId: string, audit?: CasusAudit): Promise<CasusBundel | undefined> {
  // resourceId as the casus's own id reads (lower case); the members in the order of the page.
  const metAudit = audit
    ? sql`with audit as (${auditPerPersoon(audit.actor, { actie: audit.actie, resourceType: 'casus', resourceId: casusId.toLowerCase(), doel: audit.doel },
      sql`select p.id as persoon_id from casussen ac join personen p on p.huishouden_id = ac.huishouden_id where ac.id = ${casusId}::uuid
        order by p.geboortedatum, p.id`)}) `
    : sql``;
  const r = await sql<{
    casus: Json<{ id: string; nummer: string; huishoudenId: string; status: string; regisseurId: string | null; regisseurNaam: string | null; geopendOp: string }>;
    leden: CasusBundel['leden'] | null;
    historie: Json<CasusBundel['historie'][number]>[] | null;
    betrokkenen: Json<Betrokkene>[] | null;
    meldingen: Json<MeldingRij>[] | null;
    termijnen: TermijnRij[] | null;
  }>`${metAudit}
    select
      json_build_object('id', c.id, 'nummer', c.nummer, 'huishoudenId', c.huishouden_id, 'status', c.status, 'regisseurId', c.regisseur_id,
        'regisseurNaam', g.naam, 'geopendOp', c.geopend_op) as casus,
      (select json_agg(json_build_object('id', p.id, 'voornaam', p.voornaam, 'tussenvoegsel', p.tussenvoegsel, 'achternaam', p.achternaam,
          'geboortedatum', p.geboortedatum) order by p.geboortedatum)
         from personen p where p.huishouden_id = c.huishouden_id) as leden,
      (select json_agg(json_build_object('moment', h.moment, 'van', van.naam, 'naar', naar.naam, 'door', door.naam, 'reden', h.reden) order by h.id)
         from casus_regisseurhistorie h
         left join gebruikers van on van.id = h.van_regisseur left join gebruikers naar on naar.id = h.naar_regisseur left join gebruikers door on door.id = h.door
        where h.casus_id = c.id) as historie,
      (select json_agg(json_build_object('gebruikerId', b.gebruiker_id, 'naam', bg.naam, 'rol', b.rol, 'toegevoegdOp', b.toegevoegd_op, 'toegevoegdDoor', d.naam)
          order by bg.naam)
         from casus_betrokkenen b join gebruikers bg on bg.id = b.gebruiker_id left join gebruikers d on d.id = b.toegevoegd_door
        where b.casus_id = c.id) as betrokkenen,
      (select json_agg(json_build_object('id', m.id, 'nummer', m.nummer, 'status', m.status, 'wet', m.wet, 'kanaal', m.kanaal,
          'ontvangenOp', m.ontvangen_op, 'omschrijving', m.omschrijving, 'persoonId', m.persoon_id, 'huishoudenId', m.huishouden_id,
          'bsn', mp.bsn, 'voornaam', mp.voornaam, 'tussenvoegsel', mp.tussenvoegsel, 'achternaam', mp.achternaam, 'geboortedatum', mp.geboortedatum,
          'wijk', w.naam, 'kern', k.naam, 'kernId', k.id,
          'geregistreerdDoor', case when mg.id is not null and mg.naam is not null then json_build_object('id', mg.id, 'naam', mg.naam) end,
          'aangemaaktOp', m.aangemaakt_op, 'casus', json_build_object('id', c.id, 'nummer', c.nummer),
          'regisseur', case when g.id is not null and g.naam is not null then json_build_object('id', g.id, 'naam', g.naam) end,
          'triageUitkomst', m.triage_uitkomst, 'advies', m.advies, 'gegevenProduct', m.gegeven_product, 'verwijzer', m.verwijzer,
          'signaal', m.signaal, 'spoed', m.spoed, 'contactTelefoon', m.contact_telefoon, 'contactEmail', m.contact_email,
          'afgerondOp', m.afgerond_op) order by m.ontvangen_op)
         from meldingen m join personen mp on mp.id = m.persoon_id left join wijken w on w.id = mp.wijk_id left join kernen k on k.id = w.kern_id
         left join gebruikers mg on mg.id = m.geregistreerd_door
        where m.casus_id = c.id) as meldingen,
      (select json_agg(json_build_object('id', t.id, 'meldingId', t.melding_id, 'aanvraagId', t.aanvraag_id, 'bezwaarId', t.bezwaar_id,
          'soort', t.soort, 'wet', t.wet, 'startdatum', t.startdatum, 'duur', json_build_object('eenheid', t.duur_eenheid, 'aantal', t.duur_aantal),
          'grondslag', t.grondslag,
          'verdaging', case when t.verdaging_datum is not null then json_build_object('nieuweDatum', t.verdaging_datum, 'reden', coalesce(t.verdaging_reden, '')) end,
          'afgerondOp', t.afgerond_op, 'uitersteDatum', t.uiterste_datum, 'opgeschortDagen', t.opgeschort_dagen, 'status', t.status,
          'berekendOp', t.berekend_op,
          'opschortingen', coalesce((select json_agg(json_build_object('id', o.id, 'van', o.van, 'tot', o.tot, 'reden', o.reden) order by o.van)
            from opschortingen o where o.termijn_id = t.id), '[]'::json)) order by t.aangemaakt_op)
         from termijnen t where t.melding_id in (select tm.id from meldingen tm where tm.casus_id = c.id)) as termijnen
    from casussen c left join gebruikers g on g.id = c.regisseur_id
    where c.id = ${casusId}::uuid`.execute(tx);
  const row = r.rows[0];
  if (!row) return undefined;
  const c = row.casus;
  return {
    casus: {
      id: c.id, nummer: c.nummer, huishoudenId: c.huishoudenId, status: c.status as Casus['status'],
      regisseur: c.regisseurId && c.regisseurNaam ? { id: c.regisseurId, naam: c.regisseurNaam } : null, geopendOp: new Date(c.geopendOp),
    },
    leden: row.leden ?? [],
    historie: (row.historie ?? []).map((h) => ({ ...h, moment: new Date(h.moment) })),
    betrokkenen: (row.betrokkenen ?? []).map((b) => ({ ...b, toegevoegdOp: new Date(b.toegevoegdOp) })),
    meldingen: (row.meldingen ?? []).map((m) => ({ ...m, aangemaaktOp: new Date(m.aangemaaktOp) })),
    termijnen: row.termijnen ?? [],
  };
}
