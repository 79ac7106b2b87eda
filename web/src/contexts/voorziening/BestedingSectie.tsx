/**
 * The money of one voorziening (ADR 40): what was decided, what the provider declared, what the
 * gemeente approved and credited, and what remains. A pgb is paid through the SVB; a taakgericht
 * product has no declarations per client.
 */
import { DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Voorziening } from './api.ts';
import { formatEuro, geenBudgetTekst, zonderDagen } from './regels.ts';

export function BestedingSectie({ v }: { v: Voorziening }) {
  const rij = (label: string, cents: number | undefined, uitleg?: string) => (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{formatEuro(cents ?? 0)}{uitleg ? <span className="eenvoud-gedimd"> {uitleg}</span> : null}</DataListValue>
    </DataListItem>
  );
  let inhoud;
  // Ended before its first day and nothing declared: a list of zeros would only suggest there was money.
  if (zonderDagen(v) && (v.gedeclareerdCents ?? 0) === 0) {
    inhoud = <Paragraph>{geenBudgetTekst(v.status)} Er is niets gedeclareerd.</Paragraph>;
  } else if (v.bestedingBron === 'svb') {
    inhoud = (
      <>
        <Paragraph>Dit persoonsgebonden budget loopt via de SVB: de SVB betaalt de facturen van de budgethouder. Voor de gemeente is het budget besteed zodra het aan de SVB is doorgegeven.</Paragraph>
        <DataList className="eenvoud-datalist">
          {rij('Budget', v.budgetCents)}
          {rij('Doorgegeven aan de SVB', v.goedgekeurdCents, v.svb ? undefined : '(nog niet vastgelegd)')}
        </DataList>
      </>
    );
  } else if (v.bestedingBron === 'taakgericht') {
    inhoud = <Paragraph>Taakgericht bekostigd: de aanbieder krijgt per maand een vast bedrag onder het contract en declareert niet per cliënt.</Paragraph>;
  } else {
    inhoud = (
      <>
        <DataList className="eenvoud-datalist">
          {rij('Budget', v.budgetCents)}
          {rij('Gedeclareerd', v.gedeclareerdCents, '(alle debetprestaties van de aanbieder)')}
          {rij('Goedgekeurd', v.goedgekeurdCents, '(na creditering)')}
          {(v.gecrediteerdCents ?? 0) > 0 ? rij('Gecrediteerd', v.gecrediteerdCents) : null}
          {(v.afgewezenCents ?? 0) > 0 ? rij('Afgewezen', v.afgewezenCents) : null}
          {rij('Restant', v.restantCents)}
          {rij('Verplichting', v.verplichtingCents, '(wat nog kan worden gedeclareerd tot het einde)')}
        </DataList>
        {(v.gedeclareerdCents ?? 0) === 0 ? <Paragraph>De aanbieder heeft voor deze voorziening nog niets gedeclareerd.</Paragraph> : null}
      </>
    );
  }
  return (
    <section aria-labelledby="kop-besteding" className="eenvoud-sectie">
      <Heading2 id="kop-besteding">Besteding</Heading2>
      {inhoud}
    </section>
  );
}
