/**
 * The fields of one contract product (law, iStandaard category and code, unit, frequency, bekostiging,
 * tariff in euros, and for taakgericht the amount per month), used for a new contract's product table and for adding a product to a contract.
 * Field names are the API's paths (with a prefix like 'producten.0.'), so the error summary links to them.
 */
import { Fieldset, FieldsetLegend, SelectOption } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { AankruisVeld, KeuzeVeld, TekstVeld } from '../../platform/form.tsx';
import { BEKOSTIGINGEN, EENHEDEN, FREQUENTIES, PRODUCTCATEGORIEEN, WETTEN, type ProductInvoer } from './api.ts';
import { centenUitEuro } from '../../platform/geld.ts';

export interface ProductRij {
  wet: string; productcategorie: string; productcode: string; naam: string; eenheid: string; frequentie: string;
  bekostiging: string; resultaatgericht: boolean; capaciteit: string; tarief: string; maandbedrag: string;
}

export const legeProductRij: ProductRij = {
  wet: '', productcategorie: '', productcode: '', naam: '', eenheid: '', frequentie: '', bekostiging: '', resultaatgericht: false, capaciteit: '', tarief: '', maandbedrag: '',
};

/** The field labels by API field name (without prefix), for the error summary. */
export const PRODUCT_VELDEN: Record<string, string> = {
  wet: 'Wet', productcategorie: 'Productcategorie', productcode: 'Productcode', naam: 'Productnaam', eenheid: 'Eenheid', frequentie: 'Frequentie',
  bekostiging: 'Bekostiging', resultaatgericht: 'Resultaatgericht', capaciteit: 'Capaciteit', tariefCents: 'Tarief', maandbedragCents: 'Bedrag per maand',
};

/**
 * The row as the API wants it, or the local field errors (an amount that is no amount never leaves the
 * browser as a guess). Everything else the API checks and names.
 */
export function naarProductInvoer(rij: ProductRij, prefix = ''): { invoer: ProductInvoer; fouten: Record<string, string> } {
  const fouten: Record<string, string> = {};
  const tariefCents = centenUitEuro(rij.tarief);
  if (tariefCents === null) {
    fouten[`${prefix}tariefCents`] = rij.tarief.trim() === ''
      ? 'Vul het tarief in euro in, bijvoorbeeld 36,45.'
      : 'Schrijf het tarief als een bedrag in euro met hoogstens twee cijfers achter de komma, bijvoorbeeld 36,45.';
  }
  // Only a taakgericht product has an amount per month; the field is hidden (and ignored) for the others.
  const taakgericht = rij.bekostiging === 'taakgericht';
  const maandbedragCents = taakgericht ? centenUitEuro(rij.maandbedrag) : null;
  if (taakgericht && maandbedragCents === null) {
    fouten[`${prefix}maandbedragCents`] = rij.maandbedrag.trim() === ''
      ? 'Vul het bedrag per maand in euro in, bijvoorbeeld 12.500,00.'
      : 'Schrijf het bedrag per maand als een bedrag in euro met hoogstens twee cijfers achter de komma, bijvoorbeeld 12.500,00.';
  }
  const capaciteit = rij.capaciteit.trim() === '' ? null : Number(rij.capaciteit);
  if (capaciteit !== null && (!Number.isInteger(capaciteit) || capaciteit < 1)) fouten[`${prefix}capaciteit`] = 'Vul een heel aantal cliënten in, of laat het leeg.';
  return {
    invoer: {
      wet: rij.wet, productcategorie: rij.productcategorie || null, productcode: rij.productcode.trim().toUpperCase(), naam: rij.naam.trim(),
      eenheid: rij.eenheid, frequentie: rij.frequentie, bekostiging: rij.bekostiging, resultaatgericht: rij.resultaatgericht,
      capaciteit: capaciteit !== null && Number.isInteger(capaciteit) ? capaciteit : null, tariefCents: tariefCents ?? 0, maandbedragCents,
    },
    fouten,
  };
}

export function ProductVelden({ prefix = '', rij, onChange, fouten, legenda, extra }: {
  prefix?: string;
  rij: ProductRij;
  onChange: (rij: ProductRij) => void;
  fouten: Record<string, string>;
  legenda: string;
  extra?: ReactNode;
}) {
  const zet = (k: keyof ProductRij) => (e: { target: { value: string } }) => onChange({ ...rij, [k]: e.target.value });
  const f = (k: string) => fouten[`${prefix}${k}`];
  const categorieen = PRODUCTCATEGORIEEN[rij.wet] ?? [];
  return (
    <Fieldset className="eenvoud-subfieldset">
      <FieldsetLegend>{legenda}</FieldsetLegend>
      <div className="eenvoud-rij">
        <KeuzeVeld naam={`${prefix}wet`} label="Wet" verplicht value={rij.wet} fout={f('wet')}
          onChange={(e) => onChange({ ...rij, wet: e.target.value, productcategorie: '' })}>
          <SelectOption value="">Kies een wet</SelectOption>
          {WETTEN.map((w) => <SelectOption key={w.code} value={w.code}>{w.naam}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam={`${prefix}productcategorie`} label="Productcategorie" value={rij.productcategorie} onChange={zet('productcategorie')}
          fout={f('productcategorie')} disabled={categorieen.length === 0}
          beschrijving={categorieen.length === 0 ? 'Alleen voor Wmo (WMO020) en Jeugdwet (JZ020).' : undefined}>
          <SelectOption value="">{categorieen.length === 0 ? 'Geen' : 'Kies een categorie'}</SelectOption>
          {categorieen.map((c) => <SelectOption key={c.code} value={c.code}>{c.code} {c.naam}</SelectOption>)}
        </KeuzeVeld>
      </div>
      <div className="eenvoud-rij">
        <TekstVeld naam={`${prefix}productcode`} label="Productcode" verplicht maxLength={5} className="eenvoud-breedte-6" autoComplete="off"
          beschrijving="5 tekens, bijvoorbeeld 01A01." value={rij.productcode} onChange={zet('productcode')} fout={f('productcode')} />
        <TekstVeld naam={`${prefix}naam`} label="Productnaam" verplicht maxLength={200} value={rij.naam} onChange={zet('naam')} fout={f('naam')} />
      </div>
      <div className="eenvoud-rij">
        <KeuzeVeld naam={`${prefix}eenheid`} label="Eenheid" verplicht value={rij.eenheid} onChange={zet('eenheid')} fout={f('eenheid')}>
          <SelectOption value="">Kies een eenheid</SelectOption>
          {EENHEDEN.map((e) => <SelectOption key={e.code} value={e.code}>{e.naam}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam={`${prefix}frequentie`} label="Frequentie" verplicht value={rij.frequentie} onChange={zet('frequentie')} fout={f('frequentie')}>
          <SelectOption value="">Kies een frequentie</SelectOption>
          {FREQUENTIES.map((e) => <SelectOption key={e.code} value={e.code}>{e.naam}</SelectOption>)}
        </KeuzeVeld>
        <KeuzeVeld naam={`${prefix}bekostiging`} label="Bekostiging" verplicht value={rij.bekostiging} onChange={zet('bekostiging')} fout={f('bekostiging')}>
          <SelectOption value="">Kies de bekostiging</SelectOption>
          {BEKOSTIGINGEN.map((e) => <SelectOption key={e.code} value={e.code}>{e.naam}</SelectOption>)}
        </KeuzeVeld>
      </div>
      <div className="eenvoud-rij">
        <TekstVeld naam={`${prefix}tariefCents`} label="Tarief in euro" verplicht inputMode="decimal" autoComplete="off" className="eenvoud-breedte-10"
          beschrijving="Per eenheid, bijvoorbeeld 36,45." value={rij.tarief} onChange={zet('tarief')} fout={f('tariefCents')} />
        <TekstVeld naam={`${prefix}capaciteit`} label="Capaciteit" inputMode="numeric" autoComplete="off" className="eenvoud-breedte-6"
          beschrijving="Hoeveel cliënten tegelijk. Leeg: geen grens." value={rij.capaciteit} onChange={zet('capaciteit')} fout={f('capaciteit')} />
      </div>
      {rij.bekostiging === 'taakgericht' ? (
        <TekstVeld naam={`${prefix}maandbedragCents`} label="Bedrag per maand (euro)" verplicht inputMode="decimal" autoComplete="off" className="eenvoud-breedte-10"
          beschrijving="Het vaste bedrag dat de aanbieder elke maand krijgt, zonder declaraties per cliënt. Bijvoorbeeld 12.500,00."
          value={rij.maandbedrag} onChange={zet('maandbedrag')} fout={f('maandbedragCents')} />
      ) : null}
      <AankruisVeld naam={`${prefix}resultaatgericht`} label="Resultaatgericht: het budget komt uit de tabel met resultaatgerichte tarieven"
        aan={rij.resultaatgericht} onChange={(aan) => onChange({ ...rij, resultaatgericht: aan })} fout={f('resultaatgericht')} />
      {extra}
    </Fieldset>
  );
}
