/**
 * The portal for providers without software of their own (ADR 37): their toewijzingen as a list, and
 * a start or stop reported with a form. Eenvoud writes the 305/307 the provider's software would have
 * written (from the last 301: what the provider knows) and delivers it through the same path as an
 * upload — hostile-XML check, both referees, the rules across messages, the retour — so a form can
 * do nothing a message could not.
 */
import { appendAudit } from '../../platform/audit/store.ts';
import { Problem, notFound } from '../../platform/http/problem.ts';
import type { Actor, Tx } from '../../platform/tenancy/tx.ts';
import { vandaag } from '../../platform/time.ts';
import { datumLang as datumNL } from '../../platform/pdf/tekst.ts';
import { getPersoon } from '../inwoners/index.ts';
import { aanbiederVan } from '../inkoop/index.ts';
import { volgendNummer } from '../toegang/index.ts';
import { REDENEN_BEEINDIGING, voorzieningenVoorBericht } from '../voorziening/index.ts';
import type { Standaard, ToewijzingInhoud } from './rules.ts';
import { toewijzingenOpNummer } from './store.ts';
import { gemeenteCode, ontvangBericht, type Ontvangen } from './usecases.ts';
import { schrijfStartStop } from './xml.ts';

function eigenAanbieder(actor: Actor): string {
  if (!actor.aanbiederId) throw new Problem('geen-toegang', 'Alleen een medewerker van een zorgaanbieder meldt start en stop.');
  return actor.aanbiederId;
}

/** The provider's own toewijzingen (sent, not removed), newest first, with the client: its own clients, each shown audited. */
export async function portaalToewijzingen(tx: Tx, actor: Actor, pagina: { limit: number; offset: number }) {
  const aanbiederId = eigenAanbieder(actor);
  const basis = tx.selectFrom('toewijzingen').where('aanbieder_id', '=', aanbiederId).where('verstuurd', 'is not', null)
    .where((e) => e.or([e('reden_wijziging', 'is', null), e('reden_wijziging', '<>', '13')]));
  const [rijen, n] = await Promise.all([
    basis.select(['id', 'standaard', 'nummer', 'persoon_id', 'voorziening_id', 'verstuurd', 'start_begindatum', 'stop_einddatum', 'stop_reden'])
      .orderBy('toewijzingsdatum', 'desc').orderBy('nummer', 'desc').limit(pagina.limit).offset(pagina.offset).execute(),
    basis.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const personen = new Map((await Promise.all([...new Set(rijen.map((r) => r.persoon_id))].map((id) => getPersoon(tx, id)))).flatMap((p) => (p ? [[p.id, p] as const] : [])));
  const producten = new Map((await voorzieningenVoorBericht(tx, rijen.map((r) => r.voorziening_id))).map((v) => [v.id, v]));
  await appendAudit(tx, actor, rijen.map((r) => ({ actie: 'lezen' as const, resourceType: 'toewijzing', resourceId: r.id, persoonId: r.persoon_id, doel: 'toewijzingen van de eigen cliënten (aanbieder)' })));
  return {
    totaal: Number(n.n),
    items: rijen.map((r) => {
      const v = r.verstuurd as ToewijzingInhoud;
      const p = personen.get(r.persoon_id);
      const x = producten.get(r.voorziening_id);
      return {
        standaard: r.standaard as Standaard, nummer: Number(r.nummer), client: p ? { bsn: p.bsn, naam: [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ') } : null,
        productNaam: x?.productNaam ?? null, productcategorie: v.categorie, productcode: v.code, ingangsdatum: v.ingangsdatum, einddatum: v.einddatum, omvang: v.omvang,
        gestartOp: r.start_begindatum, gestoptOp: r.stop_einddatum, stopReden: r.stop_reden, wet: x?.wet ?? (r.standaard === 'ijw' ? 'jeugdwet' : 'wmo'),
      };
    }),
  };
}

/**
 * A start (305) or stop (307) reported with the portal's form: written from the last 301 and the
 * current start, then delivered as if uploaded. The answer is the upload's: the codes say why not.
 */
export async function meldStartOfStop(tx: Tx, actor: Actor, w: { standaard: Standaard; nummer: number }, inv: { soort: '305' | '307'; datum: string; reden?: string | undefined }): Promise<Ontvangen> {
  const aanbiederId = eigenAanbieder(actor);
  const [t] = await toewijzingenOpNummer(tx, { aanbiederId, standaard: w.standaard, nummers: [w.nummer] });
  if (!t || !t.verstuurd) throw notFound('Deze toewijzing');
  const stop = inv.soort === '307';
  const fout = (veld: string, reden: string) => new Problem('ongeldige-invoer', reden, [{ name: veld, code: 'ongeldig', reason: reden }]);
  if (inv.datum > vandaag()) throw fout('datum', 'Een start of stop meldt u op of na de dag zelf, niet vooruit.');
  if (stop && !t.startBegindatum) throw fout('datum', 'Meld eerst de start: een stop hoort bij een gemelde start (OP072).');
  if (stop && !REDENEN_BEEINDIGING[t.standaard === 'ijw' ? 'jeugdwet' : 'wmo'][inv.reden ?? '']) throw fout('reden', 'Kies een reden van beëindiging uit de lijst.');
  // What a message would be refused for (9019, an end before the begin) is said on the form instead, in the form's words.
  const v0 = t.verstuurd;
  if (stop && inv.datum < t.startBegindatum!) throw fout('datum', `De laatste dag ligt vóór de gemelde start (${datumNL(t.startBegindatum!)}).`);
  if (!stop && inv.datum < v0.ingangsdatum) throw fout('datum', `De eerste dag ligt vóór de ingangsdatum van de toewijzing (${datumNL(v0.ingangsdatum)}).`);
  if (!stop && v0.einddatum && inv.datum > v0.einddatum) throw fout('datum', `De eerste dag ligt na de einddatum van de toewijzing (${datumNL(v0.einddatum)}).`);
  const p = await getPersoon(tx, t.persoonId);
  const a = await aanbiederVan(tx, aanbiederId);
  if (!p || !a) throw notFound('Deze toewijzing');
  const v = t.verstuurd;
  const identificatie = `P${String(await volgendNummer(tx, actor.gemeenteId, `portaal-${inv.soort}-${a.agbCode}`, 0)).padStart(11, '0')}`;
  const xml = schrijfStartStop(t.standaard, inv.soort, { afzender: a.agbCode, ontvanger: await gemeenteCode(tx), identificatie, dagtekening: vandaag() }, {
    bsn: p.bsn, geboortedatum: p.geboortedatum, geslacht: '0', achternaam: p.achternaam, voorvoegsel: p.tussenvoegsel, voornamen: p.voornaam, voorletters: null,
  }, [{
    toewijzingNummer: t.nummer, categorie: v.categorie, code: v.code, ingangsdatum: v.ingangsdatum, statusAanlevering: '1',
    begindatum: stop ? t.startBegindatum! : inv.datum, ...(stop ? { einddatum: inv.datum, redenBeeindiging: inv.reden! } : {}),
  }]);
  return ontvangBericht(tx, actor, xml);
}
