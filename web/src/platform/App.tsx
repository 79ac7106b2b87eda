import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { CatalogusFormPage } from '../contexts/catalogus/CatalogusFormPage.tsx';
import { CatalogusPage } from '../contexts/catalogus/CatalogusPage.tsx';
import { SocialeKaartPage } from '../contexts/catalogus/SocialeKaartPage.tsx';
import { GesprekPage } from '../contexts/gesprek/GesprekPage.tsx';
import { NieuwGesprekPage } from '../contexts/gesprek/NieuwGesprekPage.tsx';
import { AanvraagPage } from '../contexts/besluit/AanvraagPage.tsx';
import { AanvragenPage } from '../contexts/besluit/AanvragenPage.tsx';
import { BeschikkingPage } from '../contexts/besluit/BeschikkingPage.tsx';
import { ProcescoordinatiePage } from '../contexts/besluit/ProcescoordinatiePage.tsx';
import { SteekproefPage, SteekproevenPage } from '../contexts/besluit/SteekproevenPage.tsx';
import { KpiPage } from '../contexts/sturing/KpiPage.tsx';
import { OnderliggendPage } from '../contexts/sturing/OnderliggendPage.tsx';
import { PilotmonitorPage } from '../contexts/sturing/PilotmonitorPage.tsx';
import { SturingPage } from '../contexts/sturing/SturingPage.tsx';
import { AuditPage } from '../contexts/privacy/AuditPage.tsx';
import { CasusPage } from '../contexts/toegang/CasusPage.tsx';
import { MeldingDetailPage } from '../contexts/toegang/MeldingDetailPage.tsx';
import { MeldingFormPage } from '../contexts/toegang/MeldingFormPage.tsx';
import { PubliekMeldenPage } from '../contexts/toegang/PubliekMeldenPage.tsx';
import { TermijnenPage } from '../contexts/toegang/TermijnenPage.tsx';
import { WerkvoorraadPage } from '../contexts/toegang/WerkvoorraadPage.tsx';
import { ApiProblem } from './api.ts';
import {
  AANVRAGEN_ROLLEN, AUDIT_ROLLEN, BESCHIKKING_ROLLEN, CATALOGUS_BEHEER_ROLLEN, CATALOGUS_ROLLEN, CASUS_ROLLEN, CASUS_TOEWIJZEN_ROLLEN, PROCESCOORDINATIE_ROLLEN,
  REGISTREREN_ROLLEN, STEEKPROEF_LEZEN_ROLLEN, STEEKPROEF_ROLLEN, STURING_ROLLEN, TERMIJNEN_ROLLEN, WERKVOORRAAD_ROLLEN,
} from './functies.ts';
import { RequireRol, RequireSession } from './guards.tsx';
import { AppShell } from './layout.tsx';
import { LoginPage, NotFoundPage, StartPage } from './pages.tsx';
import { SessionProvider } from './session.tsx';

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
          <Routes>
            <Route path="/inloggen" element={<LoginPage />} />
            {/* For residents: no login, no staff menu. */}
            <Route path="/melden/:gemeenteCode" element={<PubliekMeldenPage />} />
            <Route path="/sociale-kaart/:gemeenteCode" element={<SocialeKaartPage />} />
            <Route element={<RequireSession><AppShell /></RequireSession>}>
              <Route index element={<StartPage />} />
              <Route path="meldingen" element={<RequireRol rollen={WERKVOORRAAD_ROLLEN}><WerkvoorraadPage /></RequireRol>} />
              <Route path="meldingen/nieuw" element={<RequireRol rollen={REGISTREREN_ROLLEN}><MeldingFormPage /></RequireRol>} />
              <Route path="meldingen/:id" element={<RequireRol rollen={WERKVOORRAAD_ROLLEN}><MeldingDetailPage /></RequireRol>} />
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
              <Route path="procescoordinatie" element={<RequireRol rollen={PROCESCOORDINATIE_ROLLEN}><ProcescoordinatiePage /></RequireRol>} />
              <Route path="steekproeven" element={<RequireRol rollen={STEEKPROEF_ROLLEN}><SteekproevenPage /></RequireRol>} />
              <Route path="steekproeven/:id" element={<RequireRol rollen={STEEKPROEF_LEZEN_ROLLEN}><SteekproefPage /></RequireRol>} />
              <Route path="sturing" element={<RequireRol rollen={STURING_ROLLEN}><SturingPage /></RequireRol>} />
              <Route path="sturing/pilotmonitor" element={<RequireRol rollen={STURING_ROLLEN}><PilotmonitorPage /></RequireRol>} />
              <Route path="sturing/kpi/:id" element={<RequireRol rollen={STURING_ROLLEN}><KpiPage /></RequireRol>} />
              <Route path="sturing/kpi/:id/onderliggend" element={<RequireRol rollen={STURING_ROLLEN}><OnderliggendPage /></RequireRol>} />
              <Route path="audit" element={<RequireRol rollen={AUDIT_ROLLEN}><AuditPage /></RequireRol>} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
