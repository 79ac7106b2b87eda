/**
 * Adding to the arrangement, bottom-up along the verantwoordelijkheidsladder: a goal, a rung, then
 * a product from the catalogue (filtered by the goal's leefgebied and the rung) or a description.
 * Going higher than what the goal already has needs a motivering; the API decides and says why.
 */
import { ButtonGroup, Fieldset, FieldsetLegend, Paragraph, PrimaryActionButton, SelectOption } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../../platform/api.ts';
import { Probleem, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { centenUitEuro } from '../../platform/geld.ts';
import { vandaag } from '../../platform/format.ts';
import { KeuzeVeld, RondjesVeld, TekstVeld, TekstvakVeld } from '../../platform/form.tsx';
import { Laden } from '../../platform/guards.tsx';
import { TREDEN, limietTekst, tredeNaam, useCatalogus, type CatalogusItem, type Limiet } from '../catalogus/api.ts';
import { usePlanActie, type NieuwArrangementItem, type Plan } from './api.ts';

const GEEN_PRODUCT = 'geen';

function zoekIn(i: CatalogusItem, zoek: string): boolean {
  const z = zoek.trim().toLowerCase();
  if (!z) return true;
  return [i.naam, i.omschrijving, i.aanbieder, ...i.zoekwoorden].some((t) => t.toLowerCase().includes(z));
}

export function ArrangementFormulier({ casusId, plan, onGelukt }: {
  casusId: string;
  plan: Plan;
  onGelukt: (tekst: string, reden?: string | null) => void;
}) {
  const actie = usePlanActie(casusId);
  const { probleem, setProbleem, fouten: apiFouten } = useProbleem();
  const [doelId, setDoelId] = useState(plan.doelen.length === 1 ? plan.doelen[0]!.id : '');
  const [trede, setTrede] = useState('');
  const [zoek, setZoek] = useState('');
  const [productId, setProductId] = useState('');
  const [omschrijving, setOmschrijving] = useState('');
  const [motivering, setMotivering] = useState('');
  const [verantwoordelijke, setVerantwoordelijke] = useState('');
  const [omvang, setOmvang] = useState('');
  const [startdatum, setStartdatum] = useState(vandaag());
  const [einddatum, setEinddatum] = useState('');

  const doel = plan.doelen.find((d) => d.id === doelId);
  const tredeNr = trede ? Number(trede) : null;
  const catalogus = useCatalogus({ leefgebied: doel?.leefgebied, trede: tredeNr ?? undefined }, { enabled: !!doel && !!tredeNr });
  const producten = (catalogus.data ?? []).filter((i) => zoekIn(i, zoek));
  const product = productId && productId !== GEEN_PRODUCT ? catalogus.data?.find((i) => i.id === productId) : undefined;

  // The same rule as the API: higher than the highest rung on this goal (at least rung 1) needs a reason.
  const treden = doel?.arrangement.filter((i) => i.status !== 'beeindigd').map((i) => i.trede) ?? [];
  const hoogste = treden.length ? Math.max(...treden) : 1;
  const motiveringNodig = !!tredeNr && tredeNr > hoogste;

  const fouten = { ...apiFouten };
  // The ladder's message belongs at the motivering, in the API's own words.
  if (probleem?.code === 'ladder-motivering-ontbreekt') fouten.motivering = probleem.detail;

  const kiesTrede = (t: string) => {
    setTrede(t);
    setProductId('');
    setOmvang('');
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    // Euros are typed with cents ("250,00") and sent as exact cents (ADR 34); hours as a whole number.
    let omvangWaarde: Limiet | undefined;
    if (product?.limiet && omvang.trim()) {
      if (product.limiet.eenheid === 'uur') omvangWaarde = { eenheid: 'uur', waarde: Number(omvang) };
      else {
        const cents = centenUitEuro(omvang);
        if (!cents) {
          setProbleem(new ApiProblem({
            type: 'about:blank', status: 400, code: 'ongeldige-invoer', title: 'Ongeldige invoer', detail: 'Controleer de omvang.',
            invalidParams: [{ name: 'omvang', code: 'ongeldig', reason: 'Geef een bedrag in euro’s, bijvoorbeeld 250,00' }],
          }));
          return;
        }
        omvangWaarde = { eenheid: 'euro', waardeCents: cents };
      }
    }
    const body: NieuwArrangementItem = {
      doelId, trede: tredeNr,
      ...(product ? { catalogusItemId: product.id } : {}),
      ...(omschrijving.trim() ? { omschrijving } : {}),
      ...(motivering.trim() ? { motivering } : {}),
      ...(verantwoordelijke.trim() ? { verantwoordelijke } : {}),
      ...(omvangWaarde ? { omvang: omvangWaarde } : {}),
      ...(startdatum ? { startdatum } : {}),
      ...(einddatum ? { einddatum } : {}),
    };
    actie.mutate({ soort: 'arrangement', body }, {
      onSuccess: (r) => {
        if (r.soort !== 'arrangement') return;
        const i = r.item;
        const naam = i.catalogusItem?.naam ?? i.omschrijving ?? 'Het onderdeel';
        const status = i.status === 'aanvraagNodig' ? 'Aanvraag nodig' : 'Ingezet';
        onGelukt(`'${naam}' is toegevoegd op trede ${i.trede} (${i.tredeNaam}). Status: ${status}.`, i.redenAanvraag);
        setTrede('');
        setZoek('');
        setProductId('');
        setOmschrijving('');
        setMotivering('');
        setVerantwoordelijke('');
        setOmvang('');
        setEinddatum('');
      },
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-label="Onderdeel van het arrangement toevoegen">
      <Probleem probleem={probleem?.code === 'ladder-motivering-ontbreekt' ? null : probleem} />
      {probleem?.code === 'ladder-motivering-ontbreekt' ? (
        <p className="eenvoud-groepsfout" role="alert">Er ontbreekt een motivering. Zie het veld Motivering hieronder.</p>
      ) : null}
      <KeuzeVeld naam="doelId" label="Voor welk doel?" verplicht value={doelId} onChange={(e) => { setDoelId(e.target.value); setProductId(''); }} fout={fouten.doelId}>
        <SelectOption value="">Kies een doel</SelectOption>
        {plan.doelen.map((d) => <SelectOption key={d.id} value={d.id}>{d.leefgebiedNaam}: {d.omschrijving}</SelectOption>)}
      </KeuzeVeld>
      <RondjesVeld naam="trede" label="Trede van de verantwoordelijkheidsladder" verplicht
        beschrijving={doel
          ? `Op dit doel staat nu ${treden.length ? `al trede ${hoogste} (${tredeNaam(hoogste).toLowerCase()})` : 'nog niets'}. Hoger gaan vraagt om een motivering.`
          : 'Begin onderaan: wat kan de inwoner zelf, wat kan het netwerk? Hoger gaan vraagt om een motivering.'}
        opties={TREDEN.map((t) => ({ code: String(t.trede), naam: `${t.trede} – ${t.naam}` }))}
        waarde={trede} onChange={kiesTrede} fout={fouten.trede} />

      {doel && tredeNr ? (
        <Fieldset className="eenvoud-subfieldset">
          <FieldsetLegend>Wat wordt er ingezet?</FieldsetLegend>
          <TekstVeld naam="catalogusZoek" label="Zoek in de catalogus" type="search" autoComplete="off"
            beschrijving={`Producten op trede ${tredeNr} voor het leefgebied ${doel.leefgebiedNaam.toLowerCase()}.`}
            value={zoek} onChange={(e) => setZoek(e.target.value)} />
          {catalogus.isPending ? <Laden tekst="De catalogus wordt geladen…" /> : null}
          <Paragraph role="status" className="eenvoud-gedimd">
            {catalogus.data ? `${producten.length} ${producten.length === 1 ? 'product' : 'producten'} gevonden.` : ''}
          </Paragraph>
          {catalogus.data ? (
            <RondjesVeld naam="catalogusItemId" label="Product uit de catalogus"
              opties={[
                { code: GEEN_PRODUCT, naam: 'Geen product: ik beschrijf de inzet zelf' },
                ...producten.map((p) => ({
                  code: p.id,
                  naam: (
                    <span className="eenvoud-product">
                      <span className="eenvoud-product__naam">{p.naam}</span>
                      <span className="eenvoud-product__meta">
                        {p.aanbieder} · {p.beschikkingNodig ? 'met beschikking' : p.limiet ? `zonder beschikking tot ${limietTekst(p.limiet)}` : 'zonder beschikking'}
                      </span>
                    </span>
                  ),
                })),
              ]}
              waarde={productId} onChange={(v) => { setProductId(v); setOmvang(''); }} fout={fouten.catalogusItemId} />
          ) : null}
          <TekstvakVeld naam="omschrijving" label={product ? 'Aanvulling (optioneel)' : 'Omschrijving van de inzet'} rows={2} maxLength={1000}
            beschrijving={tredeNr <= 2
              ? 'Wat doet de inwoner zelf, of wie uit het netwerk helpt en hoe? Bijvoorbeeld: dochter doet de boodschappen op zaterdag.'
              : 'Alleen nodig als er geen passend product in de catalogus staat.'}
            value={omschrijving} onChange={(e) => setOmschrijving(e.target.value)} fout={fouten.omschrijving} />
          {product?.limiet ? (
            product.limiet.eenheid === 'uur' ? (
              <TekstVeld naam="omvang" label="Omvang (uren per week)"
                type="number" inputMode="numeric" min={1} className="eenvoud-breedte-6"
                beschrijving={`Zonder beschikking mag dit tot ${limietTekst(product.limiet)}. Meer, of geen omvang, wordt een aanvraag.`}
                value={omvang} onChange={(e) => setOmvang(e.target.value)} fout={fouten.omvang ?? fouten['omvang.waarde']} />
            ) : (
              <TekstVeld naam="omvang" label="Omvang (euro per jaar)" inputMode="decimal" className="eenvoud-breedte-6"
                beschrijving={`In euro’s met centen, bijvoorbeeld 250,00. Zonder beschikking mag dit tot ${limietTekst(product.limiet)}. Meer, of geen omvang, wordt een aanvraag.`}
                value={omvang} onChange={(e) => setOmvang(e.target.value)} fout={fouten.omvang ?? fouten['omvang.waardeCents']} />
            )
          ) : null}
        </Fieldset>
      ) : null}

      <TekstvakVeld naam="motivering" label="Motivering" verplicht={motiveringNodig} rows={3} maxLength={4000}
        beschrijving={motiveringNodig
          ? `U gaat hoger op de ladder dan er nu is voor dit doel. Leg uit waarom de lagere treden niet volstaan.`
          : 'Nodig als u hoger op de ladder gaat dan er al is voor dit doel: waarom volstaan de lagere treden niet?'}
        value={motivering} onChange={(e) => setMotivering(e.target.value)} fout={fouten.motivering} />
      <TekstVeld naam="verantwoordelijke" label="Verantwoordelijke" maxLength={200}
        beschrijving="Wie zorgt ervoor? Leeg laten: de inwoner (trede 1), het netwerk (trede 2) of de aanbieder."
        value={verantwoordelijke} onChange={(e) => setVerantwoordelijke(e.target.value)} fout={fouten.verantwoordelijke} />
      <div className="eenvoud-rij">
        <TekstVeld naam="startdatum" label="Startdatum" type="date" className="eenvoud-breedte-10"
          value={startdatum} onChange={(e) => setStartdatum(e.target.value)} fout={fouten.startdatum} />
        <TekstVeld naam="einddatum" label="Einddatum" type="date" min={startdatum || undefined} className="eenvoud-breedte-10"
          value={einddatum} onChange={(e) => setEinddatum(e.target.value)} fout={fouten.einddatum} />
      </div>
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={actie.isPending} disabled={actie.isPending}>Toevoegen aan het arrangement</PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}
