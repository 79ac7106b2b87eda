/**
 * The decision form's link to inkoop: which contracted product a granted product is (from the
 * catalogue item, or chosen here when the item names none), its unit and period as the contract has
 * them, and the budget the API computed after deciding. The amount is never typed in: the budget
 * follows from the contract (issue 13, point 4).
 */
import { Paragraph, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api.ts';
import { KeuzeVeld } from '../../platform/form.tsx';
import { formatDatum, vandaag } from '../../platform/format.ts';
import { Laden } from '../../platform/guards.tsx';
import { EENHEDEN, FREQUENTIES, formatEuro } from './regels.ts';

/** A contracted product: its code, name, and the unit (WJ756) and frequency (WMO757) the contract counts in. */
export interface ContractProduct {
  productcode: string;
  productcategorie: string | null;
  naam: string;
  eenheid: string;
  frequentie: string;
  /** Result-based: the budget comes from the table (profile or complexity × intensity), not from the tariff. */
  resultaatgericht?: boolean;
}

/** The decision's word for a WJ756 unit (the API reads both): '04' → 'uur'. */
export const eenheidWoord = (code: string): string => ({ '01': 'minuut', '04': 'uur', '14': 'etmaal', '16': 'dagdeel', '82': 'stuks', '83': 'euro', '84': 'stuks' } as Record<string, string>)[code] ?? code;
/** The decision's periode for a WMO757 frequentie: '2' → 'week'. */
export const periodeVan = (frequentie: string): string | undefined => ({ 1: 'dag', 2: 'week', 4: 'maand', 6: 'totaal' } as Record<string, string>)[frequentie];

/** The products a beslisser can choose for a law: the catalogue's maatwerk items that name a contracted product, one per code. */
/**
 * What the beslisser can choose for a law: the products some aanbieder is contracted for today (also
 * for laws whose catalogue names no codes, such as schuldhulp and minima), named as the catalogue
 * names them where it does.
 */
async function laadProductKeuzes(wet: string, signal: AbortSignal): Promise<{ productcode: string; naam: string }[]> {
  const [items, contract] = await Promise.all([
    api<{ naam: string; productcode: string | null }[]>('/catalogus', { signal, query: { domein: wet } }),
    api<{ productcode: string; naam: string }[]>('/gecontracteerde-producten', { signal, query: { wet, datum: vandaag() } }),
  ]);
  const perCode = new Map<string, { productcode: string; naam: string }>();
  for (const i of items) if (i.productcode && !perCode.has(i.productcode)) perCode.set(i.productcode, { productcode: i.productcode, naam: i.naam });
  for (const c of contract) if (!perCode.has(c.productcode)) perCode.set(c.productcode, c);
  return [...perCode.values()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}

/** The contract's facts for one product today (from whichever aanbieder holds it); null: nobody is contracted for it. */
async function laadContractProduct(wet: string, productcode: string, signal: AbortSignal): Promise<ContractProduct | null> {
  const rijen = await api<ContractProduct[]>('/gecontracteerd', { signal, query: { wet, productcode, datum: vandaag() } });
  return rijen[0] ?? null;
}

/**
 * Per aanvraag product: the product code its catalogue item names, the products of its law to choose
 * from when it names none, and the contract's unit and frequency for the code in force (fixed or chosen).
 */
export function useBesluitProducten(producten: { wet: string; catalogusItemId: string | null }[], gekozen: readonly string[]) {
  const items = useQueries({
    queries: producten.map((p) => ({
      queryKey: ['catalogus', 'item', p.catalogusItemId ?? ''],
      queryFn: ({ signal }: { signal: AbortSignal }) => api<{ productcode: string | null }>(`/catalogus/${encodeURIComponent(p.catalogusItemId ?? '')}`, { signal }),
      enabled: !!p.catalogusItemId,
      staleTime: 60_000,
    })),
  });
  const wetten = [...new Set(producten.map((p) => p.wet))];
  const keuzes = useQueries({
    queries: wetten.map((wet) => ({
      queryKey: ['catalogus', 'productkeuzes', wet],
      queryFn: ({ signal }: { signal: AbortSignal }) => laadProductKeuzes(wet, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const vast = producten.map((p, i) => (p.catalogusItemId ? items[i]?.data?.productcode ?? null : null));
  const code = producten.map((_, i) => vast[i] ?? gekozen[i] ?? '');
  const info = useQueries({
    queries: producten.map((p, i) => ({
      queryKey: ['gecontracteerd', p.wet, code[i]],
      queryFn: ({ signal }: { signal: AbortSignal }) => laadContractProduct(p.wet, code[i]!, signal),
      enabled: code[i] !== '',
      staleTime: 5 * 60_000,
    })),
  });
  return producten.map((p, i) => {
    const k = keuzes[wetten.indexOf(p.wet)];
    return {
      /** The code the catalogue item fixes; null: the beslisser chooses one. */
      vast: vast[i] ?? null,
      opties: k?.data ?? [],
      /** The contract's facts for the code in force; null while unknown or not contracted. */
      product: info[i]?.data ?? null,
      nietGecontracteerd: code[i] !== '' && info[i]?.isSuccess === true && info[i]?.data === null,
      laden: (!!p.catalogusItemId && items[i]?.isPending === true) || k?.isPending === true,
      fout: k?.isError === true,
    };
  });
}

/** The contracted product of one decision line: fixed by the catalogue, or a choice among the law's products. */
export function ProductcodeVeld({ naam, vast, opties, product, nietGecontracteerd, laden, fout, waarde, onChange, veldFout }: {
  naam: string; vast: string | null; opties: { productcode: string; naam: string }[]; product: ContractProduct | null; nietGecontracteerd: boolean;
  laden: boolean; fout: boolean; waarde: string; onChange: (code: string) => void; veldFout?: string | undefined;
}) {
  if (laden) return <Laden tekst="De producten uit het contract worden geladen…" />;
  const waarschuwing = nietGecontracteerd
    ? <Paragraph className="eenvoud-groepsfout">Voor dit product heeft vandaag geen aanbieder een contract: het budget kan niet worden berekend. Vraag de inkoper.</Paragraph>
    : null;
  if (vast) {
    return (
      <>
        <Paragraph>
          <strong>Product uit het contract:</strong> {product ? `${product.naam} (${vast})` : vast}
          {product ? <span className="eenvoud-gedimd"> — in {eenheidBeschrijving(product)}</span> : null}
        </Paragraph>
        {waarschuwing}
      </>
    );
  }
  return (
    <>
      <KeuzeVeld naam={naam} label="Product uit het contract" verplicht value={waarde} onChange={(e) => onChange(e.target.value)} fout={veldFout}
        beschrijving={fout ? 'De producten konden niet worden geladen.' : opties.length === 0
          ? 'Voor deze wet heeft vandaag geen aanbieder een contract. Vraag de inkoper om het product te contracteren.'
          : 'Kies het product zoals de aanbieders het leveren. Eenheid, periode en budget volgen het contract.'}>
        <SelectOption value="">Kies een product</SelectOption>
        {opties.map((o) => <SelectOption key={o.productcode} value={o.productcode}>{o.naam} ({o.productcode})</SelectOption>)}
      </KeuzeVeld>
      {waarschuwing}
    </>
  );
}

export const eenheidBeschrijving = (p: ContractProduct): string =>
  `${EENHEDEN[p.eenheid]?.meer ?? p.eenheid} ${FREQUENTIES[p.frequentie] ?? ''}`.trim();

/** A product of the beschikking as the API gives it after deciding, with the computed budget. */
interface BeschikkingMetBudget {
  producten: { omschrijving: string; uitkomst: string; productcode?: string | null; budgetCents?: number | null; budgetTot?: string | null; ingangsdatum: string | null }[];
}

/** After deciding: the budget per granted product, computed by the API from the contract. */
export function BudgetNaBesluit({ beschikkingId }: { beschikkingId: string }) {
  const b = useQuery({
    queryKey: ['beschikkingen', beschikkingId],
    queryFn: ({ signal }) => api<BeschikkingMetBudget>(`/beschikkingen/${encodeURIComponent(beschikkingId)}`, { signal }),
  });
  const rijen = (b.data?.producten ?? []).filter((p) => p.uitkomst !== 'afgewezen' && p.budgetCents !== undefined && p.budgetCents !== null);
  if (b.isPending) return <Laden tekst="Het budget wordt berekend…" />;
  if (rijen.length === 0) return null;
  return (
    <div className="eenvoud-tabel">
      <Table>
        <TableCaption>Budget per toegekend product, berekend uit het contract</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Product</TableHeaderCell>
            <TableHeaderCell scope="col">Budget</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rijen.map((p, i) => (
            <TableRow key={`${p.omschrijving}-${i}`}>
              <TableCell>{p.omschrijving}</TableCell>
              <TableCell className="eenvoud-nowrap">
                {formatEuro(p.budgetCents)}
                {p.ingangsdatum && p.budgetTot ? <span className="eenvoud-gedimd"> ({formatDatum(p.ingangsdatum)} tot en met {formatDatum(p.budgetTot)})</span> : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * A result-based product (Jeugd profile, Wmo begeleiding): the decision names the profile (Jeugd) or
 * complexity (Wmo) and the intensity, as the inkoper's table has them today; the budget follows from it.
 */
export function ResultaatVelden({ pre, wet, productcode, profiel, intensiteit, onChange, fouten }: {
  pre: string; wet: string; productcode: string; profiel: string; intensiteit: string;
  onChange: (veld: 'profiel' | 'intensiteit', waarde: string) => void; fouten: Record<string, string>;
}) {
  const tabel = useQuery({
    queryKey: ['resultaattarieven', wet, productcode],
    queryFn: ({ signal }) => api<{ profiel: string; intensiteit: string }[]>('/resultaattarieven', { signal, query: { wet, productcode, datum: vandaag() } }),
    staleTime: 5 * 60_000,
  });
  const uniek = (l: string[]) => [...new Set(l)].sort((a, b) => a.localeCompare(b, 'nl', { numeric: true }));
  const profielen = uniek((tabel.data ?? []).map((r) => r.profiel));
  const intensiteiten = uniek((tabel.data ?? []).map((r) => r.intensiteit));
  const profielLabel = wet === 'jeugdwet' ? 'Profiel' : 'Complexiteit';
  return (
    <div className="eenvoud-rij">
      <KeuzeVeld naam={`${pre}.resultaat.profiel`} label={profielLabel} verplicht busy={tabel.isPending} value={profiel}
        onChange={(e) => onChange('profiel', e.target.value)} fout={fouten[`${pre}.resultaat.profiel`] ?? fouten[`${pre}.resultaat`]}
        beschrijving="Resultaatgerichte bekostiging: het budget volgt uit de tabel van de inkoper.">
        <SelectOption value="">Kies</SelectOption>
        {profielen.map((x) => <SelectOption key={x} value={x}>{x}</SelectOption>)}
      </KeuzeVeld>
      <KeuzeVeld naam={`${pre}.resultaat.intensiteit`} label="Intensiteit" verplicht busy={tabel.isPending} value={intensiteit}
        onChange={(e) => onChange('intensiteit', e.target.value)} fout={fouten[`${pre}.resultaat.intensiteit`]}>
        <SelectOption value="">Kies</SelectOption>
        {intensiteiten.map((x) => <SelectOption key={x} value={x}>{x}</SelectOption>)}
      </KeuzeVeld>
    </div>
  );
}
