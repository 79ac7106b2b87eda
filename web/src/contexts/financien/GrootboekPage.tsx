/**
 * For functioneel beheer: where payments are booked. A rule per law, optionally per productcategorie;
 * the most specific rule wins. The whole set is saved at once, and a refused rule changes nothing.
 */
import { Button, ButtonGroup, Heading1, Paragraph, PrimaryActionButton, SelectOption } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Bericht, alsProbleem } from '../../platform/acties.tsx';
import type { ApiProblem } from '../../platform/api.ts';
import { FoutSamenvatting, KeuzeVeld, TekstVeld, foutregels, veldFouten } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { PRODUCTCATEGORIEEN, WETTEN } from '../inkoop/api.ts';
import { useGrootboek, useZetGrootboek, type Grootboekregel } from './api.ts';

interface Rij { sleutel: number; wet: string; productcategorie: string; grootboekrekening: string; kostenplaats: string }
let volgende = 0;
const rij = (g?: Grootboekregel): Rij => ({
  sleutel: ++volgende, wet: g?.wet ?? '', productcategorie: g?.productcategorie ?? '', grootboekrekening: g?.grootboekrekening ?? '', kostenplaats: g?.kostenplaats ?? '',
});

export function GrootboekPage() {
  usePageTitle('Grootboek');
  const grootboek = useGrootboek();
  const zet = useZetGrootboek();
  const [rijen, setRijen] = useState<Rij[] | null>(null);
  const [probleem, setProbleem] = useState<ApiProblem | null>(null);
  const [bericht, setBericht] = useState<string | null>(null);
  useEffect(() => {
    if (grootboek.data && rijen === null) setRijen(grootboek.data.regels.length ? grootboek.data.regels.map(rij) : [rij()]);
  }, [grootboek.data, rijen]);

  if (grootboek.isPending) return <Laden tekst="Het grootboek wordt geladen…" />;
  if (grootboek.isError) return <Foutmelding fout={grootboek.error} />;
  const lijst = rijen ?? [];
  const fouten = veldFouten(probleem);
  const wijzig = (i: number, k: keyof Omit<Rij, 'sleutel'>) => (e: { target: { value: string } }) =>
    setRijen(lijst.map((r, j) => (j === i ? { ...r, [k]: e.target.value, ...(k === 'wet' ? { productcategorie: '' } : {}) } : r)));
  const velden = Object.fromEntries(lijst.flatMap((_, i) => [
    [`regels.${i}.wet`, `Wet (regel ${i + 1})`], [`regels.${i}.productcategorie`, `Productcategorie (regel ${i + 1})`],
    [`regels.${i}.grootboekrekening`, `Grootboekrekening (regel ${i + 1})`], [`regels.${i}.kostenplaats`, `Kostenplaats (regel ${i + 1})`],
  ]));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setBericht(null);
    // Rows left wholly empty are no rule.
    const ingevuld = lijst.filter((r) => r.wet || r.productcategorie || r.grootboekrekening.trim() || r.kostenplaats.trim());
    setRijen(ingevuld.length ? ingevuld : [rij()]);
    zet.mutate(ingevuld.map((r) => ({ wet: r.wet, productcategorie: r.productcategorie || null, grootboekrekening: r.grootboekrekening, kostenplaats: r.kostenplaats })), {
      onSuccess: (antwoord) => {
        setRijen(antwoord.regels.length ? antwoord.regels.map(rij) : [rij()]);
        setBericht(`Het grootboek is opgeslagen: ${antwoord.regels.length} ${antwoord.regels.length === 1 ? 'regel' : 'regels'}.`);
      },
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };

  return (
    <>
      <Heading1>Grootboek</Heading1>
      <Paragraph appearance="lead">
        Stel in op welke grootboekrekening en kostenplaats de betalingen aan aanbieders worden geboekt. Een regel geldt voor een wet, of voor één
        productcategorie binnen die wet; de regel met de productcategorie gaat voor de regel van de hele wet.
      </Paragraph>
      <Bericht tekst={bericht} />
      {probleem ? (
        <FoutSamenvatting titel={probleem.invalidParams.length ? undefined : 'Het grootboek is niet opgeslagen'}
          inleiding={probleem.invalidParams.length ? 'Er is niets opgeslagen.' : probleem.detail} fouten={foutregels(probleem, velden)} />
      ) : null}
      <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label="Grootboek">
        {lijst.map((r, i) => (
          <fieldset key={r.sleutel} className="utrecht-form-fieldset eenvoud-subfieldset">
            <legend className="utrecht-form-fieldset__legend">Regel {i + 1}</legend>
            <div className="eenvoud-rij">
              <KeuzeVeld naam={`regels.${i}.wet`} label="Wet" verplicht value={r.wet} onChange={wijzig(i, 'wet')} fout={fouten[`regels.${i}.wet`]}>
                <SelectOption value="">Kies een wet</SelectOption>
                {WETTEN.map((w) => <SelectOption key={w.code} value={w.code}>{w.naam}</SelectOption>)}
              </KeuzeVeld>
              <KeuzeVeld naam={`regels.${i}.productcategorie`} label="Productcategorie" value={r.productcategorie} onChange={wijzig(i, 'productcategorie')}
                fout={fouten[`regels.${i}.productcategorie`]}>
                <SelectOption value="">De hele wet</SelectOption>
                {(PRODUCTCATEGORIEEN[r.wet] ?? []).map((c) => <SelectOption key={c.code} value={c.code}>{c.code} {c.naam}</SelectOption>)}
              </KeuzeVeld>
            </div>
            <div className="eenvoud-rij">
              <TekstVeld naam={`regels.${i}.grootboekrekening`} label="Grootboekrekening" verplicht maxLength={30} autoComplete="off" className="eenvoud-breedte-10"
                value={r.grootboekrekening} onChange={wijzig(i, 'grootboekrekening')} fout={fouten[`regels.${i}.grootboekrekening`]} />
              <TekstVeld naam={`regels.${i}.kostenplaats`} label="Kostenplaats" verplicht maxLength={30} autoComplete="off" className="eenvoud-breedte-10"
                value={r.kostenplaats} onChange={wijzig(i, 'kostenplaats')} fout={fouten[`regels.${i}.kostenplaats`]} />
            </div>
            <Button appearance="subtle-button" type="button" onClick={() => setRijen(lijst.length > 1 ? lijst.filter((_, j) => j !== i) : [rij()])}>
              Regel {i + 1} verwijderen
            </Button>
          </fieldset>
        ))}
        <ButtonGroup>
          <Button appearance="secondary-action-button" type="button" onClick={() => setRijen([...lijst, rij()])}>Regel toevoegen</Button>
          <PrimaryActionButton type="submit" busy={zet.isPending} disabled={zet.isPending}>Grootboek opslaan</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
