/** For beheer: add a product or service to the catalogue, or change one (including switching it off). */
import {
  ButtonGroup, Fieldset, FieldsetLegend, Heading1, Paragraph, PrimaryActionButton, SelectOption,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiProblem } from '../../platform/api.ts';
import { centenUitEuro, euroInvoer } from '../../platform/geld.ts';
import { alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { AankruisVeld, FoutSamenvatting, KeuzeVeld, RondjesVeld, TekstVeld, TekstvakVeld, foutregels, type Foutregel } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useGebieden } from '../toegang/api.ts';
import { DOMEINEN, LEEFGEBIEDEN, PRODUCTCATEGORIEEN, TREDEN, useBewaarCatalogusItem, useCatalogusItem, type CatalogusInvoer, type CatalogusItem, type Domein } from './api.ts';

const VELDEN: Record<string, string> = {
  naam: 'Naam', omschrijving: 'Omschrijving', domein: 'Domein', trede: 'Trede', leefgebieden: 'Leefgebieden', kernIds: 'Kernen',
  aanbieder: 'Aanbieder', beschikkingNodig: 'Beschikking nodig', limiet: 'Grens zonder beschikking', zoekwoorden: 'Zoekwoorden', actief: 'Actief',
  productcategorie: 'Productcategorie', productcode: 'Productcode',
};

interface Invoer {
  naam: string; omschrijving: string; domein: string; trede: string; leefgebieden: string[]; kernIds: string[]; aanbieder: string;
  beschikkingNodig: string; limietEenheid: string; limietWaarde: string; zoekwoorden: string; actief: boolean;
  productcategorie: string; productcode: string;
}

const leeg: Invoer = {
  naam: '', omschrijving: '', domein: '', trede: '', leefgebieden: [], kernIds: [], aanbieder: '', beschikkingNodig: '',
  limietEenheid: '', limietWaarde: '', zoekwoorden: '', actief: true, productcategorie: '', productcode: '',
};

function vanItem(i: CatalogusItem): Invoer {
  return {
    naam: i.naam, omschrijving: i.omschrijving, domein: i.domein, trede: String(i.trede), leefgebieden: i.leefgebieden.map((l) => l.code),
    kernIds: i.kernen.map((k) => k.id), aanbieder: i.aanbieder, beschikkingNodig: i.beschikkingNodig ? 'ja' : 'nee',
    limietEenheid: i.limiet?.eenheid ?? '', limietWaarde: !i.limiet ? '' : i.limiet.eenheid === 'uur' ? String(i.limiet.waarde) : euroInvoer(i.limiet.waardeCents), zoekwoorden: i.zoekwoorden.join(', '), actief: i.actief,
    productcategorie: i.productcategorie ?? '', productcode: i.productcode ?? '',
  };
}

function naarVerzoek(i: Invoer): CatalogusInvoer {
  return {
    naam: i.naam, omschrijving: i.omschrijving, domein: i.domein, trede: i.trede ? Number(i.trede) : null,
    leefgebieden: i.leefgebieden, kernIds: i.kernIds, aanbieder: i.aanbieder,
    beschikkingNodig: i.beschikkingNodig === 'ja',
    limiet: limietVanInvoer(i),
    zoekwoorden: i.zoekwoorden.split(',').map((w) => w.trim()).filter(Boolean),
    actief: i.actief,
    // Only an item granted by a beschikking points to a contracted product; a law without iStandaard has no category.
    productcode: metProduct(i) && i.productcode.trim() ? i.productcode.trim().toUpperCase() : null,
    productcategorie: metProduct(i) && PRODUCTCATEGORIEEN[i.domein as Domein] && i.productcategorie ? i.productcategorie : null,
  };
}

/** Hours as a whole number; euros typed with cents ("250,00") become exact cents (string maths, ADR 34). */
function limietVanInvoer(i: Invoer): CatalogusInvoer['limiet'] {
  if (i.beschikkingNodig !== 'nee' || !i.limietEenheid || !i.limietWaarde.trim()) return null;
  if (i.limietEenheid === 'uur') return { eenheid: 'uur', waarde: Number(i.limietWaarde) };
  // An amount that is no amount is stopped before sending (onSubmit); 0 here never reaches the API.
  return { eenheid: 'euro', waardeCents: centenUitEuro(i.limietWaarde) ?? 0 };
}

/** The form's own check: a euro limit must be an amount with at most two decimals. */
const euroFout = (i: Invoer): ApiProblem | null =>
  i.beschikkingNodig === 'nee' && i.limietEenheid === 'euro' && i.limietWaarde.trim() && !centenUitEuro(i.limietWaarde)
    ? new ApiProblem({
      type: 'about:blank', status: 400, code: 'ongeldige-invoer', title: 'Ongeldige invoer', detail: 'Controleer de grens zonder beschikking.',
      invalidParams: [{ name: 'limiet.waardeCents', code: 'ongeldig', reason: 'Geef een bedrag in euro’s, bijvoorbeeld 250,00' }],
    })
    : null;

const metProduct = (i: Invoer) => i.beschikkingNodig === 'ja' && i.domein !== '' && i.domein !== 'voorliggend';

export function CatalogusFormPage() {
  const { id } = useParams();
  const item = useCatalogusItem(id ?? '');
  const titel = id ? 'Product bewerken' : 'Product toevoegen';
  usePageTitle(titel);
  const terug = <Paragraph><RouterLink to="/catalogus">Terug naar de catalogus</RouterLink></Paragraph>;
  if (id && item.isPending) return <>{terug}<Heading1>{titel}</Heading1><Laden /></>;
  if (id && item.isError) {
    const nietGevonden = item.error instanceof ApiProblem && item.error.status === 404;
    return <>{terug}<Heading1>{nietGevonden ? 'Product niet gevonden' : titel}</Heading1><Foutmelding fout={item.error} /></>;
  }
  return (
    <>
      {terug}
      <Heading1>{titel}</Heading1>
      <Formulier key={item.data?.id ?? 'nieuw'} item={id ? item.data ?? null : null} />
    </>
  );
}

function Formulier({ item }: { item: CatalogusItem | null }) {
  const navigate = useNavigate();
  const gebieden = useGebieden();
  const bewaar = useBewaarCatalogusItem(item?.id ?? null);
  const { probleem, setProbleem, fouten } = useProbleem();
  const [samenvatting, setSamenvatting] = useState<Foutregel[] | null>(null);
  const [invoer, setInvoer] = useState<Invoer>(item ? vanItem(item) : leeg);
  const zet = (k: keyof Invoer) => (e: { target: { value: string } }) => setInvoer((o) => ({ ...o, [k]: e.target.value }));
  const wissel = (k: 'leefgebieden' | 'kernIds', code: string, aan: boolean) =>
    setInvoer((o) => ({ ...o, [k]: aan ? [...o[k], code] : o[k].filter((c) => c !== code) }));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    const fout = euroFout(invoer);
    if (fout) {
      setProbleem(fout);
      setSamenvatting(foutregels(fout, VELDEN));
      return;
    }
    bewaar.mutate(naarVerzoek(invoer), {
      onSuccess: (i) => navigate(`/catalogus?zoek=${encodeURIComponent(i.naam)}`),
      onError: (err) => {
        const p = alsProbleem(err);
        setProbleem(p);
        setSamenvatting(p.invalidParams.length > 0 ? foutregels(p, VELDEN) : [{ tekst: p.detail }]);
      },
    });
  };

  return (
    <>
      {samenvatting ? <FoutSamenvatting titel={probleem?.invalidParams.length ? undefined : 'Het product is niet opgeslagen'} fouten={samenvatting} /> : null}
      <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label={item ? 'Product bewerken' : 'Product toevoegen'}>
        <TekstVeld naam="naam" label="Naam" verplicht maxLength={200} value={invoer.naam} onChange={zet('naam')} fout={fouten.naam} />
        <TekstvakVeld naam="omschrijving" label="Omschrijving" verplicht rows={4} maxLength={2000}
          beschrijving="In eenvoudige taal (B1): inwoners lezen dit ook op de sociale kaart."
          value={invoer.omschrijving} onChange={zet('omschrijving')} fout={fouten.omschrijving} />
        <TekstVeld naam="aanbieder" label="Aanbieder" verplicht maxLength={200} value={invoer.aanbieder} onChange={zet('aanbieder')} fout={fouten.aanbieder} />
        <KeuzeVeld naam="domein" label="Domein" verplicht value={invoer.domein} onChange={zet('domein')} fout={fouten.domein}>
          <SelectOption value="">Kies een domein</SelectOption>
          {DOMEINEN.map((d) => <SelectOption key={d.code} value={d.code}>{d.naam}</SelectOption>)}
        </KeuzeVeld>
        <RondjesVeld naam="trede" label="Trede van de verantwoordelijkheidsladder" verplicht
          opties={TREDEN.map((t) => ({ code: String(t.trede), naam: `${t.trede} – ${t.naam}` }))}
          waarde={invoer.trede} onChange={(v) => setInvoer((o) => ({ ...o, trede: v }))} fout={fouten.trede} />
        <Fieldset invalid={!!fouten.leefgebieden} aria-describedby={fouten.leefgebieden ? 'veld-leefgebieden-fout' : undefined}>
          <FieldsetLegend>Leefgebieden (verplicht)</FieldsetLegend>
          {fouten.leefgebieden ? <p className="eenvoud-groepsfout" id="veld-leefgebieden-fout">{fouten.leefgebieden}</p> : null}
          {LEEFGEBIEDEN.map((l, i) => (
            <AankruisVeld key={l.code} naam={i === 0 ? 'leefgebieden' : `leefgebieden-${l.code}`} label={l.naam}
              aan={invoer.leefgebieden.includes(l.code)} onChange={(aan) => wissel('leefgebieden', l.code, aan)} />
          ))}
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>Kernen</FieldsetLegend>
          <Paragraph className="eenvoud-uitleg">Kruis niets aan als het product in de hele gemeente te krijgen is.</Paragraph>
          {fouten.kernIds ? <p className="eenvoud-groepsfout">{fouten.kernIds}</p> : null}
          {(gebieden.data ?? []).map((k, i) => (
            <AankruisVeld key={k.id} naam={i === 0 ? 'kernIds' : `kernIds-${k.id}`} label={k.naam}
              aan={invoer.kernIds.includes(k.id)} onChange={(aan) => wissel('kernIds', k.id, aan)} />
          ))}
        </Fieldset>
        <RondjesVeld naam="beschikkingNodig" label="Is een beschikking nodig?" verplicht
          beschrijving="Een maatwerkvoorziening (trede 4) gaat altijd via een beschikking. Het voorliggend veld nooit."
          opties={[{ code: 'nee', naam: 'Nee, vrij toegankelijk of direct in te zetten' }, { code: 'ja', naam: 'Ja, er is een beschikking nodig' }]}
          waarde={invoer.beschikkingNodig} onChange={(v) => setInvoer((o) => ({ ...o, beschikkingNodig: v }))} fout={fouten.beschikkingNodig} />
        {invoer.beschikkingNodig === 'nee' ? (
          <Fieldset className="eenvoud-subfieldset">
            <FieldsetLegend>Grens zonder beschikking</FieldsetLegend>
            <Paragraph className="eenvoud-uitleg">Mag een professional dit tot een grens zonder beschikking inzetten? Laat leeg als er geen grens is.</Paragraph>
            {fouten.limiet ? <p className="eenvoud-groepsfout">{fouten.limiet}</p> : null}
            <div className="eenvoud-rij">
              <KeuzeVeld naam="limiet" label="Eenheid" value={invoer.limietEenheid} onChange={zet('limietEenheid')}>
                <SelectOption value="">Geen grens</SelectOption>
                <SelectOption value="uur">Uren per week</SelectOption>
                <SelectOption value="euro">Euro per jaar</SelectOption>
              </KeuzeVeld>
              {invoer.limietEenheid === 'uur' ? (
                <TekstVeld naam="limiet.waarde" label="Hoogstens (uren)" type="number" inputMode="numeric" min={1} className="eenvoud-breedte-6"
                  value={invoer.limietWaarde} onChange={zet('limietWaarde')} fout={fouten['limiet.waarde']} />
              ) : invoer.limietEenheid === 'euro' ? (
                <TekstVeld naam="limiet.waardeCents" label="Hoogstens (euro)" inputMode="decimal" className="eenvoud-breedte-6"
                  beschrijving="In euro’s met centen, bijvoorbeeld 1500,00"
                  value={invoer.limietWaarde} onChange={zet('limietWaarde')} fout={fouten['limiet.waardeCents']} />
              ) : null}
            </div>
          </Fieldset>
        ) : null}
        {metProduct(invoer) ? (
          <Fieldset className="eenvoud-subfieldset">
            <FieldsetLegend>Gecontracteerd product</FieldsetLegend>
            <Paragraph className="eenvoud-uitleg">Het product uit de inkoopcontracten dat een beschikking voor dit item toekent. Laat leeg als de beschikking het product zelf noemt.</Paragraph>
            <div className="eenvoud-rij">
              {PRODUCTCATEGORIEEN[invoer.domein as Domein] ? (
                <KeuzeVeld naam="productcategorie" label="Productcategorie" value={invoer.productcategorie} onChange={zet('productcategorie')} fout={fouten.productcategorie}>
                  <SelectOption value="">Geen</SelectOption>
                  {Object.entries(PRODUCTCATEGORIEEN[invoer.domein as Domein]!).map(([code, naam]) => <SelectOption key={code} value={code}>{code} – {naam}</SelectOption>)}
                </KeuzeVeld>
              ) : null}
              <TekstVeld naam="productcode" label="Productcode" beschrijving="5 tekens, bijvoorbeeld 01A01." maxLength={5} className="eenvoud-breedte-6"
                value={invoer.productcode} onChange={zet('productcode')} fout={fouten.productcode} />
            </div>
          </Fieldset>
        ) : null}
        <TekstVeld naam="zoekwoorden" label="Zoekwoorden" beschrijving="Woorden die een inwoner zou gebruiken, met komma's ertussen. Bijvoorbeeld: geld, rekeningen, schulden."
          value={invoer.zoekwoorden} onChange={zet('zoekwoorden')} fout={fouten.zoekwoorden} />
        <AankruisVeld naam="actief" label="Actief: professionals en inwoners kunnen dit product vinden"
          beschrijving="Zet een product dat niet meer bestaat op niet actief. Plannen waarin het al staat, blijven gewoon leesbaar."
          aan={invoer.actief} onChange={(aan) => setInvoer((o) => ({ ...o, actief: aan }))} fout={fouten.actief} />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={bewaar.isPending} disabled={bewaar.isPending}>{item ? 'Wijzigingen opslaan' : 'Product toevoegen'}</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
