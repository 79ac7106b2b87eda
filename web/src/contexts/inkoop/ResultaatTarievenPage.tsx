/**
 * The result-based tables the inkoper keeps (Dalfsen model): for Jeugd a profile × intensity sets the
 * budget for a result; for Wmo begeleiding complexity × intensity × duration set one integral budget.
 * Shown per version (valid from … to …); a new version starts on a date and ends the previous one the
 * day before. The form starts from the newest version's amounts, so a yearly indexation is a few edits.
 */
import {
  ButtonGroup, Heading1, Heading2, Paragraph, PrimaryActionButton, Table, TableBody, TableCaption, TableCell, TableHeader,
  TableHeaderCell, TableRow, Textbox,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Bericht, Probleem, Uitklap, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { formatDatum } from '../../platform/format.ts';
import { TekstVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useResultaatTarieven, useZetResultaatTarieven, type ResultaatTarief } from './api.ts';
import { SOORTEN, assen, kolomNaam, sleutel, versies, type Soort, type Versie } from './resultaattabel.ts';
import { centenUitEuro, euroInvoer, formatEuro } from '../../platform/geld.ts';

export function ResultaatTarievenPage() {
  usePageTitle('Resultaatgerichte tarieven');
  const tarieven = useResultaatTarieven();
  return (
    <>
      <Heading1>Resultaatgerichte tarieven</Heading1>
      <Paragraph appearance="lead">
        Bij resultaatgerichte bekostiging volgt het budget van een voorziening uit deze tabellen, niet uit een tarief per eenheid.
        Waar meer aanbieders aan één resultaat werken, houdt de hoofdaannemer het budget.
      </Paragraph>
      {tarieven.isPending ? <Laden tekst="De tabellen worden geladen…" /> : null}
      {tarieven.isError ? <Foutmelding fout={tarieven.error} /> : null}
      {tarieven.data ? SOORTEN.map((s) => <SoortSectie key={s.soort} s={s} rijen={tarieven.data} />) : null}
    </>
  );
}

function SoortSectie({ s, rijen }: { s: Soort; rijen: ResultaatTarief[] }) {
  const lijst = versies(rijen, s);
  const kopId = `soort-${s.soort}`;
  return (
    <section className="eenvoud-sectie" aria-labelledby={kopId}>
      <Heading2 id={kopId}>{s.titel}</Heading2>
      <Paragraph className="eenvoud-uitleg">{s.uitleg}</Paragraph>
      {lijst.length === 0 ? <Paragraph className="eenvoud-leeg">Er is nog geen tabel.</Paragraph> : null}
      {lijst.map((v) => <VersieTabel key={`${v.productcode}-${v.van}`} s={s} v={v} />)}
      <NieuweVersie s={s} basis={lijst[0] ?? null} />
    </section>
  );
}

function VersieTabel({ s, v }: { s: Soort; v: Versie }) {
  const { profielen, kolommen } = assen(s, v.regels);
  const bedrag = new Map(v.regels.map((r) => [sleutel(r.profiel, r.intensiteit, r.duurMaanden), r.bedragCents]));
  const titel = `${v.productcode}, geldig ${v.tot ? `van ${formatDatum(v.van)} tot en met ${formatDatum(v.tot)}` : `vanaf ${formatDatum(v.van)}`}`;
  return (
    <div className="eenvoud-tabel">
      <Table>
        <TableCaption>{titel}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{s.profielKop}</TableHeaderCell>
            {kolommen.map((k) => <TableHeaderCell key={`${k.intensiteit}-${k.duur}`} scope="col">{kolomNaam(k.intensiteit, k.duur)}</TableHeaderCell>)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {profielen.map((p) => (
            <TableRow key={p}>
              <TableHeaderCell scope="row">{p}</TableHeaderCell>
              {kolommen.map((k) => {
                const b = bedrag.get(sleutel(p, k.intensiteit, k.duur));
                return <TableCell key={`${k.intensiteit}-${k.duur}`}>{b === undefined ? '–' : formatEuro(b)}</TableCell>;
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function NieuweVersie({ s, basis }: { s: Soort; basis: Versie | null }) {
  const zet = useZetResultaatTarieven();
  const { probleem, setProbleem, fouten } = useProbleem();
  const { profielen, kolommen } = assen(s, basis?.regels ?? []);
  const beginBedragen = () => Object.fromEntries((basis?.regels ?? []).map((r) => [sleutel(r.profiel, r.intensiteit, r.duurMaanden), euroInvoer(r.bedragCents)]));
  const [productcode, setProductcode] = useState(basis?.productcode ?? s.standaardCode);
  const [van, setVan] = useState('');
  const [bedragen, setBedragen] = useState<Record<string, string>>(beginBedragen);
  const [foutCellen, setFoutCellen] = useState<string[]>([]);
  const [bericht, setBericht] = useState<string | null>(null);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setBericht(null);
    const cellen = profielen.flatMap((profiel) => kolommen.map((k) => ({ profiel, ...k, tekst: bedragen[sleutel(profiel, k.intensiteit, k.duur)] ?? '' })));
    const fout = cellen.filter((c) => centenUitEuro(c.tekst) === null).map((c) => sleutel(c.profiel, c.intensiteit, c.duur));
    setFoutCellen(fout);
    if (fout.length > 0) return;
    zet.mutate({
      wet: s.wet, productcode: productcode.trim().toUpperCase(), van,
      regels: cellen.map((c) => ({ profiel: c.profiel, intensiteit: c.intensiteit, duurMaanden: c.duur, bedragCents: centenUitEuro(c.tekst)! })),
    }, {
      onSuccess: () => {
        setBericht(`De nieuwe tabel voor ${productcode.toUpperCase()} geldt vanaf ${formatDatum(van)}.`);
        setVan('');
      },
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };

  const prefix = `resultaat-${s.soort}`;
  return (
    <>
      <Bericht tekst={bericht} />
      <Uitklap titel={`Nieuwe versie vanaf een datum (${s.soort === 'jeugdprofiel' ? 'Jeugd' : 'Wmo begeleiding'})`}>
        <Probleem probleem={probleem} />
        {foutCellen.length > 0 ? (
          <p className="eenvoud-groepsfout" role="alert">Vul in elke cel een bedrag in euro in, bijvoorbeeld 2.800,00. {foutCellen.length === 1 ? 'Eén cel is' : `${foutCellen.length} cellen zijn`} niet goed.</p>
        ) : null}
        <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-form--breed" aria-label={`Nieuwe versie van ${s.titel}`}>
          <div className="eenvoud-rij">
            <TekstVeld naam={`${prefix}-productcode`} label="Productcode" verplicht maxLength={5} className="eenvoud-breedte-6" autoComplete="off"
              value={productcode} onChange={(e) => setProductcode(e.target.value)} fout={fouten.productcode} />
            <TekstVeld naam={`${prefix}-van`} label="Geldig vanaf" type="date" verplicht value={van} onChange={(e) => setVan(e.target.value)} fout={fouten.van} />
          </div>
          <div className="eenvoud-tabel">
            <Table>
              <TableCaption>Bedragen in euro{basis ? ' (ingevuld met de nieuwste versie)' : ''}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{s.profielKop}</TableHeaderCell>
                  {kolommen.map((k) => <TableHeaderCell key={`${k.intensiteit}-${k.duur}`} scope="col">{kolomNaam(k.intensiteit, k.duur)}</TableHeaderCell>)}
                </TableRow>
              </TableHeader>
              <TableBody>
                {profielen.map((p) => (
                  <TableRow key={p}>
                    <TableHeaderCell scope="row">{p}</TableHeaderCell>
                    {kolommen.map((k) => {
                      const sl = sleutel(p, k.intensiteit, k.duur);
                      return (
                        <TableCell key={sl}>
                          <Textbox aria-label={`${s.profielKop} ${p}, ${kolomNaam(k.intensiteit, k.duur).toLowerCase()}, in euro`} inputMode="decimal"
                            autoComplete="off" className="eenvoud-breedte-10" invalid={foutCellen.includes(sl)} value={bedragen[sl] ?? ''}
                            onChange={(e) => setBedragen((o) => ({ ...o, [sl]: e.target.value }))} />
                        </TableCell>
                      );
                    })}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={zet.isPending} disabled={zet.isPending}>Nieuwe versie opslaan</PrimaryActionButton>
          </ButtonGroup>
        </form>
      </Uitklap>
    </>
  );
}
