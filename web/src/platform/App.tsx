import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, lazy, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiProblem } from './api.ts';
import {
  AANVRAGEN_ROLLEN, AUDIT_ROLLEN, DOORBRAAK_OPENEN_ROLLEN, DOORBRAKEN_ROLLEN, VERNIETIGING_ROLLEN, BEWAARTERMIJNEN_ROLLEN, BESCHIKKING_ROLLEN, BEZWAAR_LEZEN_ROLLEN, BEZWAREN_ROLLEN, CORRESPONDENTIE_ROLLEN, OPDRACHTEN_ROLLEN, CATALOGUS_BEHEER_ROLLEN, CATALOGUS_ROLLEN, CASUS_ROLLEN, CASUS_TOEWIJZEN_ROLLEN, HUISSTIJL_ROLLEN, PROCESCOORDINATIE_ROLLEN,
  BESTEDING_ROLLEN, CONTRACTMANAGEMENT_ROLLEN, DECLARATIES_ROLLEN, DECLARATIE_LEZEN_ROLLEN, GEBRUIKERS_ROLLEN, INKOOP_ROLLEN, PORTAAL_ROLLEN, REGISTREREN_ROLLEN, STEEKPROEF_LEZEN_ROLLEN, STEEKPROEF_ROLLEN, STURING_ROLLEN, TERMIJNEN_ROLLEN, VERZOEKEN_ROLLEN, WERKVOORRAAD_ROLLEN,
} from './functies.ts';
import { BETALINGEN_ROLLEN, GROOTBOEK_ROLLEN } from './functies.ts';
import { Laden, RequireRol, RequireSession } from './guards.tsx';
import { AppShell } from './layout.tsx';
import { LoginPage, NotFoundPage, StartPage } from './pages.tsx';
import { SessionProvider } from './session.tsx';
import { PERSOON_ROLLEN, ZOEK_ROLLEN } from '../contexts/zoeken/api.ts';
import { VOORZIENING_ROLLEN } from '../contexts/voorziening/api.ts';

/**
 * A page loaded on first visit, so the login page and the public pages do not carry the JavaScript
 * (echarts, forms, the whole Utrecht library) of pages the user never opens. One line per page.
 */
function pagina<K extends string>(laad: () => Promise<Record<K, ComponentType>>, naam: K) {
  return lazy(async () => ({ default: (await laad())[naam] }));
}

const CatalogusFormPage = pagina(() => import('../contexts/catalogus/CatalogusFormPage.tsx'), 'CatalogusFormPage');
const CatalogusPage = pagina(() => import('../contexts/catalogus/CatalogusPage.tsx'), 'CatalogusPage');
const SocialeKaartPage = pagina(() => import('../contexts/catalogus/SocialeKaartPage.tsx'), 'SocialeKaartPage');
const GesprekPage = pagina(() => import('../contexts/gesprek/GesprekPage.tsx'), 'GesprekPage');
const NieuwGesprekPage = pagina(() => import('../contexts/gesprek/NieuwGesprekPage.tsx'), 'NieuwGesprekPage');
const AanvraagPage = pagina(() => import('../contexts/besluit/AanvraagPage.tsx'), 'AanvraagPage');
const AanvragenPage = pagina(() => import('../contexts/besluit/AanvragenPage.tsx'), 'AanvragenPage');
const BeschikkingPage = pagina(() => import('../contexts/besluit/BeschikkingPage.tsx'), 'BeschikkingPage');
const BezwaarPage = pagina(() => import('../contexts/besluit/BezwaarPage.tsx'), 'BezwaarPage');
const BezwarenPage = pagina(() => import('../contexts/besluit/BezwarenPage.tsx'), 'BezwarenPage');
const CorrespondentiePage = pagina(() => import('../contexts/beheer/CorrespondentiePage.tsx'), 'CorrespondentiePage');
const OpdrachtenPage = pagina(() => import('../contexts/beheer/OpdrachtenPage.tsx'), 'OpdrachtenPage');
const GebruikersPage = pagina(() => import('../contexts/beheer/GebruikersPage.tsx'), 'GebruikersPage');
const NieuweGebruikerPage = pagina(() => import('../contexts/beheer/NieuweGebruikerPage.tsx'), 'NieuweGebruikerPage');
const GebruikerPage = pagina(() => import('../contexts/beheer/GebruikerPage.tsx'), 'GebruikerPage');
const WachtwoordInstellenPage = pagina(() => import('../contexts/beheer/WachtwoordInstellenPage.tsx'), 'WachtwoordInstellenPage');
const PortaalPage = pagina(() => import('../pages/PortaalPage.tsx'), 'PortaalPage');
const ProcescoordinatiePage = pagina(() => import('../contexts/besluit/ProcescoordinatiePage.tsx'), 'ProcescoordinatiePage');
const SteekproefPage = pagina(() => import('../contexts/besluit/SteekproevenPage.tsx'), 'SteekproefPage');
const SteekproevenPage = pagina(() => import('../contexts/besluit/SteekproevenPage.tsx'), 'SteekproevenPage');
const KpiPage = pagina(() => import('../contexts/sturing/KpiPage.tsx'), 'KpiPage');
const OnderliggendPage = pagina(() => import('../contexts/sturing/OnderliggendPage.tsx'), 'OnderliggendPage');
const PilotmonitorPage = pagina(() => import('../contexts/sturing/PilotmonitorPage.tsx'), 'PilotmonitorPage');
const SturingPage = pagina(() => import('../contexts/sturing/SturingPage.tsx'), 'SturingPage');
const AuditPage = pagina(() => import('../contexts/privacy/AuditPage.tsx'), 'AuditPage');
const DoorbrakenPage = pagina(() => import('../contexts/privacy/DoorbrakenPage.tsx'), 'DoorbrakenPage');
const DoorbraakPage = pagina(() => import('../contexts/privacy/DoorbraakPage.tsx'), 'DoorbraakPage');
const VernietigingPage = pagina(() => import('../contexts/privacy/VernietigingPage.tsx'), 'VernietigingPage');
const VernietigingslijstPage = pagina(() => import('../contexts/privacy/VernietigingPage.tsx'), 'VernietigingslijstPage');
const BewaartermijnenPage = pagina(() => import('../contexts/privacy/BewaartermijnenPage.tsx'), 'BewaartermijnenPage');
const InzagePage = pagina(() => import('../contexts/privacy/InzagePage.tsx'), 'InzagePage');
const DelingenPage = pagina(() => import('../contexts/privacy/DelingenPage.tsx'), 'DelingenPage');
const CasusPage = pagina(() => import('../contexts/toegang/CasusPage.tsx'), 'CasusPage');
const MeldingDetailPage = pagina(() => import('../contexts/toegang/MeldingDetailPage.tsx'), 'MeldingDetailPage');
const MeldingFormPage = pagina(() => import('../contexts/toegang/MeldingFormPage.tsx'), 'MeldingFormPage');
const OnlineMeldingPage = pagina(() => import('../contexts/toegang/OnlineMeldingen.tsx'), 'OnlineMeldingPage');
const PubliekMeldenPage = pagina(() => import('../contexts/toegang/PubliekMeldenPage.tsx'), 'PubliekMeldenPage');
const TermijnenPage = pagina(() => import('../contexts/toegang/TermijnenPage.tsx'), 'TermijnenPage');
const WerkvoorraadPage = pagina(() => import('../contexts/toegang/WerkvoorraadPage.tsx'), 'WerkvoorraadPage');
const HuisstijlPage = pagina(() => import('../contexts/beheer/HuisstijlPage.tsx'), 'HuisstijlPage');
const ZoekenPage = pagina(() => import('../contexts/zoeken/ZoekenPage.tsx'), 'ZoekenPage');
const MeldingStandPage = pagina(() => import('../contexts/zoeken/MeldingStandPage.tsx'), 'MeldingStandPage');
const PersoonPage = pagina(() => import('../contexts/zoeken/PersoonPage.tsx'), 'PersoonPage');
const AanbiedersPage = pagina(() => import('../contexts/inkoop/AanbiedersPage.tsx'), 'AanbiedersPage');
const AanbiederFormPage = pagina(() => import('../contexts/inkoop/AanbiederFormPage.tsx'), 'AanbiederFormPage');
const AanbiederPage = pagina(() => import('../contexts/inkoop/AanbiederPage.tsx'), 'AanbiederPage');
const ContractPage = pagina(() => import('../contexts/inkoop/ContractPage.tsx'), 'ContractPage');
const NieuwContractPage = pagina(() => import('../contexts/inkoop/NieuwContractPage.tsx'), 'NieuwContractPage');
const ResultaatTarievenPage = pagina(() => import('../contexts/inkoop/ResultaatTarievenPage.tsx'), 'ResultaatTarievenPage');
const PgbTarievenPage = pagina(() => import('../contexts/inkoop/PgbTarievenPage.tsx'), 'PgbTarievenPage');
const VoorzieningPage = pagina(() => import('../contexts/voorziening/VoorzieningPage.tsx'), 'VoorzieningPage');
const VerzoekenPage = pagina(() => import('../contexts/berichten/VerzoekenPage.tsx'), 'VerzoekenPage');
const BetalingenPage = pagina(() => import('../contexts/financien/BetalingenPage.tsx'), 'BetalingenPage');
const BetaalbatchPage = pagina(() => import('../contexts/financien/BetalingenPage.tsx'), 'BetaalbatchPage');
const GrootboekPage = pagina(() => import('../contexts/financien/GrootboekPage.tsx'), 'GrootboekPage');
const BestedingPage = pagina(() => import('../contexts/sturing/BestedingPage.tsx'), 'BestedingPage');
const DeclaratiesPage = pagina(() => import('../contexts/berichten/Declaraties.tsx'), 'DeclaratiesPage');
const DeclaratiePage = pagina(() => import('../contexts/berichten/Declaraties.tsx'), 'DeclaratiePage');
const VerzoekPage = pagina(() => import('../contexts/berichten/VerzoekPage.tsx'), 'VerzoekPage');
const ContractmanagementPage = pagina(() => import('../contexts/contractmanagement/ContractmanagementPage.tsx'), 'ContractmanagementPage');
const ContractaanbiederPage = pagina(() => import('../contexts/contractmanagement/ContractaanbiederPage.tsx'), 'ContractaanbiederPage');

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx answer will not change by asking again; a network or server error might.
        retry: (pogingen, fout) => !(fout instanceof ApiProblem && fout.status >= 400 && fout.status < 500) && pogingen < 2,
        refetchOnWindowFocus: false,
        staleTime: 15_000,
      },
      mutations: { retry: false },
    },
  });
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider>
          {/* A page still loading says so, to screen readers as well (role="status"). */}
          <Suspense fallback={<Laden tekst="Laden…" />}>
          <Routes>
            <Route path="/inloggen" element={<LoginPage />} />
            {/* A one-time link (ADR 38): no session yet. */}
            <Route path="/wachtwoord-instellen" element={<WachtwoordInstellenPage />} />
            {/* For residents: no login, no staff menu. */}
            <Route path="/melden/:gemeenteCode" element={<PubliekMeldenPage />} />
            <Route path="/sociale-kaart/:gemeenteCode" element={<SocialeKaartPage />} />
            <Route element={<RequireSession><AppShell /></RequireSession>}>
              <Route index element={<StartPage />} />
              <Route path="meldingen" element={<RequireRol rollen={WERKVOORRAAD_ROLLEN}><WerkvoorraadPage /></RequireRol>} />
              <Route path="meldingen/nieuw" element={<RequireRol rollen={REGISTREREN_ROLLEN}><MeldingFormPage /></RequireRol>} />
              <Route path="meldingen/:id" element={<RequireRol rollen={WERKVOORRAAD_ROLLEN}><MeldingDetailPage /></RequireRol>} />
              <Route path="online-meldingen/:id" element={<RequireRol rollen={['frontoffice', 'teamleider']}><OnlineMeldingPage /></RequireRol>} />
              <Route path="casussen/:id" element={<RequireRol rollen={CASUS_ROLLEN}><CasusPage /></RequireRol>} />
              <Route path="casussen/:id/gesprekken/nieuw" element={<RequireRol rollen={CASUS_TOEWIJZEN_ROLLEN}><NieuwGesprekPage /></RequireRol>} />
              <Route path="gesprekken/:id" element={<RequireRol rollen={CASUS_ROLLEN}><GesprekPage /></RequireRol>} />
              <Route path="catalogus" element={<RequireRol rollen={CATALOGUS_ROLLEN}><CatalogusPage /></RequireRol>} />
              <Route path="catalogus/nieuw" element={<RequireRol rollen={CATALOGUS_BEHEER_ROLLEN}><CatalogusFormPage /></RequireRol>} />
              <Route path="catalogus/:id/bewerken" element={<RequireRol rollen={CATALOGUS_BEHEER_ROLLEN}><CatalogusFormPage /></RequireRol>} />
              <Route path="termijnen" element={<RequireRol rollen={TERMIJNEN_ROLLEN}><TermijnenPage /></RequireRol>} />
              <Route path="aanvragen" element={<RequireRol rollen={AANVRAGEN_ROLLEN}><AanvragenPage /></RequireRol>} />
              <Route path="aanvragen/:id" element={<RequireRol rollen={AANVRAGEN_ROLLEN}><AanvraagPage /></RequireRol>} />
              <Route path="beschikkingen/:id" element={<RequireRol rollen={BESCHIKKING_ROLLEN}><BeschikkingPage /></RequireRol>} />
              <Route path="voorzieningen/:id" element={<RequireRol rollen={VOORZIENING_ROLLEN}><VoorzieningPage /></RequireRol>} />
              <Route path="verzoeken" element={<RequireRol rollen={VERZOEKEN_ROLLEN}><VerzoekenPage /></RequireRol>} />
              <Route path="verzoeken/:id" element={<RequireRol rollen={VERZOEKEN_ROLLEN}><VerzoekPage /></RequireRol>} />
              <Route path="bezwaren" element={<RequireRol rollen={BEZWAREN_ROLLEN}><BezwarenPage /></RequireRol>} />
              <Route path="bezwaren/:id" element={<RequireRol rollen={BEZWAAR_LEZEN_ROLLEN}><BezwaarPage /></RequireRol>} />
              <Route path="procescoordinatie" element={<RequireRol rollen={PROCESCOORDINATIE_ROLLEN}><ProcescoordinatiePage /></RequireRol>} />
              <Route path="steekproeven" element={<RequireRol rollen={STEEKPROEF_ROLLEN}><SteekproevenPage /></RequireRol>} />
              <Route path="steekproeven/:id" element={<RequireRol rollen={STEEKPROEF_LEZEN_ROLLEN}><SteekproefPage /></RequireRol>} />
              <Route path="sturing" element={<RequireRol rollen={STURING_ROLLEN}><SturingPage /></RequireRol>} />
              <Route path="sturing/pilotmonitor" element={<RequireRol rollen={STURING_ROLLEN}><PilotmonitorPage /></RequireRol>} />
              <Route path="sturing/besteding" element={<RequireRol rollen={BESTEDING_ROLLEN}><BestedingPage /></RequireRol>} />
              <Route path="sturing/kpi/:id" element={<RequireRol rollen={STURING_ROLLEN}><KpiPage /></RequireRol>} />
              <Route path="sturing/kpi/:id/onderliggend" element={<RequireRol rollen={STURING_ROLLEN}><OnderliggendPage /></RequireRol>} />
              <Route path="instellingen/huisstijl" element={<RequireRol rollen={HUISSTIJL_ROLLEN}><HuisstijlPage /></RequireRol>} />
              <Route path="inkoop/aanbieders" element={<RequireRol rollen={INKOOP_ROLLEN}><AanbiedersPage /></RequireRol>} />
              <Route path="inkoop/aanbieders/nieuw" element={<RequireRol rollen={INKOOP_ROLLEN}><AanbiederFormPage /></RequireRol>} />
              <Route path="inkoop/aanbieders/:id" element={<RequireRol rollen={INKOOP_ROLLEN}><AanbiederPage /></RequireRol>} />
              <Route path="inkoop/aanbieders/:id/wijzigen" element={<RequireRol rollen={INKOOP_ROLLEN}><AanbiederFormPage /></RequireRol>} />
              <Route path="inkoop/contracten/nieuw" element={<RequireRol rollen={INKOOP_ROLLEN}><NieuwContractPage /></RequireRol>} />
              <Route path="inkoop/contracten/:id" element={<RequireRol rollen={INKOOP_ROLLEN}><ContractPage /></RequireRol>} />
              <Route path="inkoop/resultaattarieven" element={<RequireRol rollen={INKOOP_ROLLEN}><ResultaatTarievenPage /></RequireRol>} />
              <Route path="inkoop/pgb-tarieven" element={<RequireRol rollen={INKOOP_ROLLEN}><PgbTarievenPage /></RequireRol>} />
              <Route path="instellingen/correspondentie" element={<RequireRol rollen={CORRESPONDENTIE_ROLLEN}><CorrespondentiePage /></RequireRol>} />
              <Route path="financien/betalingen" element={<RequireRol rollen={BETALINGEN_ROLLEN}><BetalingenPage /></RequireRol>} />
              <Route path="financien/betalingen/:id" element={<RequireRol rollen={BETALINGEN_ROLLEN}><BetaalbatchPage /></RequireRol>} />
              <Route path="instellingen/grootboek" element={<RequireRol rollen={GROOTBOEK_ROLLEN}><GrootboekPage /></RequireRol>} />
              <Route path="beheer/opdrachten" element={<RequireRol rollen={OPDRACHTEN_ROLLEN}><OpdrachtenPage /></RequireRol>} />
              <Route path="beheer/gebruikers" element={<RequireRol rollen={GEBRUIKERS_ROLLEN}><GebruikersPage /></RequireRol>} />
              <Route path="beheer/gebruikers/nieuw" element={<RequireRol rollen={GEBRUIKERS_ROLLEN}><NieuweGebruikerPage /></RequireRol>} />
              <Route path="beheer/gebruikers/:id" element={<RequireRol rollen={GEBRUIKERS_ROLLEN}><GebruikerPage /></RequireRol>} />
              <Route path="portaal" element={<RequireRol rollen={PORTAAL_ROLLEN}><PortaalPage /></RequireRol>} />
              <Route path="declaraties" element={<RequireRol rollen={DECLARATIES_ROLLEN}><DeclaratiesPage /></RequireRol>} />
              <Route path="contractmanagement" element={<RequireRol rollen={CONTRACTMANAGEMENT_ROLLEN}><ContractmanagementPage /></RequireRol>} />
              <Route path="contractmanagement/:id" element={<RequireRol rollen={CONTRACTMANAGEMENT_ROLLEN}><ContractaanbiederPage /></RequireRol>} />
              <Route path="declaraties/:id" element={<RequireRol rollen={DECLARATIE_LEZEN_ROLLEN}><DeclaratiePage /></RequireRol>} />
              <Route path="audit" element={<RequireRol rollen={AUDIT_ROLLEN}><AuditPage /></RequireRol>} />
              <Route path="privacy/doorbraken" element={<RequireRol rollen={DOORBRAKEN_ROLLEN}><DoorbrakenPage /></RequireRol>} />
              <Route path="doorbraak" element={<RequireRol rollen={DOORBRAAK_OPENEN_ROLLEN}><DoorbraakPage /></RequireRol>} />
              <Route path="privacy/vernietiging" element={<RequireRol rollen={VERNIETIGING_ROLLEN}><VernietigingPage /></RequireRol>} />
              <Route path="privacy/vernietiging/:id" element={<RequireRol rollen={VERNIETIGING_ROLLEN}><VernietigingslijstPage /></RequireRol>} />
              <Route path="instellingen/bewaartermijnen" element={<RequireRol rollen={BEWAARTERMIJNEN_ROLLEN}><BewaartermijnenPage /></RequireRol>} />
              <Route path="privacy/inzage" element={<RequireRol rollen={AUDIT_ROLLEN}><InzagePage /></RequireRol>} />
              <Route path="privacy/delingen" element={<RequireRol rollen={AUDIT_ROLLEN}><DelingenPage /></RequireRol>} />
              <Route path="zoeken" element={<RequireRol rollen={ZOEK_ROLLEN}><ZoekenPage /></RequireRol>} />
              <Route path="zoeken/meldingen/:id" element={<RequireRol rollen={ZOEK_ROLLEN}><MeldingStandPage /></RequireRol>} />
              <Route path="zoeken/personen/:id" element={<RequireRol rollen={PERSOON_ROLLEN}><PersoonPage /></RequireRol>} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
          </Suspense>
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
