/**
 * On the casus page: the household's aanvragen, the form to file one for the plan items that need a
 * beschikking, and (teamleider) procescoördinatie.
 */
import { ButtonGroup, Heading2, Paragraph, PrimaryActionButton, SelectOption } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Bericht, Probleem, Uitklap, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { formatDatum, vandaag } from '../../platform/format.ts';
import { AankruisVeld, KeuzeVeld, TekstVeld, TekstvakVeld } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { useSession } from '../../platform/session.tsx';
import { standaardAanvrager, useHuishouden, type Lid } from '../inwoners/api.ts';
import { usePlan, type ArrangementItem } from '../plan/api.ts';
import { useCasus, useRegisseurs } from '../toegang/api.ts';
import { AanvragenTabel } from './AanvragenPage.tsx';
import { useAanvraagDetails, useAanvragen, useDienAanvraagIn, useZetProcescoordinatie, type AanvragerRelatie, type NieuweAanvraag, type Procescoordinatie } from './api.ts';

export function AanvragenSectie({ casusId, magSchrijven }: { casusId: string; magSchrijven: boolean }) {
  const { heeftRol } = useSession();
  const aanvragen = useAanvragen({ casusId, aantal: 200 });
  const plan = usePlan(casusId);
  const lijst = aanvragen.data?.resultaten ?? [];
  const details = useAanvraagDetails(lijst.filter((a) => a.status !== 'verzonden').map((a) => a.id));
  const [bericht, setBericht] = useState<{ tekst: string; id: string; nummer: string } | null>(null);

  const aangevraagd = new Set((details.data ?? []).flatMap((d) => d.producten.map((p) => p.arrangementItemId)).filter(Boolean));
  const alleItems = plan.data?.arrangementPerTrede.flatMap((t) => t.items) ?? [];
  const open = alleItems.filter((i) => i.status === 'aanvraagNodig' && !aangevraagd.has(i.id));
  const klaar = !aanvragen.isPending && !plan.isPending && !details.isPending;
  const magIndienen = magSchrijven && heeftRol('regisseur', 'teamleider');

  return (
    <section id="aanvragen" aria-labelledby="kop-aanvragen" className="eenvoud-sectie">
      <Heading2 id="kop-aanvragen">Aanvragen en besluiten</Heading2>
      {aanvragen.isPending ? <Laden tekst="De aanvragen worden geladen…" /> : null}
      {aanvragen.isError ? <Foutmelding fout={aanvragen.error} /> : null}
      <Bericht tekst={bericht?.tekst ?? null}>
        {bericht ? <Paragraph><RouterLink to={`/aanvragen/${bericht.id}`}>Naar aanvraag {bericht.nummer}</RouterLink></Paragraph> : null}
      </Bericht>
      {aanvragen.data && lijst.length === 0 ? <Paragraph>Voor dit huishouden is nog niets aangevraagd.</Paragraph> : null}
      {lijst.length > 0 ? <AanvragenTabel aanvragen={lijst} zonderCasus bijschrift={`Aanvragen van dit huishouden: ${lijst.length}`} /> : null}
      {magIndienen && klaar && open.length > 0 ? (
        <div className="eenvoud-acties">
          <Uitklap titel="Aanvraag indienen">
            <AanvraagIndienen casusId={casusId} items={open} onGelukt={(id, nummer) => setBericht({ tekst: `Aanvraag ${nummer} is ingediend. Een collega toetst haar.`, id, nummer })} />
          </Uitklap>
        </div>
      ) : null}
      {magIndienen && klaar && open.length === 0 && alleItems.some((i) => i.status === 'aanvraagNodig') ? (
        <Paragraph className="eenvoud-gedimd">Alles in het plan dat een beschikking nodig heeft, is aangevraagd.</Paragraph>
      ) : null}
    </section>
  );
}

function AanvraagIndienen({ casusId, items, onGelukt }: { casusId: string; items: ArrangementItem[]; onGelukt: (id: string, nummer: string) => void }) {
  const indienen = useDienAanvraagIn();
  const { probleem, setProbleem, fouten } = useProbleem();
  const [gekozen, setGekozen] = useState<Record<string, boolean>>(() => Object.fromEntries(items.map((i) => [i.id, true])));
  const [ontvangenOp, setOntvangenOp] = useState(vandaag());
  const [toelichting, setToelichting] = useState('');
  const [partijen, setPartijen] = useState<Pick<NieuweAanvraag, 'namensPersoonId' | 'aanvrager'>>({});
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    indienen.mutate({
      casusId, arrangementItemIds: items.filter((i) => gekozen[i.id] ?? true).map((i) => i.id), ontvangenOp, ...(toelichting.trim() ? { toelichting } : {}),
      ...partijen,
    }, {
      onSuccess: (a) => onGelukt(a.id, a.nummer),
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label="Aanvraag indienen">
      <Paragraph className="eenvoud-uitleg">Eén aanvraag voor het hele huishouden, over alle wetten heen. Per wet gaat een beslistermijn lopen.</Paragraph>
      <Probleem probleem={probleem} />
      <fieldset className="utrecht-form-fieldset eenvoud-subfieldset" aria-describedby={fouten.arrangementItemIds ? 'veld-arrangementItemIds-fout' : undefined}>
        <legend className="utrecht-form-fieldset__legend">Welke onderdelen van het arrangement?</legend>
        {fouten.arrangementItemIds ? <p className="eenvoud-groepsfout" id="veld-arrangementItemIds-fout">{fouten.arrangementItemIds}</p> : null}
        {items.map((i) => (
          <AankruisVeld key={i.id} naam={`item-${i.id}`} label={`${i.catalogusItem?.naam ?? i.omschrijving ?? 'Zonder omschrijving'} (trede ${i.trede})`}
            beschrijving={`Vanaf ${formatDatum(i.startdatum)}${i.motivering ? `. ${i.motivering}` : ''}`}
            aan={gekozen[i.id] ?? true} onChange={(aan) => setGekozen((o) => ({ ...o, [i.id]: aan }))} />
        ))}
      </fieldset>
      <NamensEnAanvrager casusId={casusId} fouten={fouten} onChange={setPartijen} />
      <TekstVeld naam="ontvangenOp" label="Ontvangen op" verplicht type="date" max={vandaag()} className="eenvoud-breedte-10"
        beschrijving="De dag waarop de inwoner de aanvraag deed; vanaf dan loopt de beslistermijn."
        value={ontvangenOp} onChange={(e) => setOntvangenOp(e.target.value)} fout={fouten.ontvangenOp} />
      <TekstvakVeld naam="toelichting" label="Toelichting voor de beslisser" rows={3} maxLength={4000}
        value={toelichting} onChange={(e) => setToelichting(e.target.value)} fout={fouten.toelichting} />
      <ButtonGroup><PrimaryActionButton type="submit" busy={indienen.isPending} disabled={indienen.isPending}>Aanvraag indienen</PrimaryActionButton></ButtonGroup>
    </form>
  );
}

const AANVRAGER_KEUZES: { code: AanvragerRelatie; naam: string }[] = [
  { code: 'zelf', naam: 'De inwoner zelf' }, { code: 'ouder', naam: 'Ouder met gezag' }, { code: 'curator', naam: 'Curator' },
  { code: 'mentor', naam: 'Mentor' }, { code: 'bewindvoerder', naam: 'Bewindvoerder' }, { code: 'overig', naam: 'Iemand anders' },
];
const VERTEGENWOORDIGER_NAAM: Record<string, string> = { ouder: 'ouder met gezag', curator: 'curator', mentor: 'mentor', bewindvoerder: 'bewindvoerder' };

function standaardUitleg(lid: Lid): string {
  const ouders = lid.vertegenwoordigers.filter((v) => v.relatie === 'ouder').map((v) => v.naam);
  if (lid.minderjarig) {
    return ouders.length
      ? `${lid.naam} is minderjarig, dus vraagt de ouder met gezag aan (${ouders.join(' of ')}) en gaat het besluit naar de ouder(s) met gezag.`
      : `${lid.naam} is minderjarig maar er is geen gezag vastgelegd: leg het gezag vast bij het huishouden, anders staat ${lid.naam} zelf als aanvrager.`;
  }
  const vv = lid.vertegenwoordigers.map((v) => `${v.naam} (${VERTEGENWOORDIGER_NAAM[v.relatie] ?? v.relatie})`);
  return vv.length
    ? `${lid.naam} is meerderjarig en vraagt standaard zelf aan; het besluit gaat ook naar ${vv.join(' en ')}.`
    : `${lid.naam} is meerderjarig en vraagt standaard zelf aan.`;
}

/**
 * On whose behalf and who applies. Shows the API's default pre-selected, but sends only what the
 * regisseur changed: untouched, the API decides exactly as before (a minor: the parent with gezag).
 */
function NamensEnAanvrager({ casusId, fouten, onChange }: {
  casusId: string; fouten: Record<string, string>; onChange: (p: Pick<NieuweAanvraag, 'namensPersoonId' | 'aanvrager'>) => void;
}) {
  const casus = useCasus(casusId);
  const huishouden = useHuishouden(casus.data?.huishoudenId);
  const [namensKeuze, setNamensKeuze] = useState<string | null>(null);
  const [aanvragerKeuze, setAanvragerKeuze] = useState<{ relatie: AanvragerRelatie; persoonId: string; naam: string } | null>(null);
  const leden = huishouden.data?.leden ?? [];
  const standaardNamens = casus.data?.meldingen[0]?.persoon.id ?? huishouden.data?.hoofdpersoonId ?? '';
  const namens = leden.find((l) => l.id === (namensKeuze ?? standaardNamens));
  if (!namens) return null; // still loading (or no household): the API's default applies
  const standaard = standaardAanvrager(namens);
  const aanvrager = aanvragerKeuze ?? { ...standaard, naam: '' };
  const kandidaten = namens.vertegenwoordigers.filter((v) => v.relatie === aanvrager.relatie);

  const meld = (n: string | null, a: typeof aanvragerKeuze) => {
    onChange({
      ...(n && n !== standaardNamens ? { namensPersoonId: n } : {}),
      ...(a ? {
        aanvrager: {
          relatie: a.relatie,
          ...(a.relatie !== 'zelf' && a.relatie !== 'overig' && a.persoonId ? { persoonId: a.persoonId } : {}),
          ...(a.relatie === 'overig' && a.naam.trim() ? { naam: a.naam.trim() } : {}),
        },
      } : {}),
    });
  };
  const kiesNamens = (id: string) => { setNamensKeuze(id); setAanvragerKeuze(null); meld(id, null); };
  const kiesAanvrager = (a: NonNullable<typeof aanvragerKeuze>) => { setAanvragerKeuze(a); meld(namensKeuze, a); };
  const kiesRelatie = (relatie: AanvragerRelatie) => {
    const eerste = namens.vertegenwoordigers.find((v) => v.relatie === relatie)?.persoonId;
    kiesAanvrager({ relatie, persoonId: relatie === 'zelf' ? namens.id : eerste ?? '', naam: aanvrager.naam });
  };
  const soortNaam = VERTEGENWOORDIGER_NAAM[aanvrager.relatie] ?? aanvrager.relatie;

  return (
    <fieldset className="utrecht-form-fieldset eenvoud-subfieldset">
      <legend className="utrecht-form-fieldset__legend">Namens wie en door wie</legend>
      <KeuzeVeld naam="namensPersoonId" label="Voor wie is de aanvraag?" verplicht value={namens.id} onChange={(e) => kiesNamens(e.target.value)}
        fout={fouten.namensPersoonId} beschrijving="Over wie het besluit gaat: een lid van het huishouden.">
        {leden.map((l) => <SelectOption key={l.id} value={l.id}>{l.naam} ({l.leeftijd} jaar)</SelectOption>)}
      </KeuzeVeld>
      <KeuzeVeld naam="aanvrager.relatie" label="Wie vraagt aan?" verplicht value={aanvrager.relatie} onChange={(e) => kiesRelatie(e.target.value as AanvragerRelatie)}
        fout={fouten['aanvrager.relatie']} beschrijving={standaardUitleg(namens)}>
        {AANVRAGER_KEUZES.map((k) => <SelectOption key={k.code} value={k.code}>{k.code === 'zelf' ? `${namens.naam} zelf` : k.naam}</SelectOption>)}
      </KeuzeVeld>
      {aanvrager.relatie !== 'zelf' && aanvrager.relatie !== 'overig' ? (
        kandidaten.length ? (
          <KeuzeVeld naam="aanvrager.persoonId" label={`Welke ${soortNaam}?`} verplicht value={aanvrager.persoonId}
            onChange={(e) => kiesAanvrager({ ...aanvrager, persoonId: e.target.value })} fout={fouten['aanvrager.persoonId']}>
            {kandidaten.map((v) => <SelectOption key={v.persoonId} value={v.persoonId}>{v.naam}</SelectOption>)}
          </KeuzeVeld>
        ) : (
          <Paragraph className="eenvoud-groepsfout" id="veld-aanvrager-persoonId-fout">
            {fouten['aanvrager.persoonId'] ?? `Bij ${namens.naam} staat geen ${soortNaam}. Leg die eerst vast bij het huishouden.`}
          </Paragraph>
        )
      ) : null}
      {aanvrager.relatie === 'overig' ? (
        <TekstVeld naam="aanvrager.naam" label="Naam van de aanvrager" verplicht value={aanvrager.naam} autoComplete="off"
          beschrijving="Bijvoorbeeld een familielid of mantelzorger die namens de inwoner aanvraagt."
          onChange={(e) => kiesAanvrager({ ...aanvrager, naam: e.target.value })} fout={fouten['aanvrager.naam']} />
      ) : null}
    </fieldset>
  );
}

/** The teamleider marks a casus as multiprobleem and names a procescoördinator. */
export function ProcescoordinatieSectie({ casusId }: { casusId: string }) {
  const zet = useZetProcescoordinatie(casusId);
  const regisseurs = useRegisseurs();
  const { probleem, setProbleem, fouten } = useProbleem();
  const [multiprobleem, setMultiprobleem] = useState(false);
  const [coordinatorId, setCoordinatorId] = useState('');
  const [huidig, setHuidig] = useState<Procescoordinatie | null>(null);
  const [bericht, setBericht] = useState<string | null>(null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    zet.mutate({ multiprobleem, procescoordinatorId: coordinatorId || null }, {
      onSuccess: (p) => {
        setHuidig(p);
        setBericht(p.multiprobleem
          ? `De casus is een multiprobleemcasus${p.procescoordinator ? ` met ${p.procescoordinator.naam} als procescoördinator` : ' (nog zonder procescoördinator)'}.`
          : 'De casus is geen multiprobleemcasus meer.');
      },
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };
  return (
    <section id="procescoordinatie" aria-labelledby="kop-procescoordinatie" className="eenvoud-sectie">
      <Heading2 id="kop-procescoordinatie">Procescoördinatie</Heading2>
      <Bericht tekst={bericht} />
      <Paragraph>
        {huidig
          ? (huidig.multiprobleem ? `Multiprobleemcasus. Procescoördinator: ${huidig.procescoordinator?.naam ?? 'nog niemand'}.` : 'Geen multiprobleemcasus.')
          : 'Bij meerdere problemen tegelijk houdt één procescoördinator het overzicht over alle besluiten en aanbieders van het huishouden.'}
      </Paragraph>
      <div className="eenvoud-acties">
        <Uitklap titel="Procescoördinatie instellen">
          <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label="Procescoördinatie instellen">
            <Probleem probleem={probleem} />
            <AankruisVeld naam="multiprobleem" label="Dit is een multiprobleemcasus" aan={multiprobleem} onChange={setMultiprobleem} fout={fouten.multiprobleem} />
            <KeuzeVeld naam="procescoordinatorId" label="Procescoördinator" busy={regisseurs.isPending}
              value={coordinatorId} onChange={(e) => setCoordinatorId(e.target.value)} fout={fouten.procescoordinatorId}>
              <SelectOption value="">Geen procescoördinator</SelectOption>
              {(regisseurs.data ?? []).map((r) => <SelectOption key={r.id} value={r.id}>{r.naam}</SelectOption>)}
            </KeuzeVeld>
            <ButtonGroup><PrimaryActionButton type="submit" busy={zet.isPending} disabled={zet.isPending}>Opslaan</PrimaryActionButton></ButtonGroup>
          </form>
        </Uitklap>
      </div>
    </section>
  );
}
