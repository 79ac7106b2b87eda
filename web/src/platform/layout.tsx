import { Button, NavBar, NavList, Page, PageContent, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useParams } from 'react-router';
import { useHuisstijl, usePasHuisstijlToe } from '../contexts/beheer/huisstijl.ts';
import { ZoekVeld } from '../contexts/zoeken/ZoekVeld.tsx';
import { ApiProblem } from './api.ts';
import { Laden } from './guards.tsx';
import { functiesVoor, isAanbieder, rollenVan } from './functies.ts';
import { NavItem } from './links.tsx';
import { useScrollbareTabellen } from './scrollbareTabellen.ts';
import { useSessie, useSession } from './session.tsx';

/** The frame of every page: skip link, header, optional navigation, main content and footer. */
export function PaginaKader({ kop, navigatie, logo, children }: { kop?: ReactNode; navigatie?: ReactNode; logo?: string | null; children: ReactNode }) {
  const mainRef = useRef<HTMLElement>(null);
  const location = useLocation();
  const eersteKeer = useRef(true);
  useScrollbareTabellen(mainRef);

  // After a navigation, put the keyboard and screen reader focus at the start of the new page.
  useEffect(() => {
    if (eersteKeer.current) {
      eersteKeer.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [location.pathname]);

  return (
    <>
      <SkipLink href="#inhoud">Naar de inhoud</SkipLink>
      <Page className="eenvoud-page">
        <PageHeader className="eenvoud-header">
          <div className="eenvoud-header__inner">
            <Link to="/" className="eenvoud-logo" aria-label="Eenvoud, naar de startpagina">
              {/* The gemeente's logo; its name is in the header as text, so the image adds nothing to read. */}
              {logo ? <img className="eenvoud-logo__beeld" src={logo} alt="" /> : null}
              <span className="eenvoud-logo__naam">Eenvoud</span>
              <span className="eenvoud-logo__ondertitel">Sociaal domein</span>
            </Link>
            {kop}
          </div>
        </PageHeader>
        {navigatie}
        <PageContent className="eenvoud-content">
          <main id="inhoud" tabIndex={-1} ref={mainRef} className="utrecht-page-content__main eenvoud-main">
            {children}
          </main>
        </PageContent>
        <PageFooter className="eenvoud-footer">
          <Paragraph>Eenvoud – het systeem voor het sociaal domein van uw gemeente.</Paragraph>
          <Paragraph>Vragen over het gebruik? Neem contact op met de functioneel beheerder.</Paragraph>
        </PageFooter>
      </Page>
    </>
  );
}

/**
 * The frame of a public page for residents: no staff menu and no login, only the gemeente's name,
 * the content and a footer.
 */
export function PubliekKader({ gemeente, children }: { gemeente: string | null; children: ReactNode }) {
  // Public routes carry the gemeente's code (/melden/:gemeenteCode): its house style comes from there.
  const { gemeenteCode } = useParams();
  const huisstijl = useHuisstijl(gemeenteCode).data;
  usePasHuisstijlToe(huisstijl?.kleuren);
  const naam = huisstijl?.naam ?? (gemeente ? `Gemeente ${gemeente}` : 'Gemeente');
  return (
    <>
      <SkipLink href="#inhoud">Naar de inhoud</SkipLink>
      <Page className="eenvoud-page eenvoud-publiek">
        <PageHeader className="eenvoud-header">
          <div className="eenvoud-header__inner">
            <p className="eenvoud-logo">
              {huisstijl?.logo ? <img className="eenvoud-logo__beeld" src={huisstijl.logo.url} alt="" /> : null}
              <span className="eenvoud-logo__naam">{naam}</span>
              <span className="eenvoud-logo__ondertitel">Hulp en ondersteuning</span>
            </p>
          </div>
        </PageHeader>
        <PageContent className="eenvoud-content">
          <main id="inhoud" tabIndex={-1} className="utrecht-page-content__main eenvoud-main">
            {children}
          </main>
        </PageContent>
        <PageFooter className="eenvoud-footer">
          <Paragraph>{huisstijl?.naam ?? (gemeente ? `Gemeente ${gemeente}` : 'Uw gemeente')} – hulp bij zorg, jeugd, werk, inkomen en geldzorgen.</Paragraph>
          <Paragraph>Komt u er niet uit? Bel dan de gemeente. Wij helpen u graag.</Paragraph>
        </PageFooter>
      </Page>
    </>
  );
}

/** The shell for a logged-in user: gemeente, user, role, log-out button and the navigation for their roles. */
export function AppShell() {
  const sessie = useSessie();
  const { uitloggen } = useSession();
  const [bezig, setBezig] = useState(false);
  const [fout, setFout] = useState<string | null>(null);
  const functies = functiesVoor(sessie);
  const rollen = sessie.gebruiker.rollen.map((r) => r.naam).join(', ');
  // Provider staff have the portal only: no start page with gemeente functions in the menu.
  const aanbieder = isAanbieder(rollenVan(sessie));
  const huisstijl = useHuisstijl(sessie.gemeente.code).data;
  usePasHuisstijlToe(huisstijl?.kleuren);

  const onUitloggen = async () => {
    setBezig(true);
    setFout(null);
    try {
      // Without a session, RequireSession takes the user to the login page.
      await uitloggen();
    } catch (e) {
      setFout(e instanceof ApiProblem ? e.detail : 'Uitloggen is niet gelukt. Probeer het opnieuw.');
      setBezig(false);
    }
  };

  return (
    <PaginaKader
      logo={huisstijl?.logo?.url ?? null}
      kop={
        <>
        <ZoekVeld />
        <div className="eenvoud-gebruiker">
          <p className="eenvoud-gebruiker__gemeente">{huisstijl?.naam ?? `Gemeente ${sessie.gemeente.naam}`}</p>
          <p className="eenvoud-gebruiker__naam">
            <span>{sessie.gebruiker.naam}</span>
            <span className="eenvoud-gebruiker__rol">{rollen}</span>
          </p>
          <Button appearance="secondary-action-button" type="button" onClick={onUitloggen} busy={bezig} disabled={bezig}>
            Uitloggen
          </Button>
          {fout ? <p role="alert" className="eenvoud-gebruiker__fout">{fout}</p> : null}
        </div>
        </>
      }
      navigatie={
        <NavBar aria-label="Hoofdmenu" className="eenvoud-nav">
          <NavList>
            {aanbieder ? null : <NavItem to="/" end>Start</NavItem>}
            {functies.map((f) => (
              <NavItem key={f.pad} to={f.pad} end>{f.titel}</NavItem>
            ))}
          </NavList>
        </NavBar>
      }
    >
      {/* A page still loading its code: the header and menu stay, the content says it is loading. */}
      <Suspense fallback={<Laden tekst="Laden…" />}>
        <Outlet />
      </Suspense>
    </PaginaKader>
  );
}
