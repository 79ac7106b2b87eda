/**
 * The house style of a gemeente: its name, logo and colours (as NL Design System tokens). Pure
 * rules: colours must stay readable (WCAG 2.1 AA, 4.5:1 for normal text) and a logo must be a small
 * raster image — no SVG, which can carry script.
 */

export interface HuisstijlKleuren {
  /** Primary buttons (background), with `primairTekst` on it. */
  primair: string;
  primairTekst: string;
  /** The page header (background and text). */
  kopAchtergrond: string;
  kopTekst: string;
  /** The stripe under the header: decoration only, so no contrast requirement. */
  accent: string;
  /** Links, on the white page. */
  link: string;
}

export const KLEUR_VELDEN = ['primair', 'primairTekst', 'kopAchtergrond', 'kopTekst', 'accent', 'link'] as const satisfies readonly (keyof HuisstijlKleuren)[];

/** Where each colour goes: the Utrecht design tokens the app's CSS and components read. */
export const KLEUR_TOKENS: Record<keyof HuisstijlKleuren, readonly string[]> = {
  primair: [
    '--utrecht-button-primary-action-background-color', '--utrecht-button-primary-action-hover-background-color',
    '--utrecht-button-primary-action-active-background-color', '--utrecht-button-primary-action-focus-background-color',
  ],
  primairTekst: [
    '--utrecht-button-primary-action-color', '--utrecht-button-primary-action-hover-color',
    '--utrecht-button-primary-action-active-color', '--utrecht-button-primary-action-focus-color',
  ],
  // The footer takes the header's colours, so the page is framed in one style.
  kopAchtergrond: ['--utrecht-page-header-background-color', '--utrecht-page-header-content-background-color', '--utrecht-page-footer-background-color'],
  kopTekst: ['--utrecht-page-header-color', '--utrecht-page-header-content-color', '--utrecht-page-footer-color'],
  accent: ['--utrecht-page-header-border-block-end-color'],
  link: ['--utrecht-link-color', '--utrecht-link-hover-color', '--utrecht-link-visited-color'],
};

export const PAGINA_ACHTERGROND = '#ffffff';
export const MINIMAAL_CONTRAST = 4.5;
/** A logo is shown in a header: 100 kB is plenty for a PNG of a few hundred pixels wide. */
export const LOGO_MAX_BYTES = 100 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

export const HEX_KLEUR = /^#[0-9a-fA-F]{6}$/;

function kanaal(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a `#rrggbb` colour (WCAG 2.1 definition). */
export function luminantie(hex: string): number {
  if (!HEX_KLEUR.test(hex)) throw new Error(`Geen kleur als #rrggbb: ${hex}`);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * kanaal(r!) + 0.7152 * kanaal(g!) + 0.0722 * kanaal(b!);
}

/** The contrast ratio of two colours, from 1 (none) to 21 (black on white). */
export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminantie(a), luminantie(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

export interface KleurProbleem {
  veld: keyof HuisstijlKleuren;
  reden: string;
}

const formatteer = (n: number) => (Math.floor(n * 10) / 10).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The pairs a reader must be able to read, each at least 4.5:1. Empty when all is well. */
export function controleerKleuren(k: HuisstijlKleuren): KleurProbleem[] {
  const paren: [keyof HuisstijlKleuren, string, string, string][] = [
    ['primair', k.primair, k.primairTekst, 'de tekstkleur van de knoppen'],
    ['kopAchtergrond', k.kopAchtergrond, k.kopTekst, 'de tekstkleur van de kop'],
    ['link', k.link, PAGINA_ACHTERGROND, 'de witte pagina'],
  ];
  const problemen: KleurProbleem[] = [];
  for (const [veld, voor, achter, tegen] of paren) {
    const c = contrast(voor, achter);
    if (c < MINIMAAL_CONTRAST) {
      problemen.push({ veld, reden: `Het contrast met ${tegen} is ${formatteer(c)}:1; minimaal ${formatteer(MINIMAAL_CONTRAST)}:1 is nodig om het goed te kunnen lezen` });
    }
  }
  return problemen;
}

/** The image type from the file's first bytes (not from what the sender claims), or null. */
export function logoType(bytes: Uint8Array): LogoType | null {
  const begint = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (begint(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (begint(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (begint(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

/** Why a logo cannot be used, or null when it can. */
export function controleerLogo(bytes: Uint8Array, opgegeven: string): string | null {
  if (bytes.length === 0) return 'Het logo is leeg';
  if (bytes.length > LOGO_MAX_BYTES) return `Het logo is ${Math.ceil(bytes.length / 1024)} kB; maximaal ${LOGO_MAX_BYTES / 1024} kB`;
  const echt = logoType(bytes);
  if (!echt) return 'Gebruik een PNG-, JPEG- of WebP-afbeelding (SVG wordt niet geaccepteerd)';
  if (echt !== opgegeven) return 'Het bestand is geen afbeelding van het opgegeven soort';
  return null;
}

/** What a gemeente without its own style looks like: the NL Design System (Utrecht) defaults. */
export const STANDAARD_KLEUREN: HuisstijlKleuren = {
  primair: '#24578f', primairTekst: '#ffffff', kopAchtergrond: '#ffffff', kopTekst: '#000000', accent: '#cc0000', link: '#24578f',
};
