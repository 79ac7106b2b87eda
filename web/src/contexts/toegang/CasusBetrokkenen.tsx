/**
 * On the casus page: the colleagues who may read this household's file besides the casusregisseur
 * (need-to-know, ADR 25). The casusregisseur or the teamleider of the team adds or removes them.
 */
import {
  ButtonGroup, Heading2, Paragraph, PrimaryActionButton, SecondaryActionButton, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Bericht, Probleem, Uitklap, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { formatMoment } from '../../platform/format.ts';
import { KeuzeVeld, TekstVeld } from '../../platform/form.tsx';
import { useSessie, useSession } from '../../platform/session.tsx';
import { useHaalBetrokkeneWeg, useRegisseurs, useVoegBetrokkeneToe, type Casus } from './api.ts';

export function BetrokkenenSectie({ casus }: { casus: Casus }) {
  const sessie = useSessie();
  const { heeftRol } = useSession();
  const magBeheren = casus.status === 'open' && (casus.regisseur?.id === sessie.gebruiker.id || heeftRol('teamleider'));
  const regisseurs = useRegisseurs({ enabled: magBeheren });
  const toevoegen = useVoegBetrokkeneToe(casus.id);
  const weghalen = useHaalBetrokkeneWeg(casus.id);
  const { probleem, setProbleem, fouten } = useProbleem();
  const [gebruikerId, setGebruikerId] = useState('');
  const [rol, setRol] = useState('');
  const [bericht, setBericht] = useState<string | null>(null);

  // Colleagues of the casus's team: the regisseur's team (the API checks it as well).
  const team = regisseurs.data?.find((r) => r.id === casus.regisseur?.id)?.teamId ?? null;
  const al = new Set([casus.regisseur?.id, ...casus.betrokkenen.map((b) => b.gebruikerId)]);
  const kandidaten = (regisseurs.data ?? []).filter((r) => !al.has(r.id) && (team === null || r.teamId === team));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setProbleem(null);
    setBericht(null);
    const naam = kandidaten.find((k) => k.id === gebruikerId)?.naam ?? 'De collega';
    toevoegen.mutate({ gebruikerId, ...(rol.trim() ? { rol: rol.trim() } : {}) }, {
      onSuccess: () => {
        setGebruikerId('');
        setRol('');
        setBericht(`${naam} is toegevoegd en kan het dossier nu inzien.`);
      },
      onError: (err) => setProbleem(alsProbleem(err)),
    });
  };

  return (
    <section id="betrokkenen" aria-labelledby="kop-betrokkenen" className="eenvoud-sectie">
      <Heading2 id="kop-betrokkenen">Betrokken collega&apos;s</Heading2>
      <Paragraph>
        Alleen wie aan dit huishouden werkt, kan het dossier inzien: de casusregisseur, de collega&apos;s hieronder, de procescoördinator,
        de teamleider van het team en de beslisser zolang een aanvraag bij de beslissers ligt.
      </Paragraph>
      <Bericht tekst={bericht} />
      <Probleem probleem={probleem} />
      {casus.betrokkenen.length === 0 ? (
        <Paragraph>Er zijn geen collega&apos;s toegevoegd.</Paragraph>
      ) : (
        <div className="eenvoud-tabel">
          <Table>
            <TableCaption className="eenvoud-visueel-verborgen">Collega&apos;s die dit dossier mogen inzien</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Naam</TableHeaderCell>
                <TableHeaderCell scope="col">Rol in de casus</TableHeaderCell>
                <TableHeaderCell scope="col">Toegevoegd</TableHeaderCell>
                {magBeheren ? <TableHeaderCell scope="col"><span className="eenvoud-visueel-verborgen">Actie</span></TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {casus.betrokkenen.map((b) => (
                <TableRow key={b.gebruikerId}>
                  <TableCell>{b.naam}</TableCell>
                  <TableCell>{b.rol ?? '—'}</TableCell>
                  <TableCell>{formatMoment(b.toegevoegdOp)}{b.toegevoegdDoor ? ` door ${b.toegevoegdDoor}` : ''}</TableCell>
                  {magBeheren ? (
                    <TableCell>
                      <SecondaryActionButton type="button" aria-label={`Weghalen: ${b.naam}`} busy={weghalen.isPending && weghalen.variables === b.gebruikerId}
                        disabled={weghalen.isPending}
                        onClick={() => {
                          setProbleem(null);
                          setBericht(null);
                          weghalen.mutate(b.gebruikerId, {
                            onSuccess: () => setBericht(`${b.naam} is weggehaald en kan het dossier niet meer inzien.`),
                            onError: (err) => setProbleem(alsProbleem(err)),
                          });
                        }}>
                        Weghalen
                      </SecondaryActionButton>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {magBeheren ? (
        <div className="eenvoud-acties">
          <Uitklap titel="Collega toevoegen">
            <form onSubmit={onSubmit} noValidate className="eenvoud-form" aria-label="Collega toevoegen">
              <KeuzeVeld naam="gebruikerId" label="Collega uit het team" verplicht busy={regisseurs.isPending}
                value={gebruikerId} onChange={(e) => setGebruikerId(e.target.value)} fout={fouten.gebruikerId}>
                <SelectOption value="">Kies een collega</SelectOption>
                {kandidaten.map((k) => <SelectOption key={k.id} value={k.id}>{k.naam}</SelectOption>)}
              </KeuzeVeld>
              <TekstVeld naam="rol" label="Rol in de casus (niet verplicht)" maxLength={100}
                beschrijving="Bijvoorbeeld: schuldhulp, of vervanger tijdens verlof."
                value={rol} onChange={(e) => setRol(e.target.value)} fout={fouten.rol} />
              <ButtonGroup>
                <PrimaryActionButton type="submit" busy={toevoegen.isPending} disabled={toevoegen.isPending}>Collega toevoegen</PrimaryActionButton>
              </ButtonGroup>
            </form>
          </Uitklap>
        </div>
      ) : null}
    </section>
  );
}
