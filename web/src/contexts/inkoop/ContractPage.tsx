/**
 * One contract for the inkoper: period, perceel, hoofdaannemer and onderaannemers, and the product
 * table with the tariff valid today. Per product the tariff history and a new tariff from a date (the
 * API ends the previous one the day before); a taakgericht product's fixed amount per month, which
 * the payment run pays without declarations, is changed here too. A product can be added; the table goes out and comes in
 * as CSV or Excel, with a report of the lines that were taken and those that were refused.
 */
import {
  Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading1, Heading2, Heading3,
  Paragraph, PrimaryActionButton, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiProblem } from '../../platform/api.ts';
import { Bericht, Probleem, Uitklap, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { formatDatum } from '../../platform/format.ts';
import { AankruisVeld, TekstVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import {
  bekostigingNaam, categorieNaam, eenheidNaam, exportUrl, frequentieNaam, useContract, useImporteer, useNieuwTarief, useVoegProductToe, useZetMaandbedrag, wetNaam,
  type Contract, type ContractProduct, type ImportVerslag,
} from './api.ts';
import { periode } from './AanbiederPage.tsx';
import { centenUitEuro, euroInvoer, formatEuro } from '../../platform/geld.ts';
import { ProductVelden, legeProductRij, naarProductInvoer, type ProductRij } from './ProductVelden.tsx';

export function ContractPage() {
  const { id = '' } = useParams();
  const contract = useContract(id);
  usePageTitle(contract.data ? `Contract ${contract.data.nummer}` : 'Contract');
  if (contract.isPending) return <><Heading1>Contract</Heading1><Laden /></>;
  if (contract.isError) {
    const nietGevonden = contract.error instanceof ApiProblem && contract.error.status === 404;
    return (
      <>
        <Paragraph><RouterLink to="/inkoop/aanbieders">Naar de aanbieders</RouterLink></Paragraph>
        <Heading1>{nietGevonden ? 'Contract niet gevonden' : 'Contract'}</Heading1>
        <Foutmelding fout={contract.error} />
      </>
    );
  }
  const c = contract.data;
  return (
    <>
      <Paragraph><RouterLink to={`/inkoop/aanbieders/${c.aanbieder.id}`}>Terug naar {c.aanbieder.naam}</RouterLink></Paragraph>
      <Heading1>Contract {c.nummer}</Heading1>
      <DataList className="eenvoud-datalist">
        <DataListItem><DataListKey>Looptijd</DataListKey><DataListValue>{periode(c.van, c.tot)}</DataListValue></DataListItem>
        <DataListItem><DataListKey>Perceel</DataListKey><DataListValue>{c.perceel ?? 'Geen'}</DataListValue></DataListItem>
        <DataListItem>
          <DataListKey>Hoofdaannemer</DataListKey>
          <DataListValue><RouterLink to={`/inkoop/aanbieders/${c.aanbieder.id}`}>{c.aanbieder.naam}</RouterLink> (AGB {c.aanbieder.agbCode})</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Onderaannemers</DataListKey>
          <DataListValue>
            {c.onderaannemers.length === 0 ? 'Geen' : (
              <ul className="eenvoud-kaal">
                {c.onderaannemers.map((o) => <li key={o.id}><RouterLink to={`/inkoop/aanbieders/${o.id}`}>{o.naam}</RouterLink> (AGB {o.agbCode})</li>)}
              </ul>
            )}
          </DataListValue>
        </DataListItem>
      </DataList>
      <Producten contract={c} />
      <Tarieven contract={c} />
      <ProductToevoegen contract={c} />
      <ExportImport contract={c} />
    </>
  );
}

function Producten({ contract }: { contract: Contract }) {
  return (
    <section className="eenvoud-sectie" aria-labelledby="producten-kop">
      <Heading2 id="producten-kop">Producten</Heading2>
      {contract.producten.length === 0 ? <Paragraph className="eenvoud-leeg">Dit contract heeft nog geen producten.</Paragraph> : (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Producten van contract {contract.nummer}, met het tarief van vandaag</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Wet</TableHeaderCell>
                <TableHeaderCell scope="col">Categorie</TableHeaderCell>
                <TableHeaderCell scope="col">Code</TableHeaderCell>
                <TableHeaderCell scope="col">Naam</TableHeaderCell>
                <TableHeaderCell scope="col">Eenheid</TableHeaderCell>
                <TableHeaderCell scope="col">Frequentie</TableHeaderCell>
                <TableHeaderCell scope="col">Bekostiging</TableHeaderCell>
                <TableHeaderCell scope="col">Tarief</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {contract.producten.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>{wetNaam(p.wet)}</TableCell>
                  <TableCell>{categorieNaam(p.wet, p.productcategorie)}</TableCell>
                  <TableCell>{p.productcode}</TableCell>
                  <TableCell>{p.naam}</TableCell>
                  <TableCell>{eenheidNaam(p.eenheid)}</TableCell>
                  <TableCell>{frequentieNaam(p.frequentie)}</TableCell>
                  <TableCell>{bekostigingNaam(p.bekostiging)}{p.resultaatgericht ? ', resultaatgericht' : ''}</TableCell>
                  <TableCell className="eenvoud-nowrap">
                    {p.bekostiging === 'taakgericht' ? (p.maandbedragCents === null ? 'Geen bedrag per maand' : `${formatEuro(p.maandbedragCents)} per maand`)
                      : p.resultaatgericht ? 'Zie resultaattabel' : p.tariefCents === null ? 'Geen geldig tarief' : `${formatEuro(p.tariefCents)} per ${eenheidNaam(p.eenheid)}`}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

function Tarieven({ contract }: { contract: Contract }) {
  if (contract.producten.length === 0) return null;
  return (
    <section className="eenvoud-sectie" aria-labelledby="tarieven-kop">
      <Heading2 id="tarieven-kop">Tarieven per product</Heading2>
      <Paragraph className="eenvoud-uitleg">Een nieuw tarief geldt vanaf de datum die u kiest; het vorige tarief loopt dan tot en met de dag ervoor.</Paragraph>
      {contract.producten.map((p) => <ProductTarieven key={p.id} contractId={contract.id} product={p} />)}
    </section>
  );
}

function ProductTarieven({ contractId, product }: { contractId: string; product: ContractProduct }) {
  const nieuw = useNieuwTarief(contractId);
  const { probleem, setProbleem, fouten } = useProbleem();
  const [van, setVan] = useState('');
  const [bedrag, setBedrag] = useState('');
  const [bedragFout, setBedragFout] = useState<string | undefined>();
  const [bericht, setBericht] = useState<string | null>(null);
  const kopId = `tarieven-${product.id}`;
  const prefix = `tarief-${product.id}`;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setBericht(null);
    const tariefCents = centenUitEuro(bedrag);
    setBedragFout(tariefCents === null ? 'Schrijf het tarief als een bedrag in euro, bijvoorbeeld 38,10.' : undefined);
    if (tariefCents === null) return;
    nieuw.mutate({ productId: product.id, van, tariefCents }, {
      onSuccess: () => {
        setBericht(`Het tarief van ${product.naam} is vanaf ${formatDatum(van)} ${formatEuro(tariefCents)}.`);
        setVan('');
        setBedrag('');
      },
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };

  return (
    <section aria-labelledby={kopId} className="eenvoud-blok">
      <Heading3 id={kopId}>{product.productcode} {product.naam}</Heading3>
      {product.resultaatgericht ? <Paragraph className="eenvoud-uitleg">Het budget komt uit de <RouterLink to="/inkoop/resultaattarieven">resultaatgerichte tarieven</RouterLink>.</Paragraph> : null}
      {product.bekostiging === 'taakgericht' ? <Maandbedrag contractId={contractId} product={product} /> : null}
      <div className="eenvoud-tabel">
        <Table>
          <TableCaption>Tariefhistorie van {product.productcode} {product.naam}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Van</TableHeaderCell>
              <TableHeaderCell scope="col">Tot en met</TableHeaderCell>
              <TableHeaderCell scope="col">Tarief per {eenheidNaam(product.eenheid)}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {product.tarieven.map((t) => (
              <TableRow key={`${t.van}`}>
                <TableCell>{formatDatum(t.van)}</TableCell>
                <TableCell>{t.tot ? formatDatum(t.tot) : 'Geen einddatum'}</TableCell>
                <TableCell>{formatEuro(t.tariefCents)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Bericht tekst={bericht} />
      <Uitklap titel={`Nieuw tarief vanaf een datum voor ${product.productcode}`}>
        <Probleem probleem={probleem} />
        <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label={`Nieuw tarief voor ${product.productcode} ${product.naam}`}>
          <div className="eenvoud-rij">
            <TekstVeld naam={`${prefix}-van`} label="Nieuw tarief vanaf" type="date" verplicht value={van} onChange={(e) => setVan(e.target.value)} fout={fouten.van} />
            <TekstVeld naam={`${prefix}-bedrag`} label={`Tarief in euro per ${eenheidNaam(product.eenheid)}`} verplicht inputMode="decimal" autoComplete="off"
              className="eenvoud-breedte-10" value={bedrag} onChange={(e) => setBedrag(e.target.value)} fout={bedragFout ?? fouten.tariefCents} />
          </div>
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={nieuw.isPending} disabled={nieuw.isPending}>Tarief opslaan</PrimaryActionButton>
          </ButtonGroup>
        </form>
      </Uitklap>
    </section>
  );
}

/** A taakgericht product's fixed amount per month: shown, and changed from the next month that is not paid yet. */
function Maandbedrag({ contractId, product }: { contractId: string; product: ContractProduct }) {
  const zet = useZetMaandbedrag(contractId);
  const { probleem, setProbleem, fouten } = useProbleem();
  const [bedrag, setBedrag] = useState(euroInvoer(product.maandbedragCents));
  const [bedragFout, setBedragFout] = useState<string | undefined>();
  const [bericht, setBericht] = useState<string | null>(null);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setBericht(null);
    const maandbedragCents = centenUitEuro(bedrag);
    setBedragFout(maandbedragCents === null
      ? (bedrag.trim() === '' ? 'Vul het bedrag per maand in euro in, bijvoorbeeld 12.500,00.' : 'Schrijf het bedrag per maand als een bedrag in euro, bijvoorbeeld 12.500,00.')
      : undefined);
    if (maandbedragCents === null) return;
    zet.mutate({ productId: product.id, maandbedragCents }, {
      onSuccess: () => setBericht(`Het bedrag per maand van ${product.naam} is ${formatEuro(maandbedragCents)}. De betaalrun betaalt dit vanaf de eerste maand die nog niet betaald is.`),
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };

  return (
    <>
      <Paragraph>
        Taakgericht: de aanbieder krijgt elke maand een vast bedrag, zonder declaraties per cliënt.
        Bedrag per maand: <strong>{product.maandbedragCents === null ? 'nog niet vastgelegd' : formatEuro(product.maandbedragCents)}</strong>.
      </Paragraph>
      <Bericht tekst={bericht} />
      <Uitklap titel={`Bedrag per maand wijzigen voor ${product.productcode}`}>
        <Probleem probleem={probleem} />
        <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label={`Bedrag per maand voor ${product.productcode} ${product.naam}`}>
          <TekstVeld naam={`maandbedrag-${product.id}`} label="Bedrag per maand (euro)" verplicht inputMode="decimal" autoComplete="off" className="eenvoud-breedte-10"
            value={bedrag} onChange={(e) => setBedrag(e.target.value)} fout={bedragFout ?? fouten.maandbedragCents} />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={zet.isPending} disabled={zet.isPending}>Bedrag per maand opslaan</PrimaryActionButton>
          </ButtonGroup>
        </form>
      </Uitklap>
    </>
  );
}

function ProductToevoegen({ contract }: { contract: Contract }) {
  const voegToe = useVoegProductToe(contract.id);
  const { probleem, setProbleem, fouten: apiFouten } = useProbleem();
  const [lokaal, setLokaal] = useState<Record<string, string>>({});
  const [rij, setRij] = useState<ProductRij>({ ...legeProductRij });
  const [van, setVan] = useState('');
  const [bericht, setBericht] = useState<string | null>(null);
  const fouten = { ...apiFouten, ...lokaal };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setBericht(null);
    const { invoer, fouten: eigen } = naarProductInvoer(rij);
    setLokaal(eigen);
    if (Object.keys(eigen).length > 0) return;
    voegToe.mutate({ ...invoer, ...(van ? { van } : {}) }, {
      onSuccess: () => {
        setBericht(`${invoer.productcode} ${invoer.naam} is aan het contract toegevoegd.`);
        setRij({ ...legeProductRij });
        setVan('');
      },
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };

  return (
    <section className="eenvoud-sectie" aria-labelledby="product-toevoegen-kop">
      <Heading2 id="product-toevoegen-kop">Product toevoegen</Heading2>
      <Bericht tekst={bericht} />
      <Uitklap titel="Een product aan dit contract toevoegen">
        <Probleem probleem={probleem} />
        <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-form--breed" aria-label="Product toevoegen">
          <ProductVelden legenda="Nieuw product" rij={rij} onChange={setRij} fouten={fouten} />
          <TekstVeld naam="van" label="Tarief geldt vanaf" type="date" beschrijving="Leeg: vanaf de ingangsdatum van het contract."
            value={van} onChange={(e) => setVan(e.target.value)} fout={fouten.van} />
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={voegToe.isPending} disabled={voegToe.isPending}>Product toevoegen</PrimaryActionButton>
          </ButtonGroup>
        </form>
      </Uitklap>
    </section>
  );
}

function ExportImport({ contract }: { contract: Contract }) {
  const importeer = useImporteer(contract.id);
  const [probleem, setProbleem] = useState<ApiProblem | null>(null);
  const [verslag, setVerslag] = useState<ImportVerslag | null>(null);
  const [geenBestand, setGeenBestand] = useState(false);
  const [allesOfNiets, setAllesOfNiets] = useState(true);
  const bestandRef = useRef<HTMLInputElement>(null);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setVerslag(null);
    const bestand = bestandRef.current?.files?.[0];
    setGeenBestand(!bestand);
    if (!bestand) {
      bestandRef.current?.focus();
      return;
    }
    importeer.mutate({ bestand, allesOfNiets }, {
      onSuccess: (v) => setVerslag(v),
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };

  return (
    <section className="eenvoud-sectie" aria-labelledby="uitwisselen-kop">
      <Heading2 id="uitwisselen-kop">Producttabel uitwisselen</Heading2>
      <Paragraph>
        <a className="utrecht-link utrecht-link--html-a" href={exportUrl(contract.id, 'csv')} download>Exporteren als CSV</a>
        {' · '}
        <a className="utrecht-link utrecht-link--html-a" href={exportUrl(contract.id, 'xlsx')} download>Exporteren als Excel</a>
      </Paragraph>
      <Heading3>Importeren</Heading3>
      <Paragraph className="eenvoud-uitleg">
        Een bestand met dezelfde kolommen als de export. Een nieuw product wordt toegevoegd; een bekend product met een ander tarief krijgt dat tarief
        vanaf de datum in de kolom Van. Elke regel wordt gecontroleerd; het verslag noemt per afgewezen regel de kolom en de reden.
      </Paragraph>
      <Probleem probleem={probleem} />
      <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label="Producttabel importeren">
        <FormField
          invalid={geenBestand}
          label={<FormLabel htmlFor="veld-bestand">Bestand (CSV of Excel)<span className="eenvoud-verplicht"> (verplicht)</span></FormLabel>}
          description={<FormFieldDescription id="veld-bestand-beschrijving">Een .csv-bestand (puntkomma's, zoals Excel het opslaat) of een .xlsx-werkmap.</FormFieldDescription>}
          input={(
            <input ref={bestandRef} id="veld-bestand" name="bestand" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={geenBestand ? 'veld-bestand-beschrijving veld-bestand-fout' : 'veld-bestand-beschrijving'} aria-invalid={geenBestand || undefined}
              onChange={() => setGeenBestand(false)} />
          )}
          errorMessage={geenBestand ? <FormFieldErrorMessage id="veld-bestand-fout">Kies een bestand om te importeren.</FormFieldErrorMessage> : undefined}
        />
        <AankruisVeld naam="allesOfNiets" label="Alles of niets: sla niets op als één regel wordt afgewezen"
          beschrijving="Zet dit uit om de goede regels wel op te slaan en alleen de afgewezen regels over te slaan."
          aan={allesOfNiets} onChange={setAllesOfNiets} />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" busy={importeer.isPending} disabled={importeer.isPending}>Importeren</Button>
        </ButtonGroup>
      </form>
      {verslag ? <Verslag verslag={verslag} /> : null}
    </section>
  );
}

function Verslag({ verslag }: { verslag: ImportVerslag }) {
  const regels = new Set(verslag.afgewezen.map((a) => a.regel)).size;
  const uitkomst = verslag.geschreven
    ? `De import is verwerkt: ${verslag.toegevoegd} toegevoegd, ${verslag.gewijzigd} gewijzigd, ${verslag.ongewijzigd} ongewijzigd, ${regels} ${regels === 1 ? 'regel' : 'regels'} afgewezen.`
    : regels > 0
      ? `Er is niets opgeslagen: ${regels} ${regels === 1 ? 'regel is' : 'regels zijn'} afgewezen. Verbeter het bestand, of zet "Alles of niets" uit om de goede regels wel op te slaan.`
      : 'Er was niets te wijzigen.';
  return (
    <div className="eenvoud-blok">
      <Bericht tekst={uitkomst} />
      <div className="eenvoud-tabel">
        <Table>
          <TableCaption>Verslag van de import</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
              <TableHeaderCell scope="col">Aantal regels</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            <TableRow><TableHeaderCell scope="row">Toegevoegd</TableHeaderCell><TableCell>{verslag.geschreven ? verslag.toegevoegd : 0}</TableCell></TableRow>
            <TableRow><TableHeaderCell scope="row">Gewijzigd</TableHeaderCell><TableCell>{verslag.geschreven ? verslag.gewijzigd : 0}</TableCell></TableRow>
            <TableRow><TableHeaderCell scope="row">Ongewijzigd</TableHeaderCell><TableCell>{verslag.ongewijzigd}</TableCell></TableRow>
            <TableRow><TableHeaderCell scope="row">Afgewezen</TableHeaderCell><TableCell>{regels}</TableCell></TableRow>
          </TableBody>
        </Table>
      </div>
      {verslag.afgewezen.length > 0 ? (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption>Afgewezen regels</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Regel</TableHeaderCell>
                <TableHeaderCell scope="col">Kolom</TableHeaderCell>
                <TableHeaderCell scope="col">Reden</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {verslag.afgewezen.map((a, i) => (
                <TableRow key={`${a.regel}-${a.veld}-${i}`}>
                  <TableCell>{a.regel}</TableCell>
                  <TableCell>{a.veld}</TableCell>
                  <TableCell>{a.reden}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
