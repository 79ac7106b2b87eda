/**
 * One provider for the contract manager over a year: every figure with its norm and signal, the
 * contracts with their ceiling (the inkoper sets it here), the figures per product, the refused
 * declarations by retourcode with what the code means, the clients per product (counts; small ones
 * hidden) and, for the inkoper, the full message traffic.
 */
import {
  ButtonGroup, Heading1, Heading2, Paragraph, PrimaryActionButton, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiProblem } from '../../platform/api.ts';
import { Bericht, Probleem, Uitklap, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { formatDatum } from '../../platform/format.ts';
import { TekstVeld } from '../../platform/form.tsx';
import { centenUitEuro, euroInvoer, formatEuro } from '../../platform/geld.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useSession } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { BerichtenverkeerSectie } from '../berichten/BerichtenverkeerSectie.tsx';
import { useContractClienten, useContractaanbieder, useZetPlafond, type Contractaanbieder, type FiguurId } from './api.ts';
import { Normen, signalenTekst } from './ContractmanagementPage.tsx';
import { JaarKeuze, SignaalLabel, formatFiguur, leesJaar, normTekst } from './onderdelen.tsx';

const periode = (van: string, tot: string | null): string => (tot ? `${formatDatum(van)} t/m ${formatDatum(tot)}` : `vanaf ${formatDatum(van)}`);

export function ContractaanbiederPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const huidig = new Date().getFullYear();
  const jaar = leesJaar(params);
  const data = useContractaanbieder(id, jaar);
  const { heeftRol } = useSession();
  usePageTitle(data.data ? `Contractmanagement: ${data.data.aanbieder.naam}` : 'Contractmanagement: aanbieder');
  const terug = <p className="eenvoud-terug"><RouterLink to={`/contractmanagement${jaar ? `?jaar=${jaar}` : ''}`}>Terug naar de vergelijking</RouterLink></p>;

  if (data.isPending) return <>{terug}<Heading1>Aanbieder</Heading1><Laden tekst="De cijfers van de aanbieder worden berekend…" /></>;
  if (data.isError) {
    const weg = data.error instanceof ApiProblem && data.error.status === 404;
    return <>{terug}<Heading1>{weg ? 'Aanbieder niet gevonden' : 'Aanbieder'}</Heading1><Foutmelding fout={data.error} /></>;
  }
  const d = data.data;
  return (
    <>
      {terug}
      <Heading1>{d.aanbieder.naam}</Heading1>
      <Paragraph>
        AGB-code {d.aanbieder.agbCode}. Cijfers over {d.jaar}{d.peildatum < d.tot ? ` tot vandaag (${formatDatum(d.peildatum)})` : ''}.
        {' '}Signalen: {signalenTekst(d.signalen).toLowerCase()}. <RouterLink to={`/inkoop/aanbieders/${d.aanbieder.id}`}>Gegevens en contracten bij Inkoop</RouterLink>
      </Paragraph>
      <form className="eenvoud-filters" aria-label="Jaar kiezen" onSubmit={(e) => e.preventDefault()}>
        <JaarKeuze jaar={jaar ?? huidig} huidig={huidig} onKies={(j) => { const p = new URLSearchParams(params); p.set('jaar', String(j)); setParams(p, { replace: true }); }} />
      </form>
      <Cijfers d={d} />
      <Contracten d={d} magWijzigen={heeftRol('inkoper')} />
      <Producten d={d} />
      <Afkeuringen d={d} />
      <Clienten aanbiederId={d.aanbieder.id} jaar={jaar} />
      {heeftRol('inkoper') ? <BerichtenverkeerSectie aanbiederId={d.aanbieder.id} /> : null}
      <Normen definities={d.definities} />
    </>
  );
}

function Cijfers({ d }: { d: Contractaanbieder }) {
  return (
    <section aria-labelledby="kop-cijfers" className="eenvoud-sectie">
      <Heading2 id="kop-cijfers">Cijfers met norm en signaal</Heading2>
      <div className="eenvoud-tabel">
        <Table>
          <TableCaption className="eenvoud-visueel-verborgen">Cijfers van {d.aanbieder.naam} in {d.jaar}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Cijfer</TableHeaderCell>
              <TableHeaderCell scope="col">Waarde</TableHeaderCell>
              <TableHeaderCell scope="col">Norm</TableHeaderCell>
              <TableHeaderCell scope="col">Signaal</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {d.definities.map((def) => {
              const f = d.figuren[def.id as FiguurId];
              const aantal = def.id === 'toewijzingTotStart' ? d.doorlooptijden.toewijzingTotStart.aantal : def.id === 'verzoekTotAntwoord' ? d.doorlooptijden.verzoekTotAntwoord.aantal : null;
              return (
                <TableRow key={def.id}>
                  <TableHeaderCell scope="row">{def.naam}</TableHeaderCell>
                  <TableCell className="eenvoud-nowrap">
                    {formatFiguur(f.waarde, def.eenheid)}{aantal !== null ? ` (${aantal} ${def.id === 'toewijzingTotStart' ? (aantal === 1 ? 'toewijzing' : 'toewijzingen') : (aantal === 1 ? 'verzoek' : 'verzoeken')})` : ''}
                  </TableCell>
                  <TableCell>{normTekst(def)}</TableCell>
                  <TableCell><SignaalLabel figuur={f} /></TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}

function Contracten({ d, magWijzigen }: { d: Contractaanbieder; magWijzigen: boolean }) {
  return (
    <section aria-labelledby="kop-contracten" className="eenvoud-sectie">
      <Heading2 id="kop-contracten">Contracten en plafond</Heading2>
      {d.contracten.length === 0 ? <Paragraph className="eenvoud-leeg">Deze aanbieder heeft in {d.jaar} geen lopend contract.</Paragraph> : (
        <>
          <div className="eenvoud-tabel">
            <Table>
              <TableCaption className="eenvoud-visueel-verborgen">Contracten van {d.aanbieder.naam} in {d.jaar}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Contract</TableHeaderCell>
                  <TableHeaderCell scope="col">Looptijd</TableHeaderCell>
                  <TableHeaderCell scope="col">Plafond per jaar</TableHeaderCell>
                  <TableHeaderCell scope="col">Besteding in {d.jaar}</TableHeaderCell>
                  <TableHeaderCell scope="col">Van het plafond</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {d.contracten.map((c) => (
                  <TableRow key={c.id}>
                    <TableHeaderCell scope="row"><RouterLink to={`/inkoop/contracten/${c.id}`}>{c.nummer}</RouterLink></TableHeaderCell>
                    <TableCell>{periode(c.van, c.tot)}</TableCell>
                    <TableCell className="eenvoud-nowrap">{c.plafondCents === null ? 'Geen plafond' : formatEuro(c.plafondCents)}</TableCell>
                    <TableCell className="eenvoud-nowrap">{formatEuro(c.besteedCents)}</TableCell>
                    <TableCell className="eenvoud-nowrap">{c.plafondCents ? formatFiguur(c.besteedCents / c.plafondCents, 'aandeel') : '–'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {magWijzigen ? d.contracten.map((c) => <PlafondFormulier key={c.id} contract={c} />) : null}
        </>
      )}
    </section>
  );
}

function PlafondFormulier({ contract }: { contract: Contractaanbieder['contracten'][number] }) {
  const [invoer, setInvoer] = useState(euroInvoer(contract.plafondCents));
  const [eigenFout, setEigenFout] = useState<string | null>(null);
  const [gelukt, setGelukt] = useState<string | null>(null);
  const { probleem, setProbleem, fouten } = useProbleem();
  const zet = useZetPlafond(contract.id);
  const naam = `plafond-${contract.id}`;

  const onOpslaan = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setGelukt(null);
    const leeg = invoer.trim() === '';
    const cents = leeg ? null : centenUitEuro(invoer);
    if (!leeg && cents === null) {
      setEigenFout('Vul het plafond in euro in, bijvoorbeeld 250.000,00. Laat het veld leeg voor geen plafond.');
      return;
    }
    setEigenFout(null);
    try {
      const r = await zet.mutateAsync(cents);
      setGelukt(r.plafondCents === null ? `Contract ${contract.nummer} heeft nu geen plafond.` : `Het plafond van contract ${contract.nummer} is nu ${formatEuro(r.plafondCents)} per jaar.`);
    } catch (err) {
      setProbleem(alsProbleem(err));
    }
  };

  return (
    <Uitklap titel={`Plafond van contract ${contract.nummer} wijzigen`}>
      <Bericht tekst={gelukt} />
      <Probleem probleem={probleem} />
      <form onSubmit={onOpslaan} noValidate className="eenvoud-form" aria-label={`Plafond van contract ${contract.nummer}`}>
        <TekstVeld
          naam={naam} label="Plafond per jaar in euro" inputMode="decimal" className="eenvoud-breedte-10"
          beschrijving="Het bedrag dat in een jaar ten hoogste aan dit contract wordt besteed. Laat leeg voor geen plafond. Vanaf 90% besteding geeft contractmanagement een signaal."
          value={invoer} onChange={(e) => setInvoer(e.target.value)} fout={eigenFout ?? fouten.plafondCents}
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={zet.isPending} disabled={zet.isPending}>Plafond opslaan</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </Uitklap>
  );
}

function Producten({ d }: { d: Contractaanbieder }) {
  return (
    <section aria-labelledby="kop-producten" className="eenvoud-sectie">
      <Heading2 id="kop-producten">Per product</Heading2>
      {d.producten.length === 0 ? <Paragraph className="eenvoud-leeg">Geen voorzieningen of declaraties in {d.jaar}.</Paragraph> : (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Per product van {d.aanbieder.naam} in {d.jaar}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Product</TableHeaderCell>
                <TableHeaderCell scope="col">Cliënten</TableHeaderCell>
                <TableHeaderCell scope="col">Voorzieningen</TableHeaderCell>
                <TableHeaderCell scope="col">Gemiddelde duur (geëindigd)</TableHeaderCell>
                <TableHeaderCell scope="col">Besteding</TableHeaderCell>
                <TableHeaderCell scope="col">Prestaties</TableHeaderCell>
                <TableHeaderCell scope="col">Afgekeurd</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {d.producten.map((p) => (
                <TableRow key={p.productcode ?? 'onbekend'}>
                  <TableHeaderCell scope="row">{[p.productcode, p.naam].filter(Boolean).join(' ') || 'Onbekend product'}</TableHeaderCell>
                  <TableCell>{p.clienten}</TableCell>
                  <TableCell>{p.voorzieningen}</TableCell>
                  <TableCell className="eenvoud-nowrap">{formatFiguur(p.gemiddeldeDuurDagen, 'dagen')}</TableCell>
                  <TableCell className="eenvoud-nowrap">{formatEuro(p.besteedCents)}</TableCell>
                  <TableCell>{p.prestaties}</TableCell>
                  <TableCell className="eenvoud-nowrap">{p.afgekeurd}{p.prestaties ? ` (${formatFiguur(p.afgekeurd / p.prestaties, 'aandeel')})` : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

function Afkeuringen({ d }: { d: Contractaanbieder }) {
  const a = d.afkeuringen;
  return (
    <section aria-labelledby="kop-afkeuringen" className="eenvoud-sectie">
      <Heading2 id="kop-afkeuringen">Afgekeurde declaraties en waarom</Heading2>
      <Paragraph>
        {a.prestaties === 0 ? `Geen gedeclareerde prestaties in ${d.jaar}.`
          : `${a.afgekeurd} van de ${a.prestaties} gedeclareerde prestaties afgekeurd (${formatFiguur(a.afgekeurd / a.prestaties, 'aandeel')}).`}
      </Paragraph>
      {a.perCode.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Afgekeurde prestaties per retourcode</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Retourcode</TableHeaderCell>
                <TableHeaderCell scope="col">Betekenis</TableHeaderCell>
                <TableHeaderCell scope="col">Prestaties</TableHeaderCell>
                <TableHeaderCell scope="col">Gedeclareerd bedrag</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {a.perCode.map((c) => (
                <TableRow key={c.code}>
                  <TableHeaderCell scope="row">{c.code}</TableHeaderCell>
                  <TableCell>{c.tekst}</TableCell>
                  <TableCell>{c.aantal}</TableCell>
                  <TableCell className="eenvoud-nowrap">{formatEuro(c.ingediendCents)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}

const KLEIN = 'minder dan 5';

function Clienten({ aanbiederId, jaar }: { aanbiederId: string; jaar: number | undefined }) {
  const c = useContractClienten(aanbiederId, jaar);
  return (
    <section aria-labelledby="kop-clienten" className="eenvoud-sectie">
      <Heading2 id="kop-clienten">Cliënten in zorg</Heading2>
      {c.isPending ? <Laden tekst="De cliënten worden geteld…" /> : null}
      {c.isError ? <Foutmelding fout={c.error} /> : null}
      {c.data?.soort === 'aantallen' ? (
        <>
          <Paragraph>
            U ziet het aantal cliënten per product, zonder namen. Is een aantal kleiner dan 5, dan staat er ‘{KLEIN}’, zodat niemand te herkennen is.
            De cliënten zelf ziet alleen de teamleider van hun team.
          </Paragraph>
          {c.data.rijen.length === 0 ? <Paragraph className="eenvoud-leeg">Geen cliënten in zorg in dit jaar.</Paragraph> : (
            <div className="eenvoud-tabel">
              <Table>
                <TableCaption className="eenvoud-visueel-verborgen">Cliënten in zorg per product</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Product</TableHeaderCell>
                    <TableHeaderCell scope="col">Cliënten</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {c.data.rijen.map((r) => (
                    <TableRow key={r.productcode ?? 'onbekend'}>
                      <TableHeaderCell scope="row">{[r.productcode, r.productNaam].filter(Boolean).join(' ') || 'Onbekend product'}</TableHeaderCell>
                      <TableCell>{r.onderdrukt || r.clienten === null ? <em>{KLEIN}</em> : r.clienten}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </>
      ) : null}
      {c.data?.soort === 'clienten' ? (
        <>
          <Paragraph>U ziet de cliënten van de huishoudens waar u bij betrokken bent. Dat u deze lijst bekijkt, wordt per persoon vastgelegd.</Paragraph>
          <Paragraph role="status">{c.data.getoond === c.data.totaal ? `Alle ${c.data.totaal} getoond.` : `${c.data.getoond} van ${c.data.totaal} getoond.`}</Paragraph>
          {c.data.rijen.length > 0 ? (
            <div className="eenvoud-tabel">
              <Table>
                <TableCaption className="eenvoud-visueel-verborgen">Cliënten in zorg</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Naam</TableHeaderCell>
                    <TableHeaderCell scope="col">Voorziening</TableHeaderCell>
                    <TableHeaderCell scope="col">Product</TableHeaderCell>
                    <TableHeaderCell scope="col">Begin</TableHeaderCell>
                    <TableHeaderCell scope="col">Besteding</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {c.data.rijen.map((r) => (
                    <TableRow key={r.voorzieningId}>
                      <TableHeaderCell scope="row"><RouterLink to={`/casussen/${r.casusId}`}>{r.naam}</RouterLink></TableHeaderCell>
                      <TableCell><RouterLink to={`/voorzieningen/${r.voorzieningId}`}>{r.nummer}</RouterLink></TableCell>
                      <TableCell>{[r.productcode, r.productNaam].filter(Boolean).join(' ')}</TableCell>
                      <TableCell className="eenvoud-nowrap">{formatDatum(r.begin)}</TableCell>
                      <TableCell className="eenvoud-nowrap">{formatEuro(r.besteedCents)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
