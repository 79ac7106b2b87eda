/**
 * The one client of the BRP (Haal Centraal BRP bevragen v2): `POST {BRP_API_URL}/personen` with
 * `RaadpleegMetBurgerservicenummer` and the key in `X-API-KEY`. It turns the answer into the few
 * facts Eenvoud keeps (name, birth date, address, relations, gezag). Called before a transaction
 * opens, so a slow BRP never holds database locks.
 */
import { z } from 'zod';
import { Problem } from '../../platform/http/problem.ts';
import { isMinderjarig } from './rules.ts';

export interface BrpConfig { url: string; apiKey: string; timeoutMs?: number }

export interface BrpGerelateerde { bsn: string; naam: string; geboortedatum: string | null }

export interface BrpPersoon {
  bsn: string;
  voornaam: string;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: string | null;
  adres: { straat: string; huisnummer: string; postcode: string; woonplaats: string | null } | null;
  curatele: boolean;
  partners: BrpGerelateerde[];
  ouders: BrpGerelateerde[];
  kinderen: BrpGerelateerde[];
  /** Per minor this person is involved with (themself or their child): who holds gezag. */
  gezag: { minderjarigeBsn: string; ouderBsns: string[] }[];
}

export const BRP_VELDEN = [
  'burgerservicenummer', 'naam', 'geboorte', 'verblijfplaats', 'partners', 'ouders', 'kinderen', 'gezag', 'indicatieCurateleRegister',
] as const;

// Only what we read; the BRP sends more, and unknown fields are ignored on purpose.
const datumSchema = z.object({ type: z.string(), datum: z.string().optional() }).partial().optional();
const naamSchema = z.object({
  voornamen: z.string().optional(), voorvoegsel: z.string().optional(), geslachtsnaam: z.string().optional(), volledigeNaam: z.string().optional(),
}).optional();
const gerelateerdeSchema = z.object({ burgerservicenummer: z.string().optional(), naam: naamSchema, geboorte: z.object({ datum: datumSchema }).optional() });
const gezagOuderSchema = z.object({ burgerservicenummer: z.string().optional() });
const persoonSchema = z.object({
  burgerservicenummer: z.string(),
  naam: naamSchema,
  geboorte: z.object({ datum: datumSchema }).optional(),
  verblijfplaats: z.object({
    type: z.string(),
    verblijfadres: z.object({
      officieleStraatnaam: z.string().optional(), korteStraatnaam: z.string().optional(), huisnummer: z.number().int().optional(),
      huisletter: z.string().optional(), huisnummertoevoeging: z.string().optional(), postcode: z.string().optional(), woonplaats: z.string().optional(),
    }).optional(),
  }).optional(),
  indicatieCurateleRegister: z.boolean().optional(),
  partners: z.array(gerelateerdeSchema).optional(),
  ouders: z.array(gerelateerdeSchema).optional(),
  kinderen: z.array(gerelateerdeSchema).optional(),
  gezag: z.array(z.object({
    type: z.string(),
    minderjarige: z.object({ burgerservicenummer: z.string().optional() }).optional(),
    ouder: gezagOuderSchema.optional(),
    ouders: z.array(gezagOuderSchema).optional(),
  })).optional(),
});
const antwoordSchema = z.object({ personen: z.array(persoonSchema) });
type PersoonV2 = z.infer<typeof persoonSchema>;

const volledigeDatum = (d: z.infer<typeof datumSchema>): string | null => (d?.type === 'Datum' && d.datum ? d.datum : null);
const naamVan = (n: z.infer<typeof naamSchema>): string =>
  n?.volledigeNaam ?? [n?.voornamen, n?.voorvoegsel, n?.geslachtsnaam].filter(Boolean).join(' ');

function gerelateerden(lijst: PersoonV2['partners']): BrpGerelateerde[] {
  return (lijst ?? []).filter((g) => g.burgerservicenummer).map((g) => ({
    bsn: g.burgerservicenummer!, naam: naamVan(g.naam), geboortedatum: volledigeDatum(g.geboorte?.datum),
  }));
}

/** From the v2 shape to Eenvoud's facts. Exported for the unit test of the mapping. */
export function naarBrpPersoon(p: PersoonV2): BrpPersoon {
  const a = p.verblijfplaats?.type === 'Adres' ? p.verblijfplaats.verblijfadres : undefined;
  const huisnummer = a?.huisnummer !== undefined ? `${a.huisnummer}${a.huisletter ?? ''}${a.huisnummertoevoeging ? `-${a.huisnummertoevoeging}` : ''}` : '';
  return {
    bsn: p.burgerservicenummer,
    voornaam: p.naam?.voornamen ?? '',
    tussenvoegsel: p.naam?.voorvoegsel ?? null,
    achternaam: p.naam?.geslachtsnaam ?? '',
    geboortedatum: volledigeDatum(p.geboorte?.datum),
    adres: a && (a.officieleStraatnaam ?? a.korteStraatnaam) && huisnummer && a.postcode
      ? { straat: (a.officieleStraatnaam ?? a.korteStraatnaam)!, huisnummer, postcode: a.postcode, woonplaats: a.woonplaats ?? null }
      : null,
    curatele: p.indicatieCurateleRegister === true,
    partners: gerelateerden(p.partners),
    ouders: gerelateerden(p.ouders),
    kinderen: gerelateerden(p.kinderen),
    gezag: (p.gezag ?? []).filter((g) => g.minderjarige?.burgerservicenummer).map((g) => ({
      minderjarigeBsn: g.minderjarige!.burgerservicenummer!,
      ouderBsns: [...(g.ouders ?? []), ...(g.ouder ? [g.ouder] : [])].map((o) => o.burgerservicenummer).filter((b): b is string => !!b),
    })),
  };
}

const onbereikbaar = (detail: string) =>
  new Problem('brp-niet-bereikbaar', `${detail} Probeer het zo opnieuw; lukt het niet, meld het dan bij functioneel beheer.`);

/** Asks the BRP for up to 20 persons; the ones it does not know are simply absent. */
export async function raadpleegBrp(cfg: BrpConfig, bsns: readonly string[]): Promise<BrpPersoon[]> {
  if (bsns.length === 0) return [];
  let res: Response;
  try {
    res = await fetch(`${cfg.url.replace(/\/$/, '')}/personen`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': cfg.apiKey },
      body: JSON.stringify({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: bsns.slice(0, 20), fields: BRP_VELDEN }),
      signal: AbortSignal.timeout(cfg.timeoutMs ?? 5000),
    });
  } catch (e) {
    const timeout = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    throw onbereikbaar(timeout ? 'De BRP antwoordde niet op tijd.' : 'De BRP is niet bereikbaar.');
  }
  if (!res.ok) throw onbereikbaar(`De BRP gaf een fout (HTTP ${res.status}).`);
  const parsed = antwoordSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw onbereikbaar('Het antwoord van de BRP was niet te lezen.');
  return parsed.data.personen.map(naarBrpPersoon);
}

/**
 * A person with the members of their household as the BRP knows them: the partner(s) and the
 * minor children (whose gezag decides who acts for them), or for a minor the parents with gezag.
 * Adult children live their own lives.
 */
export async function raadpleegHuishouden(cfg: BrpConfig, bsn: string, peildatum: string): Promise<{ persoon: BrpPersoon; leden: BrpPersoon[] } | null> {
  const [persoon] = await raadpleegBrp(cfg, [bsn]);
  if (!persoon) return null;
  const minderjarig = (g: { geboortedatum: string | null }) => g.geboortedatum !== null && isMinderjarig(g.geboortedatum, peildatum);
  // A minor lives with the parents who hold gezag; an adult with partner and minor children.
  const ouders = minderjarig(persoon) ? persoon.gezag.filter((g) => g.minderjarigeBsn === bsn).flatMap((g) => g.ouderBsns) : [];
  const bsns = [...persoon.partners.map((p) => p.bsn), ...persoon.kinderen.filter(minderjarig).map((k) => k.bsn), ...ouders];
  const leden = await raadpleegBrp(cfg, [...new Set(bsns)].filter((b) => b !== bsn));
  return { persoon, leden };
}

/** Before registering a melding: the BRP's person and household for this BSN, or null without a BRP connection or when unknown there. */
export async function brpHuishouden(cfg: BrpConfig | undefined, bsn: string, peildatum: string): Promise<{ persoon: BrpPersoon; leden: BrpPersoon[] } | null> {
  return cfg ? raadpleegHuishouden(cfg, bsn, peildatum) : null;
}
