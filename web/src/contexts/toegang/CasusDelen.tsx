/**
 * The sections of the casus page can be folded (a native details/summary: keyboard and screen reader
 * work without extra code). What is open is remembered per casus for this browser tab (sessionStorage),
 * so coming back to the casus shows it as the case worker left it.
 */
import { useCallback, useState, type ReactNode } from 'react';

type Stand = Record<string, boolean>;

const sleutelVan = (casusId: string) => `eenvoud.casus.${casusId}.open`;

function lees(casusId: string): Stand {
  try {
    const ruw = window.sessionStorage.getItem(sleutelVan(casusId));
    const v: unknown = ruw ? JSON.parse(ruw) : {};
    return v && typeof v === 'object' ? (v as Stand) : {};
  } catch {
    // Storage off (private mode) or damaged: start with the defaults.
    return {};
  }
}

export interface DelenStand {
  isOpen: (deel: string, standaard: boolean) => boolean;
  zet: (deel: string, open: boolean) => void;
}

export function useDelenStand(casusId: string): DelenStand {
  const [stand, setStand] = useState<Stand>(() => lees(casusId));
  const zet = useCallback((deel: string, open: boolean) => {
    setStand((oud) => {
      if (oud[deel] === open) return oud;
      const nieuw = { ...oud, [deel]: open };
      try {
        window.sessionStorage.setItem(sleutelVan(casusId), JSON.stringify(nieuw));
      } catch {
        // Not remembered; the page still works.
      }
      return nieuw;
    });
  }, [casusId]);
  return { isOpen: (deel, standaard) => stand[deel] ?? standaard, zet };
}

/**
 * One foldable part. `sectie`: the child renders its own section with an h2 that says the same as
 * the summary; that heading is then kept for screen readers only (no double title on screen).
 */
export function CasusDeel({ deel, titel, stand, standaardOpen = true, sectie = true, children }: {
  deel: string; titel: string; stand: DelenStand; standaardOpen?: boolean; sectie?: boolean; children: ReactNode;
}) {
  const open = stand.isOpen(deel, standaardOpen);
  return (
    <details id={`deel-${deel}`} className={`eenvoud-deel${sectie ? ' eenvoud-deel--sectie' : ''}`} open={open}
      onToggle={(e) => stand.zet(deel, e.currentTarget.open)}>
      <summary className="eenvoud-deel__kop">{titel}</summary>
      <div className="eenvoud-deel__inhoud">{children}</div>
    </details>
  );
}
