/**
 * In demo and test mode only: a local stand-in for the BRP (Haal Centraal BRP bevragen v2) that
 * serves the residents in this database in the BRP's own response shape, so Eenvoud's one BRP
 * client is exercised end to end without a real BRP. The BRP is national: it answers across
 * gemeenten (it reads as the database owner, outside row-level security), which is exactly why it
 * is never mounted in production.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { vandaag } from '../../platform/time.ts';
import { isMinderjarig, leeftijdOp, volledigeNaam } from './rules.ts';

export const BRP_STANDIN_PAD = '/brp-standin';

const vraag = z.object({
  type: z.literal('RaadpleegMetBurgerservicenummer'),
  burgerservicenummer: z.array(z.string().regex(/^\d{9}$/)).min(1).max(20),
  fields: z.array(z.string()).min(1),
});

type Rij = { id: string; gemeente_id: string; bsn: string; voornaam: string; tussenvoegsel: string | null; achternaam: string; geboortedatum: string;
  straat: string | null; huisnummer: string | null; postcode: string | null; woonplaats: string | null };

const datum = (d: string) => ({ type: 'Datum', datum: d, langFormaat: d });
const naam = (p: Rij) => ({ voornamen: p.voornaam, ...(p.tussenvoegsel ? { voorvoegsel: p.tussenvoegsel } : {}), geslachtsnaam: p.achternaam });
const gerelateerde = (p: Rij) => ({ burgerservicenummer: p.bsn, naam: naam(p), geboorte: { datum: datum(p.geboortedatum) } });
const gezagOuder = (p: Rij) => ({ burgerservicenummer: p.bsn, naam: { volledigeNaam: volledigeNaam(p) } });

async function persoonV2(db: Kysely<DB>, p: Rij, peildatum: string): Promise<Record<string, unknown>> {
  const relaties = await db.selectFrom('relaties').select(['persoon_id', 'ander_id', 'soort', 'gezag'])
    .where('gemeente_id', '=', p.gemeente_id)
    .where((eb) => eb.or([eb('ander_id', '=', p.id), eb('persoon_id', '=', p.id)]))
    .execute();
  const ids = [...new Set(relaties.flatMap((r) => [r.persoon_id, r.ander_id]).filter((id): id is string => !!id && id !== p.id))];
  const anderen = ids.length ? await db.selectFrom('personen').selectAll().where('id', 'in', ids).execute() : [];
  const per = new Map(anderen.map((a) => [a.id, a as Rij]));
  const partners = relaties.filter((r) => r.soort === 'partner').map((r) => per.get(r.persoon_id === p.id ? r.ander_id : r.persoon_id!)).filter((x): x is Rij => !!x);
  const ouders = relaties.filter((r) => r.soort === 'ouder' && r.ander_id === p.id && r.persoon_id).map((r) => ({ rij: per.get(r.persoon_id!), gezag: r.gezag }));
  const kinderen = relaties.filter((r) => r.soort === 'ouder' && r.persoon_id === p.id).map((r) => ({ rij: per.get(r.ander_id), gezag: r.gezag }));
  const gezagsrelatie = async (kind: Rij) => {
    const houders = await db.selectFrom('relaties as r').innerJoin('personen as o', 'o.id', 'r.persoon_id').selectAll('o')
      .where('r.ander_id', '=', kind.id).where('r.soort', '=', 'ouder').where('r.gezag', '=', true).execute();
    const minderjarige = { burgerservicenummer: kind.bsn, naam: { volledigeNaam: volledigeNaam(kind) }, leeftijd: leeftijdOp(kind.geboortedatum, peildatum) };
    if (houders.length >= 2) return { type: 'GezamenlijkOuderlijkGezag', minderjarige, ouders: houders.slice(0, 2).map((o) => gezagOuder(o as Rij)) };
    if (houders.length === 1) return { type: 'EenhoofdigOuderlijkGezag', minderjarige, ouder: gezagOuder(houders[0] as Rij) };
    return { type: 'GezagNietTeBepalen', minderjarige, toelichting: 'Gezag is niet te bepalen omdat de relevante gegevens ontbreken.' };
  };
  const gezag = [];
  if (isMinderjarig(p.geboortedatum, peildatum)) gezag.push(await gezagsrelatie(p));
  for (const k of kinderen) if (k.rij && k.gezag && isMinderjarig(k.rij.geboortedatum, peildatum)) gezag.push(await gezagsrelatie(k.rij));
  const nummer = p.huisnummer ? /^(\d+)(.*)$/.exec(p.huisnummer) : null;
  return {
    burgerservicenummer: p.bsn,
    naam: naam(p),
    geboorte: { datum: datum(p.geboortedatum) },
    leeftijd: leeftijdOp(p.geboortedatum, peildatum),
    verblijfplaats: p.straat && nummer && p.postcode
      ? { type: 'Adres', verblijfadres: {
        officieleStraatnaam: p.straat, korteStraatnaam: p.straat.slice(0, 24), huisnummer: Number(nummer[1]),
        ...(nummer[2]?.replace(/^-/, '') ? { huisnummertoevoeging: nummer[2].replace(/^-/, '').slice(0, 4) } : {}),
        postcode: p.postcode.replace(' ', ''), ...(p.woonplaats ? { woonplaats: p.woonplaats } : {}),
      } }
      : { type: 'VerblijfplaatsOnbekend' },
    indicatieCurateleRegister: relaties.some((r) => r.soort === 'curator' && r.ander_id === p.id),
    partners: partners.map(gerelateerde),
    ouders: ouders.filter((o) => o.rij).map((o, i) => ({ ...gerelateerde(o.rij!), ouderAanduiding: String(i + 1) })),
    kinderen: kinderen.filter((k) => k.rij).map((k) => gerelateerde(k.rij!)),
    gezag,
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function registreerBrpStandin(app: FastifyInstance, db: Kysely<DB>): void {
  app.post(`${BRP_STANDIN_PAD}/personen`, async (request, reply) => {
    const probleem = (status: number, title: string) => reply.status(status).type('application/problem+json').send({ type: 'about:blank', title, status });
    // It reads across gemeenten without a login: only the app itself (on this machine) may ask it.
    // The socket's own address (not X-Forwarded-For), and no proxy in between: a proxy on this machine
    // would make every outside caller look local.
    const viaProxy = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
    if (viaProxy || !LOOPBACK.has(request.socket.remoteAddress ?? '')) return probleem(403, 'De BRP-stand-in antwoordt alleen aan deze server zelf.');
    if (!request.headers['x-api-key']) return probleem(401, 'Niet correct geauthenticeerd.');
    const v = vraag.safeParse(request.body);
    if (!v.success) return probleem(400, 'Een of meerdere parameters zijn niet correct.');
    const rijen = await db.selectFrom('personen').selectAll().where('bsn', 'in', v.data.burgerservicenummer).orderBy('aangemaakt_op').execute();
    const peildatum = vandaag();
    const personen = [];
    for (const bsn of new Set(v.data.burgerservicenummer)) {
      const p = rijen.find((r) => r.bsn === bsn);
      if (p) personen.push(await persoonV2(db, p as Rij, peildatum));
    }
    return reply.type('application/json').send({ type: 'RaadpleegMetBurgerservicenummer', personen });
  });
}
