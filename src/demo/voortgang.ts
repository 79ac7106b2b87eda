import cliProgress from 'cli-progress';
import type { Voortgang } from './generator.ts';

/** The generator's steps in the order it takes them, in words a newcomer understands. */
const STAPPEN: Record<string, string> = {
  'huishoudens en inwoners': 'Inwoners en huishoudens aanmaken',
  'bestaande cliënten': 'Lopende voorzieningen van vóór de vijf jaar',
  'meldingen en hun verloop': 'Vijf jaar meldingen, gesprekken en besluiten',
  'wegschrijven': 'Alles opslaan in de database',
};
const AANTAL = Object.keys(STAPPEN).length;

export interface Voortgangsweergave {
  voortgang: Voortgang;
  stop: () => void;
}

/**
 * Shows the five-year history being made. On a terminal: a bar per step with its name, number and
 * count (like `npm run demo`). Otherwise (a log file, a container): one plain line per step and per
 * quarter done, through `regel`, so the log stays readable and never fills with redraws.
 */
export function voortgangsweergave(regel: (tekst: string) => void, uit: NodeJS.WriteStream = process.stderr): Voortgangsweergave {
  let huidige = '';
  let laatsteKwart = -1;
  const nummer = (stap: string) => Object.keys(STAPPEN).indexOf(stap) + 1;
  const titel = (stap: string) => `Stap ${nummer(stap) || '?'}/${AANTAL}: ${STAPPEN[stap] ?? stap}`;

  if (uit.isTTY) {
    const breedte = Math.max(...Object.keys(STAPPEN).map((s) => titel(s).length));
    const balk = new cliProgress.SingleBar({
      stream: uit, hideCursor: true, barsize: 30, etaBuffer: 50,
      format: '{stap} |{bar}| {percentage}% · {gedaan}/{totaal} · nog ±{eta_formatted}',
    }, cliProgress.Presets.shades_classic);
    const getal = (n: number) => n.toLocaleString('nl-NL');
    return {
      voortgang: (stap, gedaan, totaal) => {
        if (stap !== huidige) {
          if (huidige) balk.stop();
          huidige = stap;
          balk.start(totaal, gedaan, { stap: titel(stap).padEnd(breedte), gedaan: getal(gedaan), totaal: getal(totaal) });
        } else balk.update(gedaan, { gedaan: getal(gedaan), totaal: getal(totaal) });
      },
      stop: () => { if (huidige) balk.stop(); },
    };
  }
  return {
    voortgang: (stap, gedaan, totaal) => {
      const kwart = totaal > 0 ? Math.floor((gedaan / totaal) * 4) : 4;
      if (stap === huidige && kwart === laatsteKwart) return;
      if (stap !== huidige) laatsteKwart = -1;
      huidige = stap;
      if (kwart === laatsteKwart) return;
      laatsteKwart = kwart;
      regel(`${titel(stap)} — ${kwart * 25}% (${gedaan.toLocaleString('nl-NL')} van ${totaal.toLocaleString('nl-NL')})`);
    },
    stop: () => {},
  };
}
