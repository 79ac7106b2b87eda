/**
 * The gemeente's correspondence details for letters (sender, bezwaar address, rechtbank): validated
 * data in gemeente_instellingen under key 'correspondentie'; a placeholder until beheer sets them.
 * Also the contact details of a member of staff (the casusregisseur's name and phone).
 */
import { z } from 'zod';
import type { Tx } from '../tenancy/tx.ts';
import { standaardCorrespondentie, type Correspondentie } from './tekst.ts';

const regel = (label: string, max = 200) => z.string({ error: `${label} is verplicht` }).trim().min(1, `${label} is verplicht`).max(max);
const postcode = z.string({ error: 'Postcode is verplicht' }).trim().regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, 'Gebruik een postcode als 1234 AB')
  .transform((p) => `${p.slice(0, 4)} ${p.slice(-2).toUpperCase()}`);
const postbus = z.string().trim().max(100);

export const correspondentieSchema = z.object({
  afdeling: regel('Afdeling'),
  postbus: regel('Postbus'),
  postcode,
  plaats: regel('Plaats'),
  bezoekadres: z.object({ straat: regel('Straat en huisnummer'), postcode, plaats: regel('Plaats') }),
  telefoon: z.string({ error: 'Telefoon is verplicht' }).trim().regex(/^\+?[0-9 ()-]{4,20}$/, 'Gebruik een telefoonnummer als 14 0123 of 0123 456 789'),
  email: z.email('Gebruik een e-mailadres als naam@voorbeeld.nl').max(200).nullable().default(null),
  website: z.string().trim().max(200).nullable().default(null),
  bezwaarAdres: z.object({ aan: regel('Aan wie het bezwaar gaat'), postbus: regel('Postbus'), postcode, plaats: regel('Plaats') }),
  rechtbank: z.object({ naam: regel('Naam van de rechtbank'), postbus, postcode: z.union([postcode, z.literal('')]), plaats: z.string().trim().max(100) }),
}).meta({ id: 'Correspondentie' }) satisfies z.ZodType<Correspondentie, unknown>;

export async function correspondentie(tx: Tx, gemeenteNaam: string): Promise<Correspondentie> {
  const r = await tx.selectFrom('gemeente_instellingen').select('waarde').where('sleutel', '=', 'correspondentie').executeTakeFirst();
  const p = correspondentieSchema.safeParse(r?.waarde);
  return p.success ? p.data : standaardCorrespondentie(gemeenteNaam);
}

export async function bewaarCorrespondentie(tx: Tx, gemeenteId: string, c: Correspondentie, door: string | null): Promise<void> {
  await tx.insertInto('gemeente_instellingen').values({ gemeente_id: gemeenteId, sleutel: 'correspondentie', waarde: JSON.stringify(c), gewijzigd_door: door })
    .onConflict((oc) => oc.columns(['gemeente_id', 'sleutel']).doUpdateSet({ waarde: JSON.stringify(c), gewijzigd_door: door, gewijzigd_op: new Date() })).execute();
}

/** How a resident reaches a member of staff: name and phone (null when none is recorded). */
export async function medewerkerContact(tx: Tx, gebruikerId: string): Promise<{ naam: string; telefoon: string | null } | undefined> {
  return tx.selectFrom('gebruikers').select(['naam', 'telefoon']).where('id', '=', gebruikerId).executeTakeFirst();
}
