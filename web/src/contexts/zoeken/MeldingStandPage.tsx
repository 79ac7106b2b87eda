import { DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import { formatDatum } from '../../platform/format.ts';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { RouterLink } from '../../platform/links.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { useMeldingStand } from './api.ts';

/**
 * For the frontoffice/KCC on the phone: how a melding is doing and who handles it, and the caller's
 * name and birth date to check who is calling. Not what the melding is about: that stays in the file.
 */
export function MeldingStandPage() {
  const { id = '' } = useParams();
  const stand = useMeldingStand(id);
  const m = stand.data;
  usePageTitle(m ? `Stand van melding ${m.nummer}` : 'Stand van een melding');

  if (stand.isPending) return <Laden tekst="De melding wordt geladen…" />;
  if (stand.isError || !m) {
    return (
      <>
        <Heading1>Stand van een melding</Heading1>
        <Foutmelding fout={stand.error} />
        <Paragraph><RouterLink to="/zoeken">Opnieuw zoeken</RouterLink></Paragraph>
      </>
    );
  }

  const behandelaar = m.behandeling.casusregisseur;
  return (
    <>
      <Heading1>Stand van melding {m.nummer}</Heading1>
      <Paragraph appearance="lead">
        {behandelaar
          ? `${behandelaar}${m.behandeling.team ? ` (${m.behandeling.team})` : ''} behandelt deze melding.`
          : 'Nog geen casusregisseur heeft deze melding opgepakt.'}
      </Paragraph>

      <section aria-labelledby="kop-stand" className="eenvoud-sectie">
        <Heading2 id="kop-stand">De melding</Heading2>
        <DataList className="eenvoud-datalist">
          <DataListItem><DataListKey>Nummer</DataListKey><DataListValue>{m.nummer}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Status</DataListKey><DataListValue>{m.statusNaam}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Onderwerp</DataListKey><DataListValue>{m.wetNaam}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Ontvangen op</DataListKey><DataListValue>{formatDatum(m.ontvangenOp)}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Gemeld via</DataListKey><DataListValue>{m.kanaalNaam}</DataListValue></DataListItem>
          {m.afgerondOp ? <DataListItem><DataListKey>Afgerond op</DataListKey><DataListValue>{formatDatum(m.afgerondOp)}</DataListValue></DataListItem> : null}
          <DataListItem><DataListKey>Casusregisseur</DataListKey><DataListValue>{behandelaar ?? 'Nog niet toegewezen'}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Team</DataListKey><DataListValue>{m.behandeling.team ?? 'Nog niet bekend'}</DataListValue></DataListItem>
          {m.behandeling.casusNummer ? <DataListItem><DataListKey>Casus</DataListKey><DataListValue>{m.behandeling.casusNummer}</DataListValue></DataListItem> : null}
        </DataList>
      </section>

      <section aria-labelledby="kop-beller" className="eenvoud-sectie">
        <Heading2 id="kop-beller">Beller controleren</Heading2>
        <Paragraph>Vraag de beller naar naam en geboortedatum en vergelijk ze hiermee voordat u iets over de melding zegt.</Paragraph>
        <DataList className="eenvoud-datalist">
          <DataListItem><DataListKey>Naam</DataListKey><DataListValue>{m.inwoner.naam}</DataListValue></DataListItem>
          <DataListItem><DataListKey>Geboortedatum</DataListKey><DataListValue>{formatDatum(m.inwoner.geboortedatum)}</DataListValue></DataListItem>
        </DataList>
      </section>

      <Paragraph className="eenvoud-gedimd">
        Wat de inwoner heeft gemeld staat in het dossier en ziet u hier niet. Heeft de beller een inhoudelijke vraag, verbind dan door met de casusregisseur of het team.
      </Paragraph>
    </>
  );
}
