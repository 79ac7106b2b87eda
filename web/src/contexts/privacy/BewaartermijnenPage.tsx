/**
 * Beheer: how long each kind of household file is kept after it ended, with the default and its
 * source (Selectielijst gemeenten en intergemeentelijke organen 2020, Jeugdwet art. 7.3.8).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Heading1, Heading2, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Bericht, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { api } from '../../platform/api.ts';
import { formatMoment } from '../../platform/format.ts';
import { FoutSamenvatting, TekstVeld, TekstvakVeld, foutregels, type Foutregel } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';

interface Termijn {
  soort: string; naam: string; jaren: number; standaardJaren: number; min: number; max: number; vanaf: string;
  grondslag: string; standaardGrondslag: string; aangepast: boolean; gewijzigdDoor: string | null; gewijzigdOp: string | null;
}
interface Termijnen { termijnen: Termijn[] }
interface Invoer { jaren: string; grondslag: string }
// The API names fields by their place in the array it got: termijnen.{i}.jaren.
const veldVan = (i: number, veld: 'jaren' | 'grondslag') => `termijnen.${i}.${veld}`;

export function BewaartermijnenPage() {
  usePageTitle('Bewaartermijnen');
  const queryClient = useQueryClient();
  const huidig = useQuery({ queryKey: ['instellingen', 'bewaartermijnen'], queryFn: () => api<Termijnen>('/instellingen/bewaartermijnen') });
  const [invoer, setInvoer] = useState<Record<string, Invoer>>({});
  const [bezig, setBezig] = useState(false);
  const [bericht, setBericht] = useState<string | null>(null);
  const [eigenFouten, setEigenFouten] = useState<Record<string, string>>({});
  const { probleem, setProbleem, fouten } = useProbleem();
  // Beheer may draw up a list now (after changing a term) and offer it; judging it is the archivaris's.
  const opstellen = useMutation({
    mutationFn: async () => {
      const l = await api<{ id: string; nummer: string; aantalItems: number }>('/vernietigingslijsten', { method: 'POST' });
      await api(`/vernietigingslijsten/${l.id}/aanbieding`, { method: 'POST' });
      return l;
    },
  });
  const vulIn = (t: Termijnen) => setInvoer(Object.fromEntries(t.termijnen.map((x) => [x.soort, { jaren: String(x.jaren), grondslag: x.aangepast ? x.grondslag : '' }])));
  useEffect(() => { if (huidig.data) vulIn(huidig.data); }, [huidig.data]);
  // One array per problem, so the summary takes focus when the errors change, not on every keystroke.
  const regels: Foutregel[] = useMemo(() => {
    const namen = Object.fromEntries((huidig.data?.termijnen ?? []).flatMap((t, i) => [[veldVan(i, 'jaren'), `${t.naam}, aantal jaren`], [veldVan(i, 'grondslag'), `${t.naam}, grondslag`]]));
    return probleem ? foutregels(probleem, namen) : Object.entries(eigenFouten).map(([naam, tekst]) => ({ naam, tekst }));
  }, [probleem, eigenFouten, huidig.data]);

  if (huidig.isPending) return <><Heading1>Bewaartermijnen</Heading1><Laden /></>;
  if (huidig.isError) return <><Heading1>Bewaartermijnen</Heading1><Foutmelding fout={huidig.error} /></>;
  const termijnen = huidig.data.termijnen;

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setBericht(null);
    const f: Record<string, string> = {};
    termijnen.forEach((t, i) => {
      const n = Number(invoer[t.soort]?.jaren ?? '');
      if (!Number.isInteger(n) || n < t.min || n > t.max) f[veldVan(i, 'jaren')] = `${t.naam}: vul een heel aantal jaren in van ${t.min} tot en met ${t.max}`;
    });
    setEigenFouten(f);
    if (Object.keys(f).length > 0) return;
    setBezig(true);
    try {
      const opgeslagen = await api<Termijnen>('/instellingen/bewaartermijnen', {
        method: 'PUT',
        body: {
          termijnen: termijnen.map((t) => {
            const v = invoer[t.soort]!;
            return { soort: t.soort, jaren: Number(v.jaren), ...(v.grondslag.trim() ? { grondslag: v.grondslag.trim() } : {}) };
          }),
        },
      });
      queryClient.setQueryData(['instellingen', 'bewaartermijnen'], opgeslagen);
      vulIn(opgeslagen);
      setBericht('De bewaartermijnen zijn opgeslagen. De volgende vernietigingslijst gebruikt ze.');
    } catch (err) {
      setProbleem(alsProbleem(err));
    } finally {
      setBezig(false);
    }
  };

  return (
    <>
      <Heading1>Bewaartermijnen</Heading1>
      <Paragraph appearance="lead">
        Hoe lang een dossier van een huishouden bewaard blijft nadat het laatste stuk is afgesloten. Daarna komt het op een vernietigingslijst;
        vernietigd wordt pas als de archivaris die goedkeurt. Zolang er iets open is (een casus, aanvraag, bezwaar of lopende voorziening), blijft het hele dossier bewaard.
      </Paragraph>
      <Bericht tekst={bericht} />
      {regels.length > 0 ? <FoutSamenvatting fouten={regels} /> : null}
      {probleem && regels.length === 0 ? <Foutmelding fout={probleem} /> : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="eenvoud-form">
        {termijnen.map((t, i) => {
          const v = invoer[t.soort] ?? { jaren: '', grondslag: '' };
          const zet = (w: Partial<Invoer>) => setInvoer({ ...invoer, [t.soort]: { ...v, ...w } });
          return (
            <fieldset key={t.soort} className="utrecht-form-fieldset">
              <legend className="utrecht-form-fieldset__legend">{t.naam}</legend>
              <Paragraph>
                Standaard {t.standaardJaren} jaar {t.vanaf}. Bron: {t.standaardGrondslag}.
                {t.aangepast && t.gewijzigdOp ? ` Aangepast${t.gewijzigdDoor ? ` door ${t.gewijzigdDoor}` : ''} op ${formatMoment(t.gewijzigdOp)}.` : ''}
              </Paragraph>
              <TekstVeld naam={veldVan(i, 'jaren')} label="Aantal jaren" verplicht inputMode="numeric" value={v.jaren}
                beschrijving={`Een heel aantal van ${t.min} tot en met ${t.max}.`}
                onChange={(e) => zet({ jaren: e.target.value })} fout={eigenFouten[veldVan(i, 'jaren')] ?? fouten[veldVan(i, 'jaren')]} />
              <TekstvakVeld naam={veldVan(i, 'grondslag')} label="Eigen grondslag" rows={2} maxLength={500} value={v.grondslag}
                beschrijving="Alleen als u van de standaard afwijkt: het besluit of de categorie waarop de termijn berust."
                onChange={(e) => zet({ grondslag: e.target.value })} fout={fouten[veldVan(i, 'grondslag')]} />
            </fieldset>
          );
        })}
        <ButtonGroup><PrimaryActionButton type="submit" busy={bezig} disabled={bezig}>Opslaan</PrimaryActionButton></ButtonGroup>
      </form>
      <section aria-labelledby="kop-lijst" className="eenvoud-sectie">
        <Heading2 id="kop-lijst">Vernietigingslijst</Heading2>
        <Paragraph>Elke nacht komt wat vervallen is op een lijst voor de archivaris. Na een wijziging kunt u die lijst ook nu laten opstellen.</Paragraph>
        <ButtonGroup>
          <Button appearance="secondary-action-button" type="button" busy={opstellen.isPending} disabled={opstellen.isPending} onClick={() => opstellen.mutate()}>
            Nu een vernietigingslijst opstellen
          </Button>
        </ButtonGroup>
        <div aria-live="polite">
          {opstellen.data ? <Paragraph>Vernietigingslijst {opstellen.data.nummer} met {opstellen.data.aantalItems} {opstellen.data.aantalItems === 1 ? 'dossier' : 'dossiers'} ligt ter goedkeuring bij de archivaris.</Paragraph> : null}
          {opstellen.isError ? <Foutmelding fout={opstellen.error} /> : null}
        </div>
      </section>
    </>
  );
}
