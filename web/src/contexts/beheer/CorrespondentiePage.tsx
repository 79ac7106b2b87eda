/** Beheer: the gemeente's sender details, bezwaar address and rechtbank as the letters print them. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading1, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Bericht, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { api } from '../../platform/api.ts';
import { FoutSamenvatting, TekstVeld, foutregels } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';

interface Adres { postbus: string; postcode: string; plaats: string }
export interface Correspondentie extends Adres {
  afdeling: string;
  bezoekadres: { straat: string; postcode: string; plaats: string };
  telefoon: string;
  email: string | null;
  website: string | null;
  bezwaarAdres: Adres & { aan: string };
  rechtbank: Adres & { naam: string };
}

/** Every field with the words a person uses, for the error summary. */
const VELDEN: Record<string, string> = {
  afdeling: 'Afdeling', postbus: 'Postbus', postcode: 'Postcode', plaats: 'Plaats',
  'bezoekadres.straat': 'Bezoekadres: straat en huisnummer', 'bezoekadres.postcode': 'Bezoekadres: postcode', 'bezoekadres.plaats': 'Bezoekadres: plaats',
  telefoon: 'Telefoon', email: 'E-mailadres', website: 'Website',
  'bezwaarAdres.aan': 'Bezwaar: aan wie', 'bezwaarAdres.postbus': 'Bezwaar: postbus', 'bezwaarAdres.postcode': 'Bezwaar: postcode', 'bezwaarAdres.plaats': 'Bezwaar: plaats',
  'rechtbank.naam': 'Rechtbank: naam', 'rechtbank.postbus': 'Rechtbank: postbus', 'rechtbank.postcode': 'Rechtbank: postcode', 'rechtbank.plaats': 'Rechtbank: plaats',
};

const LEEG: Correspondentie = {
  afdeling: '', postbus: '', postcode: '', plaats: '', bezoekadres: { straat: '', postcode: '', plaats: '' }, telefoon: '', email: null, website: null,
  bezwaarAdres: { aan: '', postbus: '', postcode: '', plaats: '' }, rechtbank: { naam: '', postbus: '', postcode: '', plaats: '' },
};

export function CorrespondentiePage() {
  usePageTitle('Gegevens in brieven');
  const queryClient = useQueryClient();
  const huidig = useQuery({ queryKey: ['instellingen', 'correspondentie'], queryFn: () => api<Correspondentie>('/instellingen/correspondentie') });
  const [c, setC] = useState<Correspondentie>(LEEG);
  const [bezig, setBezig] = useState(false);
  const [bericht, setBericht] = useState<string | null>(null);
  const { probleem, setProbleem, fouten } = useProbleem();
  useEffect(() => { if (huidig.data) setC(huidig.data); }, [huidig.data]);

  if (huidig.isPending) return <><Heading1>Gegevens in brieven</Heading1><Laden /></>;
  if (huidig.isError) return <><Heading1>Gegevens in brieven</Heading1><Foutmelding fout={huidig.error} /></>;

  const veld = (naam: string, label: string, waarde: string, zet: (v: string) => void, extra: { beschrijving?: string; verplicht?: boolean; autoComplete?: string } = {}) => (
    <TekstVeld naam={naam} label={label} verplicht={extra.verplicht ?? true} value={waarde} onChange={(e) => zet(e.target.value)} fout={fouten[naam]}
      {...(extra.beschrijving ? { beschrijving: extra.beschrijving } : {})} {...(extra.autoComplete ? { autoComplete: extra.autoComplete } : {})} />
  );

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBezig(true);
    setProbleem(null);
    setBericht(null);
    try {
      const opgeslagen = await api<Correspondentie>('/instellingen/correspondentie', {
        method: 'PUT', body: { ...c, email: c.email?.trim() ? c.email.trim() : null, website: c.website?.trim() ? c.website.trim() : null },
      });
      queryClient.setQueryData(['instellingen', 'correspondentie'], opgeslagen);
      // The form shows what was stored (a postcode written as 1234 AB), also when nothing else changed.
      setC(opgeslagen);
      setBericht('De gegevens zijn opgeslagen. Brieven die vanaf nu worden gemaakt, gebruiken ze; verzonden brieven veranderen niet.');
    } catch (err) {
      setProbleem(alsProbleem(err));
    } finally {
      setBezig(false);
    }
  };

  const regels = probleem ? foutregels(probleem, VELDEN) : [];
  return (
    <>
      <Heading1>Gegevens in brieven</Heading1>
      <Paragraph appearance="lead">
        De afzender, het adres voor bezwaar en de rechtbank voor beroep, zoals ze in beschikkingen, beslissingen op bezwaar en gespreksverslagen staan.
      </Paragraph>
      <Bericht tekst={bericht} />
      {probleem && regels.length > 0 ? <FoutSamenvatting fouten={regels} /> : null}
      {probleem && regels.length === 0 ? <Foutmelding fout={probleem} /> : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="eenvoud-form">
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">Afzender</legend>
          {veld('afdeling', 'Afdeling', c.afdeling, (v) => setC({ ...c, afdeling: v }), { beschrijving: 'Bijvoorbeeld: Sociaal Domein.' })}
          {veld('postbus', 'Postbus', c.postbus, (v) => setC({ ...c, postbus: v }), { beschrijving: 'Bijvoorbeeld: Postbus 100.' })}
          {veld('postcode', 'Postcode', c.postcode, (v) => setC({ ...c, postcode: v }), { beschrijving: 'Bijvoorbeeld: 1234 AB.' })}
          {veld('plaats', 'Plaats', c.plaats, (v) => setC({ ...c, plaats: v }))}
          {veld('telefoon', 'Telefoon', c.telefoon, (v) => setC({ ...c, telefoon: v }), { beschrijving: 'Bijvoorbeeld: 14 0123.', autoComplete: 'tel' })}
          {veld('email', 'E-mailadres', c.email ?? '', (v) => setC({ ...c, email: v }), { verplicht: false, autoComplete: 'email' })}
          {veld('website', 'Website', c.website ?? '', (v) => setC({ ...c, website: v }), { verplicht: false })}
        </fieldset>
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">Bezoekadres</legend>
          {veld('bezoekadres.straat', 'Straat en huisnummer', c.bezoekadres.straat, (v) => setC({ ...c, bezoekadres: { ...c.bezoekadres, straat: v } }))}
          {veld('bezoekadres.postcode', 'Postcode', c.bezoekadres.postcode, (v) => setC({ ...c, bezoekadres: { ...c.bezoekadres, postcode: v } }))}
          {veld('bezoekadres.plaats', 'Plaats', c.bezoekadres.plaats, (v) => setC({ ...c, bezoekadres: { ...c.bezoekadres, plaats: v } }))}
        </fieldset>
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">Adres voor bezwaar</legend>
          {veld('bezwaarAdres.aan', 'Aan wie', c.bezwaarAdres.aan, (v) => setC({ ...c, bezwaarAdres: { ...c.bezwaarAdres, aan: v } }), { beschrijving: 'Bijvoorbeeld: Het college van burgemeester en wethouders van Demodorp.' })}
          {veld('bezwaarAdres.postbus', 'Postbus', c.bezwaarAdres.postbus, (v) => setC({ ...c, bezwaarAdres: { ...c.bezwaarAdres, postbus: v } }))}
          {veld('bezwaarAdres.postcode', 'Postcode', c.bezwaarAdres.postcode, (v) => setC({ ...c, bezwaarAdres: { ...c.bezwaarAdres, postcode: v } }))}
          {veld('bezwaarAdres.plaats', 'Plaats', c.bezwaarAdres.plaats, (v) => setC({ ...c, bezwaarAdres: { ...c.bezwaarAdres, plaats: v } }))}
        </fieldset>
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">Rechtbank voor beroep</legend>
          {veld('rechtbank.naam', 'Naam', c.rechtbank.naam, (v) => setC({ ...c, rechtbank: { ...c.rechtbank, naam: v } }), { beschrijving: 'Bijvoorbeeld: Rechtbank Midden-Nederland, sector bestuursrecht.' })}
          {veld('rechtbank.postbus', 'Postbus', c.rechtbank.postbus, (v) => setC({ ...c, rechtbank: { ...c.rechtbank, postbus: v } }), { verplicht: false })}
          {veld('rechtbank.postcode', 'Postcode', c.rechtbank.postcode, (v) => setC({ ...c, rechtbank: { ...c.rechtbank, postcode: v } }), { verplicht: false })}
          {veld('rechtbank.plaats', 'Plaats', c.rechtbank.plaats, (v) => setC({ ...c, rechtbank: { ...c.rechtbank, plaats: v } }), { verplicht: false })}
        </fieldset>
        <ButtonGroup><PrimaryActionButton type="submit" busy={bezig} disabled={bezig}>Opslaan</PrimaryActionButton></ButtonGroup>
      </form>
    </>
  );
}
