/**
 * A gemeente's house style in the browser: fetched from the public endpoint (staff pages and public
 * pages alike) and applied as NL Design System tokens on <html>, so every Utrecht component and the
 * app's CSS take it over. The API is the authority on contrast; the check here only gives live feedback.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, type CSSProperties } from 'react';
import { api } from '../../platform/api.ts';

export interface HuisstijlKleuren {
  primair: string;
  primairTekst: string;
  kopAchtergrond: string;
  kopTekst: string;
  accent: string;
  link: string;
}

export interface Huisstijl {
  naam: string;
  kleuren: HuisstijlKleuren | null;
  logo: { type: string; url: string } | null;
}

/** The same mapping as the API's rules (src/contexts/beheer/rules.ts): colour → Utrecht design tokens. */
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

export const STANDAARD_KLEUREN: HuisstijlKleuren = {
  primair: '#24578f', primairTekst: '#ffffff', kopAchtergrond: '#ffffff', kopTekst: '#000000', accent: '#cc0000', link: '#24578f',
};

export function tokensVoor(kleuren: HuisstijlKleuren): Record<string, string> {
  // Utrecht's footer draws a red two-tone pattern over its colour; an own style goes without it.
  const tokens: Record<string, string> = { '--utrecht-page-footer-background-image': 'none' };
  for (const [veld, namen] of Object.entries(KLEUR_TOKENS) as [keyof HuisstijlKleuren, readonly string[]][]) {
    for (const naam of namen) tokens[naam] = kleuren[veld];
  }
  return tokens;
}

/** For a preview box: the tokens as inline custom properties. */
export const tokenStijl = (kleuren: HuisstijlKleuren): CSSProperties => tokensVoor(kleuren) as CSSProperties;

function kanaal(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

function luminantie(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.2126 * kanaal(r!) + 0.7152 * kanaal(g!) + 0.0722 * kanaal(b!);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21); NaN when one is not a full colour yet. */
export function contrast(a: string, b: string): number {
  if (!/^#[0-9a-f]{6}$/i.test(a) || !/^#[0-9a-f]{6}$/i.test(b)) return Number.NaN;
  const [l1, l2] = [luminantie(a), luminantie(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

export const HUISSTIJL_KEY = (code: string) => ['huisstijl', code] as const;

export function useHuisstijl(code: string | undefined) {
  return useQuery({
    queryKey: HUISSTIJL_KEY(code ?? ''),
    queryFn: () => api<Huisstijl>(`/publiek/gemeenten/${encodeURIComponent(code!)}/huisstijl`),
    enabled: !!code,
    staleTime: 5 * 60_000,
  });
}

/** Puts the colours on <html> while the component is shown; without colours the defaults stay. */
export function usePasHuisstijlToe(kleuren: HuisstijlKleuren | null | undefined): void {
  const sleutel = kleuren ? JSON.stringify(kleuren) : '';
  useEffect(() => {
    if (!sleutel) return undefined;
    const tokens = tokensVoor(JSON.parse(sleutel) as HuisstijlKleuren);
    const stijl = document.documentElement.style;
    for (const [naam, waarde] of Object.entries(tokens)) stijl.setProperty(naam, waarde);
    return () => {
      for (const naam of Object.keys(tokens)) stijl.removeProperty(naam);
    };
  }, [sleutel]);
}
