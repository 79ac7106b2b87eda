/**
 * The top of the casus page: the casus at a glance, from one API read (GET /casussen/{id}/overzicht).
 * Household, the casusregisseur and how to reach them, running terms with days left, plan and
 * instemming, open aanvragen with their step, and the provisions granted.
 */
import {
  Heading2, Heading3, Paragraph, StatusBadge, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api } from '../../platform/api.ts';
import { formatDag, formatDatum } from '../../platform/format.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';

export interface CasusOverzicht {
  casus: { id: string; nummer: string; status: 'open' | 'gesloten'; statusNaam: string; geopendOp: string };
  huishouden: {
    id: string; naam: string; geboortedatum: string; leeftijd: number; relatie: string | null; relatieNaam: string | null;
    gezag: boolean; gezagBij: string[]; minderjarig: boolean; adres: string | null; telefoon: string | null; email: string | null;
  }[];
  regisseur: { id: string; naam: string; telefoon: string | null; email: string | null } | null;
  termijnen: {
    id: string; soort: string; soortNaam: string; wet: string; wetNaam: string; uitersteDatum: string; dagenOver: number; verlopen: boolean;
    status: string; statusNaam: string; bij: { soort: 'melding' | 'aanvraag' | 'bezwaar'; id: string; nummer: string };
  }[];
  plan: { status: string; statusNaam: string; versie: number; instemming: { datum: string; wijze: string; wijzeNaam: string } | null } | null;
  aanvragen: { id: string; nummer: string; ontvangenOp: string; status: string; statusNaam: string; stap: string; producten: string[] }[];
  voorzieningen: {
    product: string; wet: string; wetNaam: string; uitkomstNaam: string; omvang: number | null; eenheid: string | null; periode: string | null;
    ingangsdatum: string | null; einddatum: string | null; leveringsvormNaam: string | null; lopend: boolean;
    beschikking: { id: string; nummer: string; verzondenOp: string };
  }[];
}

export function useCasusOverzicht(id: string) {
  return useQuery({
    queryKey: ['casus', id, 'overzicht'],
    queryFn: ({ signal }) => api<CasusOverzicht>(`/casussen/${encodeURIComponent(id)}/overzicht`, { signal }),
  });
}

/** "nog 12 dagen", "vandaag de laatste dag", "3 dagen te laat": the words say it, the colour only helps. */
export function dagenTekst(dagen: number): string {
  if (dagen > 1) return `nog ${dagen} dagen`;
  if (dagen === 1) return 'nog 1 dag';
  if (dagen === 0) return 'vandaag de laatste dag';
  return dagen === -1 ? '1 dag te laat' : `${-dagen} dagen te laat`;
}

const PERIODE: Record<string, string> = { week: 'per week', maand: 'per maand', jaar: 'per jaar', totaal: 'in totaal' };

function omvangTekst(v: CasusOverzicht['voorzieningen'][number]): string {
  if (v.omvang === null) return '—';
  const getal = new Intl.NumberFormat('nl-NL').format(v.omvang);
  return [getal, v.eenheid, v.periode ? PERIODE[v.periode] ?? v.periode : null].filter(Boolean).join(' ');
}

function periodeTekst(v: CasusOverzicht['voorzieningen'][number]): string {
  if (!v.ingangsdatum) return '—';
  return v.einddatum ? `${formatDatum(v.ingangsdatum)} tot en met ${formatDatum(v.einddatum)}` : `vanaf ${formatDatum(v.ingangsdatum)}`;
}

function Kaart({ id, titel, children }: { id: string; titel: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="eenvoud-kaart">
      <Heading3 id={id}>{titel}</Heading3>
      {children}
    </section>
  );
}

/** The summary; `regisseurActie` is where the page puts "Casus oppakken" when nobody has the casus. */
export function CasusOverzichtSectie({ casusId, regisseurActie }: { casusId: string; regisseurActie?: ReactNode }) {
  const overzicht = useCasusOverzicht(casusId);
  return (
    <section id="overzicht" aria-labelledby="kop-overzicht" className="eenvoud-sectie eenvoud-overzicht">
      <Heading2 id="kop-overzicht">Overzicht</Heading2>
      {overzicht.isPending ? <Laden tekst="Het overzicht wordt geladen…" /> : overzicht.isError ? <Foutmelding fout={overzicht.error} /> : (
        <Inhoud o={overzicht.data} regisseurActie={regisseurActie} />
      )}
    </section>
  );
}

function Inhoud({ o, regisseurActie }: { o: CasusOverzicht; regisseurActie?: ReactNode }) {
  // One address for the whole household is said once, not on every row.
  const adressen = new Set(o.huishouden.map((l) => l.adres));
  const eenAdres = adressen.size === 1 ? o.huishouden[0]?.adres ?? null : undefined;
  return (
    <div className="eenvoud-overzicht__raster">
      <Kaart id="kop-overzicht-huishouden" titel="Huishouden">
        {eenAdres !== undefined ? <Paragraph>Adres: {eenAdres ?? <span className="eenvoud-gedimd">geen adres bekend</span>}</Paragraph> : null}
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Leden van het huishouden</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Naam</TableHeaderCell>
                <TableHeaderCell scope="col">Relatie</TableHeaderCell>
                <TableHeaderCell scope="col">Leeftijd</TableHeaderCell>
                {eenAdres === undefined ? <TableHeaderCell scope="col">Adres</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {o.huishouden.map((l) => (
                <TableRow key={l.id}>
                  <TableCell>{l.naam}</TableCell>
                  <TableCell>
                    {l.relatieNaam ?? <span className="eenvoud-gedimd">Niet vastgelegd</span>}
                    {l.gezag ? ', met gezag' : null}
                    {l.gezagBij.length ? <><br /><span className="eenvoud-gedimd">Gezag: {l.gezagBij.join(' en ')}</span></> : null}
                  </TableCell>
                  <TableCell className="eenvoud-nowrap">
                    {l.leeftijd} jaar{l.minderjarig ? ' (minderjarig)' : ''}
                    <span className="eenvoud-visueel-verborgen">, geboren op {formatDatum(l.geboortedatum)}</span>
                  </TableCell>
                  {eenAdres === undefined ? <TableCell>{l.adres ?? <span className="eenvoud-gedimd">Geen adres bekend</span>}</TableCell> : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </Kaart>

      <Kaart id="kop-overzicht-regisseur" titel="Casusregisseur">
        {o.regisseur ? (
          <ul className="eenvoud-kaal eenvoud-overzicht__lijst">
            <li><strong>{o.regisseur.naam}</strong></li>
            <li>Telefoon: {o.regisseur.telefoon
              ? <a className="utrecht-link utrecht-link--html-a" href={`tel:${o.regisseur.telefoon.replace(/[^+\d]/g, '')}`}>{o.regisseur.telefoon}</a>
              : <span className="eenvoud-gedimd">niet vastgelegd</span>}</li>
            <li>E-mail: {o.regisseur.email
              ? <a className="utrecht-link utrecht-link--html-a" href={`mailto:${o.regisseur.email}`}>{o.regisseur.email}</a>
              : <span className="eenvoud-gedimd">niet vastgelegd</span>}</li>
          </ul>
        ) : <Paragraph>Nog niet opgepakt: deze casus heeft nog geen casusregisseur.</Paragraph>}
        {regisseurActie}
        <Paragraph className="eenvoud-gedimd">
          Casus {o.casus.statusNaam.toLowerCase()}, geopend op {formatDag(o.casus.geopendOp)}.
        </Paragraph>
      </Kaart>

      <Kaart id="kop-overzicht-termijnen" titel="Lopende termijnen">
        {o.termijnen.length === 0 ? <Paragraph>Er loopt geen termijn.</Paragraph> : (
          <ul className="eenvoud-kaal eenvoud-overzicht__lijst">
            {o.termijnen.map((t) => (
              <li key={t.id} className={t.verlopen ? 'eenvoud-termijn--verlopen' : undefined}>
                <strong>{t.soortNaam}</strong> ({t.wetNaam}),{' '}
                <RouterLink to={`/${{ melding: 'meldingen', aanvraag: 'aanvragen', bezwaar: 'bezwaren' }[t.bij.soort]}/${t.bij.id}`}>{t.bij.nummer}</RouterLink>:{' '}
                uiterlijk <span className="eenvoud-nowrap">{formatDatum(t.uitersteDatum)}</span>,{' '}
                {t.verlopen ? (
                  <StatusBadge status="danger">Verlopen: {dagenTekst(t.dagenOver)}</StatusBadge>
                ) : t.status === 'opgeschort' ? (
                  <StatusBadge status="neutral">Opgeschort</StatusBadge>
                ) : (
                  <span className={t.status === 'verlooptBinnenkort' ? 'eenvoud-termijn--bijna' : undefined}>{dagenTekst(t.dagenOver)}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Kaart>

      <Kaart id="kop-overzicht-plan" titel="Plan en instemming">
        {o.plan === null ? <Paragraph>Nog geen plan gemaakt.</Paragraph> : (
          <ul className="eenvoud-kaal eenvoud-overzicht__lijst">
            <li>Status: <strong>{o.plan.statusNaam}</strong> (versie {o.plan.versie})</li>
            <li>Instemming: {o.plan.instemming
              ? <>{o.plan.instemming.wijzeNaam} gegeven op {formatDatum(o.plan.instemming.datum)}</>
              : <span>nog niet vastgelegd</span>}</li>
          </ul>
        )}
      </Kaart>

      <Kaart id="kop-overzicht-aanvragen" titel="Open aanvragen">
        {o.aanvragen.length === 0 ? <Paragraph>Er is geen open aanvraag.</Paragraph> : (
          <ul className="eenvoud-kaal eenvoud-overzicht__lijst">
            {o.aanvragen.map((a) => (
              <li key={a.id}>
                <RouterLink to={`/aanvragen/${a.id}`}>{a.nummer}</RouterLink>: {a.stap}
                {a.producten.length ? <span className="eenvoud-gedimd"> ({a.producten.join(', ')})</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Kaart>

      <Kaart id="kop-overzicht-voorzieningen" titel="Voorzieningen">
        {o.voorzieningen.length === 0 ? <Paragraph>Er is nog geen voorziening toegekend.</Paragraph> : (
          <div className="eenvoud-tabel">
            <Table>
              <TableCaption className="eenvoud-visueel-verborgen">Toegekende voorzieningen uit verzonden beschikkingen</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Voorziening</TableHeaderCell>
                  <TableHeaderCell scope="col">Omvang</TableHeaderCell>
                  <TableHeaderCell scope="col">Periode</TableHeaderCell>
                  <TableHeaderCell scope="col">Beschikking</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {o.voorzieningen.map((v, i) => (
                  <TableRow key={`${v.beschikking.id}-${i}`}>
                    <TableCell>{v.product}<br /><span className="eenvoud-gedimd">{v.wetNaam}{v.leveringsvormNaam ? `, ${v.leveringsvormNaam}` : ''}</span></TableCell>
                    <TableCell>{omvangTekst(v)}</TableCell>
                    <TableCell>{periodeTekst(v)}{v.lopend ? null : <> <StatusBadge status="neutral">Afgelopen</StatusBadge></>}</TableCell>
                    <TableCell className="eenvoud-nowrap"><RouterLink to={`/beschikkingen/${v.beschikking.id}`}>{v.beschikking.nummer}</RouterLink></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </Kaart>
    </div>
  );
}
