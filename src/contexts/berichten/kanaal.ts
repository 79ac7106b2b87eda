/**
 * BerichtKanaal (ADR 37): how a message reaches the other side. The national hub (GGK / VECOZO)
 * cannot be reached from here, so the first channel is Eenvoud's own portal and API: a message is
 * "delivered" by being available to the provider's staff, who fetch it (status klaar → opgehaald)
 * and deliver theirs by upload or POST /api/v1/berichten. A hub connector implements the same
 * interface: `lever` queues the message for the hub inside the same transaction (an outbox job),
 * and what the hub brings in goes through `ontvangBericht` like an upload.
 */
import type { Tx } from '../../platform/tenancy/tx.ts';

export interface UitgaandBericht { id: string; aanbiederId: string; soort: string; xml: string }

export interface BerichtKanaal {
  /** Short name for logs and the ADR ('portaal', later e.g. 'ggk'). */
  readonly naam: string;
  /** Called inside the transaction that stored the message; must not do network I/O itself (queue it). */
  lever(tx: Tx, bericht: UitgaandBericht): Promise<void>;
}

/** The portal: the stored message is the delivery; the provider fetches it. */
export const portaalKanaal: BerichtKanaal = {
  naam: 'portaal',
  async lever() { /* available at once to the provider's staff; nothing more to do */ },
};

let huidig: BerichtKanaal = portaalKanaal;
export const kanaal = (): BerichtKanaal => huidig;
/** For a hub connector (and tests): replace the channel; returns the previous one. */
export function zetKanaal(k: BerichtKanaal): BerichtKanaal {
  const vorig = huidig;
  huidig = k;
  return vorig;
}
