/** For the inkoper: a new contract with an aanbieder (the hoofdaannemer), its onderaannemers and its product table. */
import { Button, ButtonGroup, Fieldset, FieldsetLegend, Heading1, Paragraph, PrimaryActionButton, SelectOption } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { AankruisVeld, FoutSamenvatting, KeuzeVeld, TekstVeld, foutregels, type Foutregel } from '../../platform/form.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useAanbieders, useMaakContract } from './api.ts';
import { PRODUCT_VELDEN, ProductVelden, legeProductRij, naarProductInvoer, type ProductRij } from './ProductVelden.tsx';

const VELDEN: Record<string, string> = {
  aanbiederId: 'Aanbieder', nummer: 'Contractnummer', perceel: 'Perceel', van: 'Ingangsdatum', tot: 'Einddatum', onderaannemers: 'Onderaannemers',
};

export function NieuwContractPage() {
  usePageTitle('Nieuw contract');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const aanbieders = useAanbieders({ actief: 'true' });
  const maak = useMaakContract();
  const { probleem, setProbleem, fouten: apiFouten } = useProbleem();
  const [lokaal, setLokaal] = useState<Record<string, string>>({});
  const [samenvatting, setSamenvatting] = useState<Foutregel[] | null>(null);
  const [kop, setKop] = useState({ aanbiederId: params.get('aanbiederId') ?? '', nummer: '', perceel: '', van: '', tot: '' });
  const [onderaannemers, setOnderaannemers] = useState<string[]>([]);
  const [rijen, setRijen] = useState<ProductRij[]>([{ ...legeProductRij }]);
  const nieuweRij = useRef<HTMLDivElement>(null);
  const fouten = { ...apiFouten, ...lokaal };
  const zet = (k: keyof typeof kop) => (e: { target: { value: string } }) => setKop((o) => ({ ...o, [k]: e.target.value }));
  const hoofd = aanbieders.data?.find((a) => a.id === kop.aanbiederId);
  const aanbiederTerug = params.get('aanbiederId');

  const velden = (): Record<string, string> => {
    const v: Record<string, string> = { ...VELDEN };
    rijen.forEach((_, i) => {
      for (const [k, label] of Object.entries(PRODUCT_VELDEN)) v[`producten.${i}.${k}`] = `${label} (product ${i + 1})`;
    });
    return v;
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    const omgezet = rijen.map((r, i) => naarProductInvoer(r, `producten.${i}.`));
    const eigen = Object.assign({}, ...omgezet.map((o) => o.fouten)) as Record<string, string>;
    setLokaal(eigen);
    if (Object.keys(eigen).length > 0) {
      const v = velden();
      setSamenvatting(Object.entries(eigen).map(([naam, tekst]) => ({ naam, tekst: `${v[naam] ?? naam}: ${tekst}` })));
      return;
    }
    maak.mutate({
      aanbiederId: kop.aanbiederId, nummer: kop.nummer.trim() || null, perceel: kop.perceel.trim() || null, van: kop.van, tot: kop.tot || null,
      onderaannemers: onderaannemers.filter((o) => o !== kop.aanbiederId), producten: omgezet.map((o) => o.invoer),
    }, {
      onSuccess: (c) => navigate(`/inkoop/contracten/${c.id}`),
      onError: (err) => {
        const p = alsProbleem(err);
        setProbleem(p);
        setSamenvatting(p.invalidParams.length > 0 ? foutregels(p, velden()) : [{ tekst: p.detail }]);
      },
    });
  };

  const voegRijToe = () => {
    setRijen((r) => [...r, { ...legeProductRij }]);
    // The new row's first field gets focus, so a keyboard user goes on where the row appeared.
    setTimeout(() => nieuweRij.current?.querySelector<HTMLElement>('select, input')?.focus(), 0);
  };

  return (
    <>
      <Paragraph><RouterLink to={aanbiederTerug ? `/inkoop/aanbieders/${aanbiederTerug}` : '/inkoop/aanbieders'}>{aanbiederTerug ? 'Terug naar de aanbieder' : 'Terug naar de aanbieders'}</RouterLink></Paragraph>
      <Heading1>Nieuw contract</Heading1>
      {samenvatting ? <FoutSamenvatting titel={probleem && !probleem.invalidParams.length ? 'Het contract is niet opgeslagen' : undefined} fouten={samenvatting} /> : null}
      <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-form--breed" aria-label="Nieuw contract">
        <KeuzeVeld naam="aanbiederId" label="Aanbieder (hoofdaannemer)" verplicht value={kop.aanbiederId} onChange={zet('aanbiederId')} fout={fouten.aanbiederId}
          beschrijving="De hoofdaannemer houdt het budget en het resultaat; onderaannemers werken onder hem.">
          <SelectOption value="">Kies een aanbieder</SelectOption>
          {(aanbieders.data ?? []).map((a) => <SelectOption key={a.id} value={a.id}>{a.naam} ({a.agbCode})</SelectOption>)}
        </KeuzeVeld>
        <div className="eenvoud-rij">
          <TekstVeld naam="nummer" label="Contractnummer" maxLength={50} beschrijving="Leeg: Eenvoud geeft het contract een volgnummer."  autoComplete="off" value={kop.nummer} onChange={zet('nummer')} fout={fouten.nummer} />
          <TekstVeld naam="perceel" label="Perceel" maxLength={100} autoComplete="off" beschrijving="Het perceel of de kavel van de aanbesteding, als dat er is."
            value={kop.perceel} onChange={zet('perceel')} fout={fouten.perceel} />
        </div>
        <div className="eenvoud-rij">
          <TekstVeld naam="van" label="Ingangsdatum" type="date" verplicht value={kop.van} onChange={zet('van')} fout={fouten.van} />
          <TekstVeld naam="tot" label="Einddatum" type="date" beschrijving="Leeg: voor onbepaalde tijd." value={kop.tot} onChange={zet('tot')} fout={fouten.tot} />
        </div>
        <Fieldset>
          <FieldsetLegend>Onderaannemers</FieldsetLegend>
          {fouten.onderaannemers ? <p className="eenvoud-groepsfout">{fouten.onderaannemers}</p> : null}
          <Paragraph className="eenvoud-uitleg">Kruis niets aan als de aanbieder alles zelf levert.</Paragraph>
          <div>
            {(aanbieders.data ?? []).filter((a) => a.id !== kop.aanbiederId).map((a, i) => (
              <AankruisVeld key={a.id} naam={i === 0 ? 'onderaannemers' : `onderaannemers-${a.id}`} label={`${a.naam} (${a.agbCode})`}
                aan={onderaannemers.includes(a.id)}
                onChange={(aan) => setOnderaannemers((o) => (aan ? [...o, a.id] : o.filter((x) => x !== a.id)))} />
            ))}
          </div>
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>Producten</FieldsetLegend>
          {hoofd ? <Paragraph className="eenvoud-uitleg">Het tarief geldt vanaf de ingangsdatum van het contract. Een nieuw tarief zet u later op de contractpagina.</Paragraph> : null}
          {rijen.map((rij, i) => (
            <div key={i} ref={i === rijen.length - 1 ? nieuweRij : undefined}>
              <ProductVelden prefix={`producten.${i}.`} legenda={`Product ${i + 1}`} rij={rij} fouten={fouten}
                onChange={(r) => setRijen((alle) => alle.map((x, j) => (j === i ? r : x)))}
                extra={rijen.length > 1 ? (
                  <ButtonGroup>
                    <Button appearance="subtle-button" type="button" onClick={() => setRijen((alle) => alle.filter((_, j) => j !== i))}>
                      Product {i + 1} verwijderen
                    </Button>
                  </ButtonGroup>
                ) : undefined} />
            </div>
          ))}
          <ButtonGroup>
            <Button appearance="secondary-action-button" type="button" onClick={voegRijToe}>Nog een product</Button>
          </ButtonGroup>
        </Fieldset>
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={maak.isPending} disabled={maak.isPending}>Contract opslaan</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
