/**
 * Every problem the API can answer with, in one exhaustive table: a stable code, its HTTP status
 * and a Dutch title. Contexts throw `Problem` with a code; the server turns it into
 * application/problem+json (RFC 9457).
 */
export const problemCodes = {
  'ongeldige-invoer': { status: 400, title: 'De invoer is niet correct' },
  'ongeldige-json': { status: 400, title: 'Het verzoek bevat geen geldige JSON' },
  'niet-ingelogd': { status: 401, title: 'U bent niet ingelogd' },
  'onjuiste-inloggegevens': { status: 401, title: 'Gebruikersnaam of wachtwoord onjuist' },
  'geen-toegang': { status: 403, title: 'U heeft geen toegang tot deze functie' },
  'csrf-token-ongeldig': { status: 403, title: 'Het beveiligingstoken ontbreekt of is verlopen' },
  'niet-gevonden': { status: 404, title: 'Niet gevonden' },
  'methode-niet-toegestaan': { status: 405, title: 'Deze methode is hier niet toegestaan' },
  'conflict': { status: 409, title: 'Dit conflicteert met bestaande gegevens' },
  'persoon-komt-niet-overeen': { status: 409, title: 'De gegevens horen niet bij dit BSN' },
  'brp-niet-bereikbaar': { status: 503, title: 'De BRP is niet bereikbaar' },
  'ongeldige-statusovergang': { status: 409, title: 'Deze statuswijziging is niet toegestaan' },
  'termijn-afgerond': { status: 409, title: 'De termijn is al afgerond' },
  'termijn-al-verlopen': { status: 409, title: 'De termijn is al verlopen' },
  'geen-lopende-termijn': { status: 409, title: 'Er loopt geen termijn' },
  'opschorting-voor-start': { status: 400, title: 'De opschorting begint te vroeg' },
  'opschorting-einde-voor-begin': { status: 400, title: 'De opschorting eindigt vóór zij begint' },
  'opschorting-overlapt': { status: 409, title: 'De opschorting overlapt' },
  'opschorting-al-beeindigd': { status: 409, title: 'De opschorting is al beëindigd' },
  'verdaging-al-gebruikt': { status: 409, title: 'De termijn is al verdaagd' },
  'verdaging-niet-later': { status: 400, title: 'De nieuwe datum is niet later' },
  'niet-uw-casus': { status: 403, title: 'Dit is niet uw casus' },
  'geen-toegang-dossier': { status: 403, title: 'U heeft geen toegang tot dit dossier' },
  'zelfde-regisseur': { status: 409, title: 'Deze casusregisseur heeft de casus al' },
  'geen-regisseur': { status: 400, title: 'Kies een casusregisseur' },
  'te-veel-verzoeken': { status: 429, title: 'Te veel verzoeken' },
  'catalogus-ongeldig': { status: 400, title: 'Dit past niet bij de ladder' },
  'ladder-motivering-ontbreekt': { status: 400, title: 'Motiveer waarom de lagere treden niet volstaan' },
  'trede-past-niet': { status: 400, title: 'De trede past niet bij het product' },
  'instrument-onbekend': { status: 400, title: 'Onbekend instrument' },
  'verslag-al-verzonden': { status: 409, title: 'Het verslag is al verzonden' },
  'plan-bestaat-niet': { status: 404, title: 'Er is nog geen plan' },
  'plan-gesloten': { status: 409, title: 'Het plan is gesloten' },
  'casus-gesloten': { status: 409, title: 'De casus is gesloten' },
  'evaluatie-onvolledig': { status: 400, title: 'De evaluatie is niet volledig' },
  'evaluatie-al-gehouden': { status: 409, title: 'Deze evaluatie is al gehouden' },
  'vier-ogen-zelfde-persoon': { status: 403, title: 'Vier ogen: dit moet iemand anders doen' },
  'verzoek-te-groot': { status: 413, title: 'Het verzoek is te groot' },
  'mediatype-niet-ondersteund': { status: 415, title: 'Stuur de gegevens als application/json' },
  'te-veel-inlogpogingen': { status: 429, title: 'Te veel inlogpogingen' },
  'toegang-al-aanwezig': { status: 409, title: 'U heeft al toegang tot dit dossier' },
  'doorbraak-al-beoordeeld': { status: 409, title: 'Deze toegang is al beoordeeld' },
  'grondslag-niet-geldig': { status: 409, title: 'Deze grondslag geldt niet (meer)' },
  'grondslag-dekt-verstrekking-niet': { status: 422, title: 'De grondslag dekt deze verstrekking niet' },
  'grondslag-niet-intrekbaar': { status: 409, title: 'Deze grondslag kan niet worden ingetrokken' },
  'geen-grondslag-voor-verstrekking': { status: 409, title: 'Er is geen grondslag om dit te delen' },
  'online-melding-al-behandeld': { status: 409, title: 'Deze online melding is al behandeld' },
  'persoon-bestaat-al': { status: 409, title: 'Bij dit BSN is al een inwoner bekend' },
  'koppeling-ander-bsn': { status: 422, title: 'Deze inwoner heeft een ander BSN dan is ingevuld' },
  'geen-gecontracteerd-product': { status: 422, title: 'Dit product is niet gecontracteerd' },
  'tariefperiode-overlapt': { status: 409, title: 'De tariefperiode overlapt een bestaande periode' },
  'product-past-niet': { status: 422, title: 'Dit past niet bij het gecontracteerde product' },
  'aanbieder-niet-gecontracteerd': { status: 422, title: 'Deze aanbieder is niet gecontracteerd voor dit product' },
  'aanbieder-vol': { status: 409, title: 'Deze aanbieder heeft geen plaats meer' },
  'geen-bericht': { status: 400, title: 'Dit is geen iWmo- of iJw-bericht' },
  'onveilige-xml': { status: 400, title: 'Dit XML-bestand wordt niet verwerkt' },
  'bericht-niet-van-u': { status: 403, title: 'Dit bericht komt niet van uw organisatie' },
  'alleen-xml': { status: 415, title: 'Stuur het bericht als application/xml' },
  'niets-te-betalen': { status: 422, title: 'Er is niets te betalen' },
  'grootboek-onvolledig': { status: 422, title: 'Het grootboek is niet volledig ingesteld' },
  'interne-fout': { status: 500, title: 'Er ging iets mis aan onze kant' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof problemCodes;

export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  instance?: string;
  invalidParams?: InvalidParam[];
}

export class Problem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly invalidParams?: InvalidParam[],
    readonly headers?: Record<string, string>,
  ) {
    super(`${code}: ${detail}`);
  }

  get status(): number {
    return problemCodes[this.code].status;
  }

  toBody(instance?: string): ProblemBody {
    return {
      type: `urn:eenvoud:probleem:${this.code}`,
      title: problemCodes[this.code].title,
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(instance ? { instance } : {}),
      ...(this.invalidParams ? { invalidParams: this.invalidParams } : {}),
    };
  }
}

export const notFound = (what: string) => new Problem('niet-gevonden', `${what} bestaat niet of u heeft er geen toegang toe.`);
