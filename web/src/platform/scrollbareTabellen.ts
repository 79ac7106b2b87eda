import { useEffect, type RefObject } from 'react';

const GEMARKEERD = 'data-scrollt';

/** The region's name: the table's caption when it has one, so each scrolling table is told apart. */
function naamVan(box: HTMLElement): string {
  const bijschrift = box.querySelector('caption')?.textContent?.trim();
  return bijschrift ? `${bijschrift} (schuif opzij voor meer kolommen)` : 'Tabel (schuif opzij voor meer kolommen)';
}

/**
 * A table wider than the screen (a phone) scrolls sideways inside its .eenvoud-tabel box instead of
 * widening the page. Such a box must be reachable by keyboard to scroll it (WCAG 2.1.1, axe
 * scrollable-region-focusable): while it overflows it is a named, focusable region; when it fits
 * again, it is a plain box. Watches the page for new tables and size changes.
 */
export function useScrollbareTabellen(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const wortel = ref.current;
    if (!wortel) return;
    let frame = 0;
    const markeer = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        for (const box of wortel.querySelectorAll<HTMLElement>('.eenvoud-tabel')) {
          const scrollt = box.scrollWidth > box.clientWidth + 1;
          if (scrollt) {
            box.setAttribute(GEMARKEERD, '');
            box.tabIndex = 0;
            box.setAttribute('role', 'region');
            box.setAttribute('aria-label', naamVan(box));
          } else if (box.hasAttribute(GEMARKEERD)) {
            box.removeAttribute(GEMARKEERD);
            box.removeAttribute('tabindex');
            box.removeAttribute('role');
            box.removeAttribute('aria-label');
          }
        }
      });
    };
    // Only structure and text are watched, not attributes, so marking a box does not trigger itself.
    const mutaties = new MutationObserver(markeer);
    mutaties.observe(wortel, { childList: true, subtree: true, characterData: true });
    const maten = new ResizeObserver(markeer);
    maten.observe(wortel);
    markeer();
    return () => {
      mutaties.disconnect();
      maten.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [ref]);
}
