/**
 * Form pieces shared by every page: labelled fields with description and error message wired to the
 * input (aria-invalid, aria-describedby), and the error summary at the top of a form.
 */
import {
  Alert, Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading2, Paragraph,
  RadioButton, Select, Textarea, Textbox, UnorderedList, UnorderedListItem, type SelectProps, type TextareaProps, type TextboxProps,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ChangeEvent, type MouseEvent, type ReactNode } from 'react';
import type { ApiProblem } from './api.ts';

/** The HTML id of the input for an API field name: 'persoon.bsn' → 'veld-persoon-bsn'. */
export const veldId = (naam: string): string => `veld-${naam.replace(/[^a-zA-Z0-9]+/g, '-')}`;

export type VeldFouten = Record<string, string>;

/** The first message per field from a problem's invalidParams, keyed by API field name. */
export function veldFouten(problem: ApiProblem | null | undefined): VeldFouten {
  const fouten: VeldFouten = {};
  for (const p of problem?.invalidParams ?? []) fouten[p.name] ??= p.reason;
  return fouten;
}

interface VeldBasis {
  /** The API field name, e.g. 'persoon.bsn'; also gives the input its id. */
  naam: string;
  label: ReactNode;
  beschrijving?: ReactNode;
  fout?: string | undefined;
  verplicht?: boolean;
}

function veldAttributen({ naam, beschrijving, fout }: VeldBasis) {
  const id = veldId(naam);
  const beschrijvingId = beschrijving ? `${id}-beschrijving` : undefined;
  const foutId = fout ? `${id}-fout` : undefined;
  const describedBy = [beschrijvingId, foutId].filter(Boolean).join(' ') || undefined;
  return { id, beschrijvingId, foutId, describedBy, invalid: !!fout };
}

function VeldOmhulsel({ veld, input, attrs }: { veld: VeldBasis; input: ReactNode; attrs: ReturnType<typeof veldAttributen> }) {
  return (
    <FormField
      invalid={attrs.invalid}
      label={
        <FormLabel htmlFor={attrs.id}>
          {veld.label}
          {veld.verplicht ? <span className="eenvoud-verplicht"> (verplicht)</span> : null}
        </FormLabel>
      }
      description={veld.beschrijving ? <FormFieldDescription id={attrs.beschrijvingId}>{veld.beschrijving}</FormFieldDescription> : undefined}
      input={input}
      errorMessage={veld.fout ? <FormFieldErrorMessage id={attrs.foutId}>{veld.fout}</FormFieldErrorMessage> : undefined}
    />
  );
}

/**
 * Does this browser show a date picker for <input type="date">? A browser without one turns the
 * field into plain text: only then does the field say how to write the date.
 */
let datumkiezer: boolean | undefined;
export function heeftDatumkiezer(): boolean {
  if (datumkiezer === undefined) {
    const i = document.createElement('input');
    i.setAttribute('type', 'date');
    i.value = 'geen-datum';
    // A browser with a picker refuses text that is no date (the value stays empty).
    datumkiezer = i.type === 'date' && i.value === '';
  }
  return datumkiezer;
}

/** 'dd-mm-jjjj' (or d-m-jjjj, with - / or .) as 'YYYY-MM-DD'; null when it is not a date. */
export function datumUitTekst(tekst: string): string | null {
  const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$/.exec(tekst);
  if (!m) return null;
  const [d, mnd, j] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(j, mnd - 1, d));
  if (dt.getUTCFullYear() !== j || dt.getUTCMonth() !== mnd - 1 || dt.getUTCDate() !== d) return null;
  return `${j}-${String(mnd).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD' as 'dd-mm-jjjj' for a field without a picker. */
const datumAlsTekst = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('-') : iso);

/**
 * A date field where the browser has no picker: plain text with the Dutch format hint. The page keeps
 * working with 'YYYY-MM-DD', as with a picker; what is not (yet) a date is passed on as typed, so the
 * page's or the API's check names the field.
 */
function DatumTekstVeld({ naam, label, beschrijving, fout, verplicht, value, onChange, ...input }: VeldBasis & Omit<TextboxProps, 'id' | 'name'>) {
  const [tekst, setTekst] = useState(() => datumAlsTekst(String(value ?? '')));
  useEffect(() => {
    // Follow the page when it sets the value itself (a reset, a default); only a change from outside counts.
    if (String(value ?? '') !== (datumUitTekst(tekst) ?? tekst)) setTekst(datumAlsTekst(String(value ?? '')));
  }, [value]);
  const hint = 'Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 03-11-2026.';
  const veld = { naam, label, beschrijving: beschrijving ? <>{beschrijving} {hint}</> : hint, fout, verplicht };
  const attrs = veldAttributen(veld);
  const { min: _min, max: _max, type: _type, ...rest } = input;
  return (
    <VeldOmhulsel veld={veld} attrs={attrs} input={
      <Textbox {...rest} type="text" inputMode="numeric" autoComplete="off" id={attrs.id} name={naam} invalid={attrs.invalid} required={verplicht}
        aria-describedby={attrs.describedBy} value={tekst}
        onChange={(e) => {
          setTekst(e.target.value);
          const iso = datumUitTekst(e.target.value);
          // The page reads e.target.value; it gets the ISO date once the text is one.
          onChange?.({ ...e, target: { ...e.target, name: naam, value: iso ?? e.target.value } } as ChangeEvent<HTMLInputElement>);
        }} />
    } />
  );
}

export function TekstVeld({ naam, label, beschrijving, fout, verplicht, ...input }: VeldBasis & Omit<TextboxProps, 'id' | 'name'>) {
  if (input.type === 'date' && !heeftDatumkiezer()) {
    return <DatumTekstVeld naam={naam} label={label} beschrijving={beschrijving} fout={fout} verplicht={verplicht} {...input} />;
  }
  const veld = { naam, label, beschrijving, fout, verplicht };
  const attrs = veldAttributen(veld);
  return (
    <VeldOmhulsel veld={veld} attrs={attrs} input={
      <Textbox {...input} id={attrs.id} name={naam} invalid={attrs.invalid} required={verplicht} aria-describedby={attrs.describedBy} />
    } />
  );
}

export function TekstvakVeld({ naam, label, beschrijving, fout, verplicht, ...input }: VeldBasis & Omit<TextareaProps, 'id' | 'name'>) {
  const veld = { naam, label, beschrijving, fout, verplicht };
  const attrs = veldAttributen(veld);
  return (
    <VeldOmhulsel veld={veld} attrs={attrs} input={
      <Textarea {...input} id={attrs.id} name={naam} invalid={attrs.invalid} required={verplicht} aria-describedby={attrs.describedBy} />
    } />
  );
}

export function KeuzeVeld({ naam, label, beschrijving, fout, verplicht, children, ...input }: VeldBasis & Omit<SelectProps, 'id' | 'name'>) {
  const veld = { naam, label, beschrijving, fout, verplicht };
  const attrs = veldAttributen(veld);
  return (
    <VeldOmhulsel veld={veld} attrs={attrs} input={
      <Select {...input} id={attrs.id} name={naam} invalid={attrs.invalid} required={verplicht} aria-describedby={attrs.describedBy}>
        {children}
      </Select>
    } />
  );
}

/**
 * A group of radio buttons in a fieldset: the legend is the question. The first option carries the
 * field's id, so the error summary can jump to it.
 */
export function RondjesVeld({ naam, label, beschrijving, fout, verplicht, opties, waarde, onChange }: VeldBasis & {
  opties: { code: string; naam: ReactNode }[];
  waarde: string;
  onChange: (code: string) => void;
}) {
  const attrs = veldAttributen({ naam, label, beschrijving, fout });
  return (
    <Fieldset invalid={attrs.invalid} aria-describedby={attrs.describedBy} className="eenvoud-rondjes">
      <FieldsetLegend>
        {label}
        {verplicht ? <span className="eenvoud-verplicht"> (verplicht)</span> : null}
      </FieldsetLegend>
      {beschrijving ? <FormFieldDescription id={attrs.beschrijvingId}>{beschrijving}</FormFieldDescription> : null}
      {fout ? <FormFieldErrorMessage id={attrs.foutId}>{fout}</FormFieldErrorMessage> : null}
      {opties.map((o, i) => {
        const id = i === 0 ? attrs.id : `${attrs.id}-${o.code}`;
        return (
          <div key={o.code} className="eenvoud-keuze">
            <RadioButton
              id={id} name={naam} value={o.code} checked={waarde === o.code} invalid={attrs.invalid}
              onChange={() => onChange(o.code)}
            />
            <FormLabel htmlFor={id} type="radio" checked={waarde === o.code}>{o.naam}</FormLabel>
          </div>
        );
      })}
    </Fieldset>
  );
}

/** One checkbox with its label next to it. */
export function AankruisVeld({ naam, label, beschrijving, fout, aan, onChange }: VeldBasis & { aan: boolean; onChange: (aan: boolean) => void }) {
  const attrs = veldAttributen({ naam, label, beschrijving, fout });
  return (
    <FormField
      type="checkbox" invalid={attrs.invalid} className="eenvoud-aankruis"
      label={
        <span className="eenvoud-keuze">
          <Checkbox id={attrs.id} name={naam} checked={aan} invalid={attrs.invalid} aria-describedby={attrs.describedBy}
            onChange={(e) => onChange(e.target.checked)} />
          <FormLabel htmlFor={attrs.id} type="checkbox" checked={aan}>{label}</FormLabel>
        </span>
      }
      description={beschrijving ? <FormFieldDescription id={attrs.beschrijvingId}>{beschrijving}</FormFieldDescription> : undefined}
      errorMessage={fout ? <FormFieldErrorMessage id={attrs.foutId}>{fout}</FormFieldErrorMessage> : undefined}
    />
  );
}

export interface Foutregel {
  /** API field name; when the form has this field, the summary links to it. */
  naam?: string;
  tekst: string;
}

/**
 * The error summary: an error alert at the top of the form, with a link to every field that needs
 * attention. It takes focus when it appears, so keyboard and screen reader users land on it.
 */
export function FoutSamenvatting({ titel = 'Controleer de volgende velden', inleiding, fouten }: {
  titel?: string;
  inleiding?: string;
  fouten: Foutregel[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [fouten]);

  const gaNaarVeld = (naam: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    const el = document.getElementById(veldId(naam));
    if (!el) return;
    e.preventDefault();
    el.scrollIntoView({ block: 'center' });
    el.focus();
  };

  return (
    <Alert type="error" ref={ref} tabIndex={-1} className="eenvoud-foutsamenvatting">
      <Heading2 id="foutsamenvatting-titel">{titel}</Heading2>
      {inleiding ? <Paragraph>{inleiding}</Paragraph> : null}
      {fouten.length > 0 ? (
        <UnorderedList>
          {fouten.map((f, i) => (
            <UnorderedListItem key={`${f.naam ?? ''}-${i}`}>
              {f.naam ? (
                <a className="utrecht-link utrecht-link--html-a" href={`#${veldId(f.naam)}`} onClick={gaNaarVeld(f.naam)}>{f.tekst}</a>
              ) : f.tekst}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
    </Alert>
  );
}

/** The words a case worker uses for the API's field names (the last part of a path like 'persoon.geboortedatum'). */
const VELDNAMEN: Record<string, string> = {
  bsn: 'BSN', voornaam: 'Voornaam', tussenvoegsel: 'Tussenvoegsel', achternaam: 'Achternaam', geboortedatum: 'Geboortedatum',
  straat: 'Straat', huisnummer: 'Huisnummer', postcode: 'Postcode', woonplaats: 'Woonplaats', wijkId: 'Wijk', telefoon: 'Telefoonnummer',
  email: 'E-mailadres', wet: 'Wet', kanaal: 'Kanaal', ontvangenOp: 'Ontvangen op', omschrijving: 'Omschrijving', datum: 'Datum',
  reden: 'Reden', naam: 'Naam', rol: 'Rol', regisseurId: 'Casusregisseur', toelichting: 'Toelichting', motivering: 'Motivering',
  omvang: 'Omvang', eenheid: 'Eenheid', periode: 'Periode', ingangsdatum: 'Ingangsdatum', einddatum: 'Einddatum', leveringsvorm: 'Leveringsvorm',
  uitkomst: 'Uitkomst', streefdatum: 'Streefdatum', leefgebied: 'Leefgebied', meetbaarResultaat: 'Meetbaar resultaat', trede: 'Trede',
  doelId: 'Doel', catalogusItemId: 'Product of dienst', arrangementItemIds: 'Onderdelen van het arrangement', van: 'Van', tot: 'Tot en met',
  nieuweDatum: 'Nieuwe datum', geplandOp: 'Datum van de evaluatie', wijze: 'Manier van instemmen', plek: 'Plek', soort: 'Soort',
  instrument: 'Instrument', score: 'Score', samenvatting: 'Samenvatting', advies: 'Advies', product: 'Product', spoed: 'Spoed',
  relatie: 'Relatie', gezag: 'Gezag', persoonId: 'Persoon', deelnemers: 'Deelnemers', adres: 'Adres', onderwerp: 'Onderwerp',
};

/**
 * A field path from the API in words: 'body.persoon.geboortedatum' → 'Geboortedatum',
 * 'deelnemers.1.naam' → 'Naam (2e)', an unknown 'aanvragerRelatie' → 'Aanvrager relatie'.
 */
export function veldNaam(pad: string): string {
  const delen = pad.replace(/^(body|query|params)\./, '').split('.');
  const index = delen.filter((d) => /^\d+$/.test(d)).map((d) => Number(d) + 1);
  const laatste = [...delen].reverse().find((d) => !/^\d+$/.test(d)) ?? pad;
  const woorden = VELDNAMEN[laatste] ?? laatste.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (c) => c.toUpperCase());
  return index.length ? `${woorden} (${index.map((i) => `${i}e`).join(', ')})` : woorden;
}

/**
 * Turns a problem into summary lines, in the order of the form's fields; fields the form does not
 * have are named in words too, without a link.
 */
export function foutregels(problem: ApiProblem, velden: Record<string, string>): Foutregel[] {
  const fouten = veldFouten(problem);
  const bekend = Object.keys(velden).filter((naam) => fouten[naam]).map((naam) => ({ naam, tekst: `${velden[naam]}: ${fouten[naam]}` }));
  const overig = Object.entries(fouten).filter(([naam]) => !(naam in velden))
    .map(([naam, tekst]) => ({ tekst: naam === '(body)' ? tekst : `${veldNaam(naam)}: ${tekst}` }));
  return [...bekend, ...overig];
}
