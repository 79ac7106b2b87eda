import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ButtonGroup, Heading1, Heading2, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { Bericht, alsProbleem, useProbleem } from '../../platform/acties.tsx';
import { api } from '../../platform/api.ts';
import { AankruisVeld, FoutSamenvatting, TekstVeld, foutregels, veldId } from '../../platform/form.tsx';
import { Foutmelding, Laden } from '../../platform/guards.tsx';
import { useSessie } from '../../platform/session.tsx';
import { usePageTitle } from '../../platform/usePageTitle.ts';
import { HUISSTIJL_KEY, STANDAARD_KLEUREN, contrast, tokenStijl, type Huisstijl, type HuisstijlKleuren } from './huisstijl.ts';

const KLEUR_LABELS: Record<keyof HuisstijlKleuren, { label: string; beschrijving: string }> = {
  kopAchtergrond: { label: 'Achtergrond van de kop', beschrijving: 'De balk bovenaan elke pagina.' },
  kopTekst: { label: 'Tekst in de kop', beschrijving: 'Naam, gebruiker en rol in de kop.' },
  accent: { label: 'Accentstreep', beschrijving: 'De streep onder de kop (versiering, elke kleur mag).' },
  primair: { label: 'Knoppen', beschrijving: 'De achtergrond van de hoofdknoppen, zoals Opslaan.' },
  primairTekst: { label: 'Tekst op knoppen', beschrijving: 'De tekst op de hoofdknoppen.' },
  link: { label: 'Links', beschrijving: 'Links in de tekst, op de witte pagina.' },
};

const VELDEN: Record<string, string> = {
  naam: 'Naam in de kop',
  ...Object.fromEntries(Object.entries(KLEUR_LABELS).map(([k, v]) => [`kleuren.${k}`, v.label])),
  logo: 'Logo',
  'logo.type': 'Logo',
  'logo.data': 'Logo',
};

const LOGO_MAX = 100 * 1024;
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const procent = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The contrast of a pair in words, as the API will judge it (at least 4.5:1). */
function ContrastRegel({ voor, achter, wat }: { voor: string; achter: string; wat: string }) {
  const c = contrast(voor, achter);
  if (Number.isNaN(c)) return null;
  const ok = c >= 4.5;
  return (
    <Paragraph className={ok ? 'eenvoud-contrast' : 'eenvoud-contrast eenvoud-contrast--te-laag'}>
      Contrast {wat}: {procent.format(Math.floor(c * 10) / 10)}:1 — {ok ? 'goed leesbaar' : 'te laag, minimaal 4,5:1'}
    </Paragraph>
  );
}

export function HuisstijlPage() {
  usePageTitle('Huisstijl');
  const sessie = useSessie();
  const queryClient = useQueryClient();
  const huidig = useQuery({ queryKey: ['instellingen', 'huisstijl'], queryFn: () => api<Huisstijl>('/instellingen/huisstijl') });
  const [naam, setNaam] = useState('');
  const [eigenKleuren, setEigenKleuren] = useState(false);
  const [kleuren, setKleuren] = useState<HuisstijlKleuren>(STANDAARD_KLEUREN);
  const [logo, setLogo] = useState<{ type: string; data: string } | null>(null);
  const [logoWeg, setLogoWeg] = useState(false);
  const [logoFout, setLogoFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const [bericht, setBericht] = useState<string | null>(null);
  const { probleem, setProbleem, fouten } = useProbleem();

  useEffect(() => {
    if (!huidig.data) return;
    setNaam(huidig.data.naam);
    setEigenKleuren(!!huidig.data.kleuren);
    setKleuren(huidig.data.kleuren ?? STANDAARD_KLEUREN);
  }, [huidig.data]);

  if (huidig.isPending) return <Laden />;
  if (huidig.isError) return <Foutmelding fout={huidig.error} />;

  const zetKleur = (veld: keyof HuisstijlKleuren) => (e: ChangeEvent<HTMLInputElement>) => setKleuren((k) => ({ ...k, [veld]: e.target.value.trim() }));

  const kiesLogo = (e: ChangeEvent<HTMLInputElement>) => {
    setLogoFout(null);
    const bestand = e.target.files?.[0];
    if (!bestand) return setLogo(null);
    if (!LOGO_TYPES.includes(bestand.type)) return setLogoFout('Kies een PNG-, JPEG- of WebP-afbeelding. SVG wordt niet geaccepteerd.');
    if (bestand.size > LOGO_MAX) return setLogoFout(`Het logo is ${Math.ceil(bestand.size / 1024)} kB; maximaal 100 kB.`);
    const lezer = new FileReader();
    lezer.onload = () => {
      const url = String(lezer.result);
      setLogo({ type: bestand.type, data: url.slice(url.indexOf(',') + 1) });
      setLogoWeg(false);
    };
    lezer.readAsDataURL(bestand);
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBezig(true);
    setProbleem(null);
    setBericht(null);
    try {
      const opgeslagen = await api<Huisstijl>('/instellingen/huisstijl', {
        method: 'PUT',
        body: { naam, kleuren: eigenKleuren ? kleuren : null, ...(logo ? { logo } : logoWeg ? { logo: null } : {}) },
      });
      queryClient.setQueryData(['instellingen', 'huisstijl'], opgeslagen);
      // The header of every page reads the public style: it changes at once.
      queryClient.setQueryData(HUISSTIJL_KEY(sessie.gemeente.code), opgeslagen);
      setLogo(null);
      setBericht('De huisstijl is opgeslagen. De kop van elke pagina toont hem nu.');
    } catch (err) {
      setProbleem(alsProbleem(err));
    } finally {
      setBezig(false);
    }
  };

  const regels = probleem ? foutregels(probleem, VELDEN) : [];
  const voorbeeldLogo = logo ? `data:${logo.type};base64,${logo.data}` : logoWeg ? null : huidig.data.logo?.url ?? null;
  const voorbeeldKleuren = eigenKleuren ? kleuren : STANDAARD_KLEUREN;
  const logoFoutTekst = logoFout ?? fouten.logo ?? fouten['logo.type'] ?? fouten['logo.data'];

  return (
    <>
      <Heading1>Huisstijl</Heading1>
      <Paragraph appearance="lead">
        De naam, het logo en de kleuren van de gemeente in de kop van elke pagina, ook op het online meldformulier en de sociale kaart.
      </Paragraph>
      <Bericht tekst={bericht} />
      {probleem && regels.length > 0 ? <FoutSamenvatting fouten={regels} /> : null}
      {probleem && regels.length === 0 ? <Foutmelding fout={probleem} /> : null}
      <form onSubmit={onSubmit} noValidate>
        <TekstVeld naam="naam" label="Naam in de kop" beschrijving="Bijvoorbeeld: Gemeente Demodorp." verplicht value={naam}
          onChange={(e) => setNaam(e.target.value)} fout={fouten.naam} autoComplete="organization" />

        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={veldId('logo')}>Logo</label>
          <p className="utrecht-form-field-description" id="logo-beschrijving">
            Een PNG-, JPEG- of WebP-afbeelding van hoogstens 100 kB. SVG kan script bevatten en wordt daarom niet geaccepteerd.
          </p>
          {logoFoutTekst ? <p className="utrecht-form-field-error-message" id="logo-fout">{logoFoutTekst}</p> : null}
          <input id={veldId('logo')} name="logo" type="file" accept="image/png,image/jpeg,image/webp" onChange={kiesLogo}
            aria-describedby={logoFoutTekst ? 'logo-beschrijving logo-fout' : 'logo-beschrijving'} aria-invalid={logoFoutTekst ? true : undefined} />
        </div>
        {huidig.data.logo && !logo ? (
          <AankruisVeld naam="logoWeg" label="Het huidige logo verwijderen" aan={logoWeg} onChange={setLogoWeg} />
        ) : null}

        <AankruisVeld naam="eigenKleuren" label="Eigen kleuren gebruiken" beschrijving="Zonder eigen kleuren gelden de standaardkleuren van NL Design System."
          aan={eigenKleuren} onChange={setEigenKleuren} />
        {eigenKleuren ? (
          <fieldset className="utrecht-form-fieldset">
            <legend className="utrecht-form-fieldset__legend">Kleuren</legend>
            {(Object.keys(KLEUR_LABELS) as (keyof HuisstijlKleuren)[]).map((veld) => (
              <div key={veld} className="eenvoud-huisstijl__kleur">
                <TekstVeld naam={`kleuren.${veld}`} label={KLEUR_LABELS[veld].label} beschrijving={`${KLEUR_LABELS[veld].beschrijving} Als #rrggbb.`}
                  value={kleuren[veld]} onChange={zetKleur(veld)} fout={fouten[`kleuren.${veld}`]} spellCheck={false} />
                <input type="color" aria-label={`${KLEUR_LABELS[veld].label} kiezen`} value={/^#[0-9a-f]{6}$/i.test(kleuren[veld]) ? kleuren[veld] : '#000000'}
                  onChange={zetKleur(veld)} />
              </div>
            ))}
            <ContrastRegel voor={kleuren.kopAchtergrond} achter={kleuren.kopTekst} wat="kop" />
            <ContrastRegel voor={kleuren.primair} achter={kleuren.primairTekst} wat="knoppen" />
            <ContrastRegel voor={kleuren.link} achter="#ffffff" wat="links" />
          </fieldset>
        ) : null}

        <section aria-labelledby="voorbeeld-titel">
          <Heading2 id="voorbeeld-titel">Voorbeeld</Heading2>
          <Paragraph>Zo ziet de kop eruit, met een knop en een link. Het voorbeeld verandert terwijl u kiest.</Paragraph>
          {/* Visual only: inert keeps its button and link out of the keyboard order and the accessibility tree. */}
          <div className="eenvoud-huisstijl__voorbeeld" style={tokenStijl(voorbeeldKleuren)} inert data-testid="huisstijl-voorbeeld">
            <div className="eenvoud-huisstijl__voorbeeld-kop">
              {voorbeeldLogo ? <img src={voorbeeldLogo} alt="" /> : null}
              <span>{naam || 'Naam van de gemeente'}</span>
            </div>
            <div className="eenvoud-huisstijl__voorbeeld-inhoud">
              <p className="utrecht-paragraph"><a className="utrecht-link utrecht-link--html-a" href="#voorbeeld-titel">Een link in de tekst</a></p>
              <PrimaryActionButton type="button">Opslaan</PrimaryActionButton>
            </div>
          </div>
        </section>

        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={bezig} disabled={bezig}>Huisstijl opslaan</PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
