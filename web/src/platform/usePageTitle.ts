import { useEffect } from 'react';

/** Every page has its own document title, "Werkvoorraad – Eenvoud", so tabs and screen readers can tell pages apart. */
export function usePageTitle(titel: string, achter = 'Eenvoud'): void {
  useEffect(() => {
    document.title = `${titel} – ${achter}`;
  }, [titel, achter]);
}
