import type { OnveiligeXmlCode } from './veilig.ts';

// Test data, not a test: shared by veilig.test.ts and scheidsrechter.test.ts.

/** The hostile inputs of ADR 36, each with the code it is refused with.  */
export const VIJANDIG: readonly { naam: string; xml: string | Buffer; code: OnveiligeXmlCode }[] = [
  {
    naam: 'XXE: een externe entiteit die een lokaal bestand leest',
    xml: '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<x>&e;</x>',
    code: 'entiteit',
  },
  {
    naam: 'billion laughs: geneste entiteiten',
    xml: `<?xml version="1.0"?>\n<!DOCTYPE lol [\n<!ENTITY lol "lol">\n${Array.from({ length: 9 }, (_, k) =>
      `<!ENTITY lol${k + 1} "${`&lol${k === 0 ? '' : k};`.repeat(10)}">`).join('\n')}\n]>\n<lol>&lol9;</lol>`,
    code: 'entiteit',
  },
  {
    naam: 'externe DTD over http',
    xml: '<?xml version="1.0"?>\n<!DOCTYPE Bericht SYSTEM "http://127.0.0.1:9/kwaad.dtd">\n<Bericht/>',
    code: 'dtd',
  },
  {
    naam: 'parameter-entiteit',
    xml: '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>\n<x/>',
    code: 'entiteit',
  },
  { naam: '100 niveaus diep', xml: `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`, code: 'te-diep' },
  { naam: 'een bestand van 3 MB', xml: `<a>${'x'.repeat(3 * 1024 * 1024)}</a>`, code: 'te-groot' },
  { naam: 'geen XML', xml: 'Dit is een brief, geen bericht.', code: 'geen-xml' },
  { naam: 'UTF-16 gedeclareerd', xml: '<?xml version="1.0" encoding="UTF-16"?>\n<Bericht/>', code: 'codering' },
  {
    naam: 'een verwerkingsinstructie',
    xml: '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="http://127.0.0.1:9/kwaad.xsl"?>\n<Bericht/>',
    code: 'instructie',
  },
];
