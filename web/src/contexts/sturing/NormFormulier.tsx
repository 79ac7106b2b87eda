/**
 * Setting the norm of a KPI (beleid only), in the unit people think in: percent for a share or a
 * change, euros for an amount; for a change also the peildatum that fixes the basisperiode.
 */
import { ButtonGroup, PrimaryActionButton } from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { Bericht, Probleem, Uitklap, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { TekstVeld } from '../../platform/form.tsx';
import { useZetNorm, type Eenheid, type KpiDefinitie } from './api.ts';
import { peildatumTekst } from './onderdelen.tsx';
import { alsInvoer, invoerSchaal, leesGetal, normTekst } from './regels.ts';

const LABELS: Record<Eenheid, { norm: string; marge: string }> = {
  aandeel: { norm: 'Norm in procenten', marge: 'Marge in procentpunten' },
  verandering: { norm: 'Norm: verandering in procenten', marge: 'Marge in procentpunten' },
  bedrag: { norm: 'Norm in euro', marge: 'Marge in euro' },
  gemiddelde: { norm: 'Norm (gemiddelde)', marge: 'Marge' },
  aantal: { norm: 'Norm (aantal)', marge: 'Marge (aantal)' },
};

/** The norm must fit the unit; said in the unit of the field, not as the fraction the API keeps. */
function normFout(eenheid: Eenheid, n: number | null): string | null {
  if (n === null) return 'Vul de norm in als getal, bijvoorbeeld 20 of 12,5.';
  if (eenheid === 'aandeel' && (n < 0 || n > 100)) return 'Vul een percentage in tussen 0 en 100.';
  if (eenheid === 'verandering' && (n < -100 || n > 1000)) return 'Vul een percentage in tussen −100 en 1000, bijvoorbeeld −15 voor 15% minder.';
  if (eenheid !== 'verandering' && n < 0) return 'De norm kan niet negatief zijn.';
  return null;
}

export function NormFormulier({ kpi }: { kpi: KpiDefinitie }) {
  const schaal = invoerSchaal(kpi.eenheid);
  const verandering = kpi.eenheid === 'verandering';
  const [norm, setNorm] = useState(kpi.norm === null ? '' : alsInvoer(kpi.norm * schaal));
  const [marge, setMarge] = useState(alsInvoer(kpi.marge * schaal));
  const [peildatum, setPeildatum] = useState(kpi.peildatum ?? '');
  const [gelukt, setGelukt] = useState<string | null>(null);
  const [eigenFouten, setEigenFouten] = useState<Record<string, string>>({});
  const { probleem, setProbleem, fouten } = useProbleem();
  const zet = useZetNorm(kpi.id);
  const formId = useId();
  // A yearly norm (a budget) says so where it is set: a period's share follows from it.
  const perJaar = kpi.normPer === 'jaar' ? ' per jaar' : '';
  const labels = { norm: `${LABELS[kpi.eenheid].norm}${perJaar}`, marge: `${LABELS[kpi.eenheid].marge}${perJaar}` };

  const onOpslaan = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setGelukt(null);
    const n = leesGetal(norm);
    const m = marge.trim() === '' ? null : leesGetal(marge);
    const lokaal: Record<string, string> = {};
    const nf = normFout(kpi.eenheid, n);
    if (nf) lokaal.norm = nf;
    if (marge.trim() !== '' && (m === null || m < 0)) lokaal.marge = 'Vul een marge in van 0 of meer.';
    if (verandering && peildatum && !/^\d{4}-\d{2}-\d{2}$/.test(peildatum)) lokaal.peildatum = 'Vul een datum in.';
    setEigenFouten(lokaal);
    if (Object.keys(lokaal).length > 0) return;
    try {
      const def = await zet.mutateAsync({
        norm: n! / schaal,
        ...(m !== null ? { marge: m / schaal } : {}),
        ...(verandering && peildatum ? { peildatum } : {}),
      });
      setGelukt(`De norm is aangepast. ${normTekst(def)}.${verandering ? ` ${peildatumTekst(def) ?? ''}` : ''}`.trim());
    } catch (err) {
      setProbleem(alsProbleem(err));
    }
  };

  const suffix = `${formId}-${kpi.id}`;
  const fout = (naam: string) => eigenFouten[naam] ?? fouten[naam];
  return (
    <Uitklap titel="Norm aanpassen">
      <Bericht tekst={gelukt} />
      <Probleem probleem={probleem} />
      <form onSubmit={onOpslaan} noValidate className="eenvoud-form" aria-label={`Norm aanpassen: ${kpi.naam}`}>
        <div className="eenvoud-rij">
          <TekstVeld
            naam={`norm-${suffix}`} label={labels.norm} inputMode="decimal" className="eenvoud-breedte-6"
            beschrijving={verandering
              ? `Bijvoorbeeld −15 voor 15% minder dan in de basisperiode. ${kpi.richting === 'lagerIsBeter' ? 'Ten hoogste deze verandering.' : 'Ten minste deze verandering.'}`
              : kpi.richting === 'lagerIsBeter' ? 'Ten hoogste deze waarde.' : 'Ten minste deze waarde.'}
            value={norm} onChange={(e) => setNorm(e.target.value)} fout={fout('norm')}
          />
          <TekstVeld
            naam={`marge-${suffix}`} label={labels.marge} inputMode="decimal" className="eenvoud-breedte-6"
            beschrijving="Binnen deze marge is het signaal ‘Let op’." value={marge} onChange={(e) => setMarge(e.target.value)} fout={fout('marge')}
          />
          {verandering ? (
            <TekstVeld
              naam={`peildatum-${suffix}`} label="Peildatum" type="date"
              beschrijving="De basisperiode eindigt de dag vóór deze datum. Laat leeg om te vergelijken met dezelfde periode een jaar eerder."
              value={peildatum} onChange={(e) => setPeildatum(e.target.value)} fout={fout('peildatum')}
            />
          ) : null}
        </div>
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={zet.isPending} disabled={zet.isPending}>Norm opslaan</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </Uitklap>
  );
}
