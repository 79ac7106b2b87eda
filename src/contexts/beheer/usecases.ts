import { createHash } from 'node:crypto';
import { Problem, type InvalidParam } from '../../platform/http/problem.ts';
import type { Tx } from '../../platform/tenancy/tx.ts';
import { controleerKleuren, controleerLogo, type HuisstijlKleuren, type LogoType } from './rules.ts';
import { bewaarHuisstijl, huisstijl, type HuisstijlOpslag } from './store.ts';

export interface HuisstijlInvoer {
  naam: string;
  kleuren: HuisstijlKleuren | null;
  /** Absent: keep the current logo; null: remove it; given: replace it. */
  logo?: { type: LogoType; data: string } | null;
}

/** Checks and stores a gemeente's house style; an unreadable colour or unsafe logo writes nothing. */
export async function wijzigHuisstijl(tx: Tx, gemeenteId: string, invoer: HuisstijlInvoer, door: string | null): Promise<HuisstijlOpslag> {
  const fouten: InvalidParam[] = (invoer.kleuren ? controleerKleuren(invoer.kleuren) : [])
    .map((p) => ({ name: `kleuren.${p.veld}`, code: 'te-weinig-contrast', reason: p.reden }));
  let logo: HuisstijlOpslag['logo'] = (await huisstijl(tx))?.logo ?? null;
  if (invoer.logo === null) logo = null;
  else if (invoer.logo) {
    const bytes = Buffer.from(invoer.logo.data, 'base64');
    const reden = controleerLogo(bytes, invoer.logo.type);
    if (reden) fouten.push({ name: 'logo', code: 'logo-ongeldig', reason: reden });
    // Stored re-encoded from the decoded bytes, so nothing but the image itself is kept.
    else logo = { type: invoer.logo.type, data: bytes.toString('base64'), hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16) };
  }
  if (fouten.length) {
    throw new Problem('ongeldige-invoer', fouten.length === 1 ? fouten[0]!.reason : 'Een of meer onderdelen van de huisstijl kunnen zo niet.', fouten);
  }
  const waarde: HuisstijlOpslag = { naam: invoer.naam.trim(), kleuren: invoer.kleuren, logo };
  await bewaarHuisstijl(tx, gemeenteId, waarde, door);
  return waarde;
}
