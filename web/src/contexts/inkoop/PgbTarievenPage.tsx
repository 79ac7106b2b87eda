/** The pgb tariffs the gemeente sets per product (the budget of a persoonsgebonden budget), with their history and a new tariff from a date. */
import {
  ButtonGroup, Heading1, Heading2, Paragraph, PrimaryActionButton, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader,
  TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Bericht, Probleem, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { formatDatum } from '../../platform/format.ts';
import { KeuzeVeld, TekstVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { EENHEDEN, FREQUENTIES, WETTEN, eenheidNaam, frequentieNaam, usePgbTarieven, useZetPgbTarief, wetNaam } from './api.ts';
import { centenUitEuro, formatEuro } from '../../platform/geld.ts';

export function PgbTarievenPage() {
  usePageTitle('Pgb-tarieven');
  const tarieven = usePgbTarieven();
  const rijen = [...(tarieven.data ?? [])].sort((a, b) => a.wet.localeCompare(b.wet) || a.productcode.localeCompare(b.productcode) || b.van.localeCompare(a.van));
  return (
    <>
      <Heading1>Pgb-tarieven</Heading1>
      <Paragraph appearance="lead">Met een persoonsgebonden budget koopt de inwoner zelf in. Het budget volgt uit het pgb-tarief dat op de dag geldt.</Paragraph>
      {tarieven.isPending ? <Laden tekst="De tarieven worden geladen…" /> : null}
      {tarieven.isError ? <Foutmelding fout={tarieven.error} /> : null}
      {tarieven.data && rijen.length === 0 ? <Paragraph className="eenvoud-leeg">Er zijn nog geen pgb-tarieven.</Paragraph> : null}
      {rijen.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Pgb-tarieven, per product het nieuwste eerst</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Wet</TableHeaderCell>
                <TableHeaderCell scope="col">Productcode</TableHeaderCell>
                <TableHeaderCell scope="col">Eenheid</TableHeaderCell>
                <TableHeaderCell scope="col">Frequentie</TableHeaderCell>
                <TableHeaderCell scope="col">Tarief</TableHeaderCell>
                <TableHeaderCell scope="col">Van</TableHeaderCell>
                <TableHeaderCell scope="col">Tot en met</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rijen.map((t) => (
                <TableRow key={`${t.wet}-${t.productcode}-${t.van}`}>
                  <TableCell>{wetNaam(t.wet)}</TableCell>
                  <TableCell>{t.productcode}</TableCell>
                  <TableCell>{eenheidNaam(t.eenheid)}</TableCell>
                  <TableCell>{frequentieNaam(t.frequentie)}</TableCell>
                  <TableCell>{formatEuro(t.tariefCents)}</TableCell>
                  <TableCell>{formatDatum(t.van)}</TableCell>
                  <TableCell>{t.tot ? formatDatum(t.tot) : 'Geen einddatum'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      <NieuwPgbTarief />
    </>
  );
}

function NieuwPgbTarief() {
  const zet = useZetPgbTarief();
  const { probleem, setProbleem, fouten } = useProbleem();
  const [invoer, setInvoer] = useState({ wet: '', productcode: '', eenheid: '', frequentie: '', tarief: '', van: '' });
  const [bedragFout, setBedragFout] = useState<string | undefined>();
  const [bericht, setBericht] = useState<string | null>(null);
  const wijzig = (k: keyof typeof invoer) => (e: { target: { value: string } }) => setInvoer((o) => ({ ...o, [k]: e.target.value }));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setBericht(null);
    const tariefCents = centenUitEuro(invoer.tarief);
    setBedragFout(tariefCents === null ? 'Schrijf het tarief als een bedrag in euro, bijvoorbeeld 28,50.' : undefined);
    if (tariefCents === null) return;
    const productcode = invoer.productcode.trim().toUpperCase();
    zet.mutate({ wet: invoer.wet, productcode, eenheid: invoer.eenheid, frequentie: invoer.frequentie, tariefCents, van: invoer.van }, {
      onSuccess: () => {
        setBericht(`Het pgb-tarief van ${productcode} is vanaf ${formatDatum(invoer.van)} ${formatEuro(tariefCents)}.`);
        setInvoer({ wet: '', productcode: '', eenheid: '', frequentie: '', tarief: '', van: '' });
      },
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };

  return (
    <section className="eenvoud-sectie" aria-labelledby="nieuw-pgb-kop">
      <Heading2 id="nieuw-pgb-kop">Nieuw pgb-tarief</Heading2>
      <Paragraph className="eenvoud-uitleg">Een nieuw tarief voor een product dat al een tarief heeft, beëindigt het oude op de dag ervoor.</Paragraph>
      <Bericht tekst={bericht} />
      <Probleem probleem={probleem} />
      <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label="Nieuw pgb-tarief">
        <div className="eenvoud-rij">
          <KeuzeVeld naam="wet" label="Wet" verplicht value={invoer.wet} onChange={wijzig('wet')} fout={fouten.wet}>
            <SelectOption value="">Kies een wet</SelectOption>
            {WETTEN.map((w) => <SelectOption key={w.code} value={w.code}>{w.naam}</SelectOption>)}
          </KeuzeVeld>
          <TekstVeld naam="productcode" label="Productcode" verplicht maxLength={5} className="eenvoud-breedte-6" autoComplete="off"
            value={invoer.productcode} onChange={wijzig('productcode')} fout={fouten.productcode} />
        </div>
        <div className="eenvoud-rij">
          <KeuzeVeld naam="eenheid" label="Eenheid" verplicht value={invoer.eenheid} onChange={wijzig('eenheid')} fout={fouten.eenheid}>
            <SelectOption value="">Kies een eenheid</SelectOption>
            {EENHEDEN.map((x) => <SelectOption key={x.code} value={x.code}>{x.naam}</SelectOption>)}
          </KeuzeVeld>
          <KeuzeVeld naam="frequentie" label="Frequentie" verplicht value={invoer.frequentie} onChange={wijzig('frequentie')} fout={fouten.frequentie}>
            <SelectOption value="">Kies een frequentie</SelectOption>
            {FREQUENTIES.map((x) => <SelectOption key={x.code} value={x.code}>{x.naam}</SelectOption>)}
          </KeuzeVeld>
        </div>
        <div className="eenvoud-rij">
          <TekstVeld naam="tariefCents" label="Tarief in euro" verplicht inputMode="decimal" autoComplete="off" className="eenvoud-breedte-10"
            value={invoer.tarief} onChange={wijzig('tarief')} fout={bedragFout ?? fouten.tariefCents} />
          <TekstVeld naam="van" label="Geldig vanaf" type="date" verplicht value={invoer.van} onChange={wijzig('van')} fout={fouten.van} />
        </div>
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={zet.isPending} disabled={zet.isPending}>Pgb-tarief opslaan</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </section>
  );
}
