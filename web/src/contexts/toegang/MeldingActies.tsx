/**
 * What a professional can do with a melding: triage, suspend or extend a term, end a suspension,
 * close the melding. Each form sends one request; the API answers with the melding as it now is.
 */
import {
  Button, ButtonGroup, Paragraph, PrimaryActionButton, SelectOption,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../../platform/api.ts';
import { Probleem, Uitklap } from '../../platform/acties.tsx';
import { KeuzeVeld, RondjesVeld, TekstVeld, TekstvakVeld, veldFouten } from '../../platform/form.tsx';
import { useSession } from '../../platform/session.tsx';
import { formatDatum, vandaag } from '../../platform/format.ts';
import { useMeldingActie, useRegisseurs, type MeldingActie, type MeldingDetail, type Termijn } from './api.ts';

type Gelukt = (tekst: string) => void;

/** One action: the request, its problem (in the API's words) and the field messages. */
function useActie(meldingId: string, onGelukt: Gelukt) {
  const mutatie = useMeldingActie(meldingId);
  const [probleem, setProbleem] = useState<ApiProblem | null>(null);
  const verstuur = (actie: MeldingActie, tekst: string, daarna?: () => void) => {
    setProbleem(null);
    mutatie.mutate(actie, {
      onSuccess: () => {
        onGelukt(tekst);
        daarna?.();
      },
      onError: (e) => setProbleem(e instanceof ApiProblem ? e : new ApiProblem({
        type: 'about:blank', status: 0, code: 'onbekende-fout', title: 'Er ging iets mis', detail: 'Probeer het opnieuw.',
      })),
    });
  };
  return { verstuur, probleem, fouten: veldFouten(probleem), bezig: mutatie.isPending };
}

export function TriageFormulier({ melding, onGelukt }: { melding: MeldingDetail; onGelukt: Gelukt }) {
  const { sessie, heeftRol } = useSession();
  const { verstuur, probleem, fouten, bezig } = useActie(melding.id, onGelukt);
  const [uitkomst, setUitkomst] = useState<'' | 'enkelvoudig' | 'onderzoek'>('');
  const [advies, setAdvies] = useState('');
  const [product, setProduct] = useState('');
  const [regisseurId, setRegisseurId] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [keuzeFout, setKeuzeFout] = useState<string | undefined>(undefined);
  const regisseurs = useRegisseurs({ enabled: uitkomst === 'onderzoek' });
  const ikBenRegisseur = heeftRol('regisseur');

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (uitkomst === 'enkelvoudig') {
      verstuur({ soort: 'triage', body: { uitkomst, advies, ...(product.trim() ? { product } : {}) } }, 'De triage is opgeslagen: de vraag is direct beantwoord.');
    } else if (uitkomst === 'onderzoek') {
      verstuur({
        soort: 'triage', body: { uitkomst, ...(regisseurId ? { regisseurId } : {}), ...(toelichting.trim() ? { toelichting } : {}) },
      }, 'De triage is opgeslagen: de melding is door naar onderzoek.');
    } else {
      setKeuzeFout('Kies de uitkomst van de triage');
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie" aria-labelledby="kop-triage">
      <Probleem probleem={probleem} />
      <RondjesVeld naam="uitkomst" label="Uitkomst van de triage" verplicht
        opties={[
          { code: 'enkelvoudig', naam: 'Enkelvoudig: direct beantwoord' },
          { code: 'onderzoek', naam: 'Door naar onderzoek' },
        ]}
        waarde={uitkomst} onChange={(v) => { setUitkomst(v as 'enkelvoudig' | 'onderzoek'); setKeuzeFout(undefined); }}
        fout={keuzeFout ?? fouten.uitkomst} />
      {uitkomst === 'enkelvoudig' ? (
        <>
          <TekstvakVeld naam="advies" label="Gegeven advies of antwoord" verplicht rows={4} maxLength={4000}
            value={advies} onChange={(e) => setAdvies(e.target.value)} fout={fouten.advies} />
          <TekstVeld naam="product" label="Product of voorziening" beschrijving="Alleen als u iets heeft geregeld, bijv. een folder of een algemene voorziening."
            value={product} onChange={(e) => setProduct(e.target.value)} fout={fouten.product} />
        </>
      ) : null}
      {uitkomst === 'onderzoek' ? (
        <>
          <KeuzeVeld naam="regisseurId" label="Casusregisseur" busy={regisseurs.isPending}
            beschrijving="Heeft het huishouden al een open casus? Dan komt de melding daarbij, met de regisseur van die casus."
            value={regisseurId} onChange={(e) => setRegisseurId(e.target.value)} fout={fouten.regisseurId}>
            <SelectOption value="">{ikBenRegisseur ? `Ikzelf (${sessie?.gebruiker.naam ?? ''})` : 'Nog niemand: de casus komt bij "Nog niet opgepakt"'}</SelectOption>
            {(regisseurs.data ?? []).filter((r) => r.id !== sessie?.gebruiker.id).map((r) => (
              <SelectOption key={r.id} value={r.id}>{r.naam}</SelectOption>
            ))}
          </KeuzeVeld>
          <TekstvakVeld naam="toelichting" label="Toelichting" rows={3} maxLength={2000}
            value={toelichting} onChange={(e) => setToelichting(e.target.value)} fout={fouten.toelichting} />
        </>
      ) : null}
      <ButtonGroup>
        <PrimaryActionButton type="submit" busy={bezig} disabled={bezig}>Triage opslaan</PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}

/** The actions on one running term. */
export function TermijnActies({ melding, termijn, onGelukt }: { melding: MeldingDetail; termijn: Termijn; onGelukt: Gelukt }) {
  const open = termijn.opschortingen.find((o) => o.tot === null);
  return (
    <div className="eenvoud-acties" role="group" aria-label={`Acties voor de termijn ${termijn.soortNaam}`}>
      {open ? <BeeindigFormulier melding={melding} termijn={termijn} opschortingId={open.id} van={open.van} onGelukt={onGelukt} />
        : <OpschortFormulier melding={melding} termijn={termijn} onGelukt={onGelukt} />}
      {termijn.verdaging === null && termijn.status !== 'verlopen' ? (
        <VerdaagFormulier melding={melding} termijn={termijn} onGelukt={onGelukt} />
      ) : null}
    </div>
  );
}

function OpschortFormulier({ melding, termijn, onGelukt }: { melding: MeldingDetail; termijn: Termijn; onGelukt: Gelukt }) {
  const { verstuur, probleem, fouten, bezig } = useActie(melding.id, onGelukt);
  const [van, setVan] = useState(vandaag());
  const [tot, setTot] = useState('');
  const [reden, setReden] = useState('');
  const p = `opschorting-${termijn.soort}`;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    verstuur({ soort: 'opschorting', body: { van, ...(tot ? { tot } : {}), reden, soort: termijn.soort } },
      `De termijn ${termijn.soortNaam} is opgeschort.`, () => { setReden(''); setTot(''); });
  };
  return (
    <Uitklap titel="Termijn opschorten">
      <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie">
        <Paragraph className="eenvoud-uitleg">
          Bijvoorbeeld als u wacht op gegevens van de inwoner. De opgeschorte dagen komen bij de uiterste datum.
        </Paragraph>
        <Probleem probleem={probleem} />
        <div className="eenvoud-rij">
          <TekstVeld naam={`${p}.van`} label="Van" verplicht type="date" className="eenvoud-breedte-10"
            value={van} onChange={(e) => setVan(e.target.value)} fout={fouten.van} />
          <TekstVeld naam={`${p}.tot`} label="Tot en met" type="date" className="eenvoud-breedte-10"
            beschrijving="Leeg: loopt door tot u de opschorting beëindigt."
            value={tot} onChange={(e) => setTot(e.target.value)} fout={fouten.tot} />
        </div>
        <TekstvakVeld naam={`${p}.reden`} label="Reden van de opschorting" verplicht rows={3} maxLength={1000}
          value={reden} onChange={(e) => setReden(e.target.value)} fout={fouten.reden} />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" busy={bezig} disabled={bezig}>Termijn opschorten</Button>
        </ButtonGroup>
      </form>
    </Uitklap>
  );
}

function BeeindigFormulier({ melding, termijn, opschortingId, van, onGelukt }: {
  melding: MeldingDetail; termijn: Termijn; opschortingId: string; van: string; onGelukt: Gelukt;
}) {
  const { verstuur, probleem, fouten, bezig } = useActie(melding.id, onGelukt);
  const [tot, setTot] = useState(vandaag());
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    verstuur({ soort: 'beeindiging', opschortingId, body: { tot } }, `De opschorting van de termijn ${termijn.soortNaam} is beëindigd.`);
  };
  return (
    <Uitklap titel="Opschorting beëindigen">
      <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie">
        <Paragraph className="eenvoud-uitleg">De opschorting loopt sinds {formatDatum(van)}. Vanaf de dag na de laatste dag loopt de termijn weer.</Paragraph>
        <Probleem probleem={probleem} />
        <TekstVeld naam={`beeindiging-${termijn.soort}.tot`} label="Laatste dag van de opschorting" verplicht type="date" className="eenvoud-breedte-10"
          value={tot} onChange={(e) => setTot(e.target.value)} fout={fouten.tot} />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" busy={bezig} disabled={bezig}>Opschorting beëindigen</Button>
        </ButtonGroup>
      </form>
    </Uitklap>
  );
}

function VerdaagFormulier({ melding, termijn, onGelukt }: { melding: MeldingDetail; termijn: Termijn; onGelukt: Gelukt }) {
  const { verstuur, probleem, fouten, bezig } = useActie(melding.id, onGelukt);
  const [nieuweDatum, setNieuweDatum] = useState('');
  const [reden, setReden] = useState('');
  const p = `verdaging-${termijn.soort}`;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    verstuur({ soort: 'verdaging', body: { nieuweDatum, reden, soort: termijn.soort } }, `De termijn ${termijn.soortNaam} is verdaagd.`);
  };
  return (
    <Uitklap titel="Termijn verdagen">
      <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie">
        <Paragraph className="eenvoud-uitleg">Een termijn kan maar één keer worden verdaagd, en alleen vóór de uiterste datum ({formatDatum(termijn.uitersteDatum)}).</Paragraph>
        <Probleem probleem={probleem} />
        <TekstVeld naam={`${p}.nieuweDatum`} label="Nieuwe uiterste datum" verplicht type="date" min={termijn.uitersteDatum} className="eenvoud-breedte-10"
          value={nieuweDatum} onChange={(e) => setNieuweDatum(e.target.value)} fout={fouten.nieuweDatum} />
        <TekstvakVeld naam={`${p}.reden`} label="Reden van de verdaging" verplicht rows={3} maxLength={1000}
          value={reden} onChange={(e) => setReden(e.target.value)} fout={fouten.reden} />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" busy={bezig} disabled={bezig}>Termijn verdagen</Button>
        </ButtonGroup>
      </form>
    </Uitklap>
  );
}

export function AfsluitFormulier({ melding, onGelukt }: { melding: MeldingDetail; onGelukt: Gelukt }) {
  const { verstuur, probleem, fouten, bezig } = useActie(melding.id, onGelukt);
  const [reden, setReden] = useState('');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    verstuur({ soort: 'afsluiting', body: { reden } }, `Melding ${melding.nummer} is afgesloten.`);
  };
  return (
    <Uitklap titel="Melding afsluiten">
      <form onSubmit={onSubmit} noValidate className="eenvoud-form eenvoud-actie">
        <Paragraph className="eenvoud-uitleg">
          {melding.status === 'gemeld' ? 'Bijvoorbeeld als de inwoner de vraag intrekt.' : 'Als het onderzoek klaar is.'} Lopende termijnen worden vandaag afgerond.
        </Paragraph>
        <Probleem probleem={probleem} />
        <TekstvakVeld naam="afsluiting.reden" label="Reden" verplicht rows={3} maxLength={1000}
          value={reden} onChange={(e) => setReden(e.target.value)} fout={fouten.reden} />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" busy={bezig} disabled={bezig}>Melding afsluiten</Button>
        </ButtonGroup>
      </form>
    </Uitklap>
  );
}
