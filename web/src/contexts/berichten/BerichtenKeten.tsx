/** The message chain of one voorziening in natura: its toewijzing (301) and what the provider reported back, with the codes per product. */
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { useKeten } from './api.ts';
import { BerichtenTabel } from './BerichtenTabel.tsx';

export function BerichtenKeten({ voorzieningId, aanbieder }: { voorzieningId: string; aanbieder: boolean }) {
  const keten = useKeten(voorzieningId, aanbieder);
  return (
    <section aria-labelledby="kop-berichten" className="eenvoud-sectie">
      <Heading2 id="kop-berichten">Berichten met de aanbieder</Heading2>
      {!aanbieder ? <Paragraph>Zodra een aanbieder is gekozen, stuurt Eenvoud de toewijzing (301); de start en stop van de aanbieder verschijnen hier.</Paragraph> : null}
      {keten.isPending && aanbieder ? <Laden tekst="De berichten worden geladen…" /> : null}
      {keten.isError ? <Foutmelding fout={keten.error} /> : null}
      {keten.data ? (
        <>
          {keten.data.toewijzingNummer !== null ? <Paragraph>Toewijzingnummer: <strong>{keten.data.toewijzingNummer}</strong></Paragraph> : null}
          {keten.data.items.length === 0
            ? <Paragraph>De toewijzing wordt gemaakt en verstuurd; vernieuw de pagina straks.</Paragraph>
            : <BerichtenTabel titel="Berichten over deze voorziening, de oudste eerst" berichten={keten.data.items} />}
        </>
      ) : null}
    </section>
  );
}
