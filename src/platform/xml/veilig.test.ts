import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { istandaardenMap } from './scheidsrechter.ts';
import { alsLijst, controleerXml, ISTANDAARD_LIJSTEN, leesXml, OnveiligeXml } from './veilig.ts';
import { VIJANDIG } from './vijandig.testdata.ts';

const BRON = istandaardenMap();
const voorbeeld = (standaard: string, naam: string) => readFileSync(join(BRON, standaard, 'voorbeelden', `${naam}.xml`));

function weigering(invoer: string | Buffer, grenzen?: Parameters<typeof leesXml>[1]): OnveiligeXml {
  try {
    leesXml(invoer, grenzen);
  } catch (fout) {
    if (fout instanceof OnveiligeXml) return fout;
    throw fout;
  }
  throw new Error('leesXml nam het aan');
}

describe('leesXml: vijandige invoer wordt geweigerd vóór er iets geparsed wordt', () => {
  for (const { naam, xml, code } of VIJANDIG) {
    it(`${naam} → ${code}`, () => {
      const fout = weigering(xml);
      expect(fout.code).toBe(code);
      expect(fout.bericht).toMatch(/^(Het bericht|De elementen)/);
    });
  }

  it('DOCTYPE en ENTITY worden ook in kleine letters herkend', () => {
    expect(weigering('<!doctype x><x/>').code).toBe('dtd');
    expect(weigering('<x><!entity e "x"></x>').code).toBe('entiteit');
  });

  it('de diepte wordt tijdens het lezen geteld: 40 niveaus mag, 41 niet, en de grens is instelbaar', () => {
    expect(() => leesXml(`${'<a>'.repeat(40)}${'</a>'.repeat(40)}`)).not.toThrow();
    expect(weigering(`${'<a>'.repeat(41)}${'</a>'.repeat(41)}`).code).toBe('te-diep');
    expect(weigering('<a><b><c/></b></a>', { maxDiepte: 2 }).code).toBe('te-diep');
    // Refused at level 41 before the (missing) end of a huge document is looked at.
    expect(weigering(`${'<a>'.repeat(100_000)}`).code).toBe('te-diep');
  });

  it('de grootte telt in UTF-8-bytes, standaard 2 MiB, en is instelbaar', () => {
    const net = `<a>${'x'.repeat(2 * 1024 * 1024 - 7)}</a>`;
    expect(Buffer.byteLength(net)).toBe(2 * 1024 * 1024);
    expect(() => leesXml(net)).not.toThrow();
    expect(weigering(`<a>${'é'.repeat(1024 * 1024)}</a>`).code).toBe('te-groot');
    expect(weigering('<a>12345</a>', { maxBytes: 10 }).code).toBe('te-groot');
  });

  it('een andere codering dan UTF-8 wordt geweigerd: gedeclareerd, als UTF-16-bytes, of ongeldige UTF-8', () => {
    expect(weigering('<?xml version="1.0" encoding="ISO-8859-1"?><a/>').code).toBe('codering');
    expect(weigering(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a/>', 'utf16le')])).code).toBe('codering');
    expect(weigering(Buffer.from('<a/>', 'utf16le')).code).toBe('codering');
    expect(weigering(Buffer.from([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e])).code).toBe('codering');
    expect(weigering('<a>\uD800</a>').code).toBe('codering');
  });

  it('UTF-8 mag gedeclareerd zijn, in hoofd- of kleine letters, en met een byte order mark beginnen', () => {
    expect(leesXml('<?xml version="1.0" encoding="utf-8"?><a>é</a>').boom).toBe('é');
    expect(leesXml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<?xml version="1.0" encoding="UTF-8"?><a>é</a>')])).boom).toBe('é');
  });

  it('een verwerkingsinstructie wordt ook na het wortelelement en zonder declaratie geweigerd', () => {
    expect(weigering('<a/><?php echo 1; ?>').code).toBe('instructie');
    expect(weigering('<?pi?><a/>').code).toBe('instructie');
    expect(weigering('<a><?pi x?></a>').code).toBe('instructie');
  });

  it('wat geen goedgevormde XML is, heet geen-xml', () => {
    for (const xml of [
      '', '   ', '<a>', '<a></b>', '<a/><b/>', '<a/>tekst', 'tekst<a/>', '<a>&foo;</a>', '<a>a & b</a>', '<a x="<"/>',
      '<a x="1" x="2"/>', '<p:a/>', ' <?xml version="1.0"?><a/>', '<a/><?xml version="1.0"?>', '<a>&#0;</a>',
      '<a>\u0001</a>', '<a><!-- a -- b --></a>', '<a><![CDATA[x</a>', '<?xml version="1.0"><a/>',
    ]) {
      expect(weigering(xml).code, JSON.stringify(xml)).toBe('geen-xml');
    }
  });

  it('een DOCTYPE of ENTITY in commentaar of CDATA wordt ook geweigerd: voorzichtig boven slim', () => {
    expect(weigering('<a><!-- <!DOCTYPE x> --></a>').code).toBe('dtd');
    expect(weigering('<a><![CDATA[<!ENTITY e "x">]]></a>').code).toBe('entiteit');
  });
});

describe('leesXml: wat wel gelezen wordt', () => {
  it('geeft de wortel met lokale naam en namespace, en de boom zonder prefixen', () => {
    const { wortel, boom } = leesXml(voorbeeld('iwmo', 'WMO305'), { lijsten: ISTANDAARD_LIJSTEN });
    expect(wortel).toEqual({ naam: 'Bericht', namespace: 'http://www.istandaarden.nl/iwmo/3_2/wmo305/schema' });
    const bericht = boom as { Header: { BerichtCode: string; Afzender: string; BerichtIdentificatie: { Dagtekening: string } }; Client: { Bsn: string }[] };
    expect(bericht.Header.BerichtCode).toBe('418');
    expect(bericht.Header.BerichtIdentificatie.Dagtekening).toBe('2025-04-05');
    expect(bericht.Client[0]!.Bsn).toBe('999900006');
  });

  it('houdt alle waarden als tekst: voorloopnullen, codes en bedragen blijven zoals ze staan', () => {
    const { boom } = leesXml('<a><bsn>012345678</bsn><code>01</code><bedrag>58000</bedrag><e>1e3</e><h>0x1F</h><leeg/></a>');
    expect(boom).toEqual({ bsn: '012345678', code: '01', bedrag: '58000', e: '1e3', h: '0x1F', leeg: '' });
  });

  it('vertaalt alleen de vijf XML-entiteiten en tekenverwijzingen, in één keer', () => {
    const { boom } = leesXml('<a><t>&lt;&gt;&amp;&quot;&apos;</t><n>&#233;&#xE9;&#x1F600;</n><dubbel>&amp;lt;</dubbel><c><![CDATA[&lt;]]></c></a>');
    expect(boom).toEqual({ t: '<>&"\'', n: 'éé😀', dubbel: '&lt;', c: '&lt;' });
  });

  it('laat attributen weg, behalve dat xmlns op de wortel de namespace geeft; ook een standaardnamespace', () => {
    const { wortel, boom } = leesXml('<Bericht xmlns="urn:x" id="1"><Kop soort="a">k</Kop></Bericht>');
    expect(wortel).toEqual({ naam: 'Bericht', namespace: 'urn:x' });
    expect(boom).toEqual({ Kop: 'k' });
    expect(leesXml('<Bericht/>').wortel).toEqual({ naam: 'Bericht', namespace: null });
  });

  it('herhaalbare elementen komen als lijst, ook als ze één keer voorkomen', () => {
    const xml = '<B><Clienten><Client><Bsn>1</Bsn></Client></Clienten><RetourCodes><RetourCode>0200</RetourCode></RetourCodes></B>';
    expect(leesXml(xml).boom).toEqual({ Clienten: { Client: { Bsn: '1' } }, RetourCodes: { RetourCode: '0200' } });
    expect(leesXml(xml, { lijsten: ISTANDAARD_LIJSTEN }).boom).toEqual({ Clienten: { Client: [{ Bsn: '1' }] }, RetourCodes: { RetourCode: ['0200'] } });
    expect(alsLijst(undefined)).toEqual([]);
    expect(alsLijst('x')).toEqual(['x']);
    expect(alsLijst(['x', 'y'])).toEqual(['x', 'y']);
  });

  it('ISTANDAARD_LIJSTEN is precies de elementen met maxOccurs="unbounded" in de XSDs van iWmo en iJw', () => {
    const uitXsds = new Set<string>();
    for (const standaard of ['iwmo', 'ijw']) {
      for (const bestand of readdirSync(join(BRON, standaard)).filter((f) => f.endsWith('.xsd'))) {
        const xsd = readFileSync(join(BRON, standaard, bestand), 'utf8');
        for (const m of xsd.matchAll(/<xs:element\b[^>]*>/g)) {
          const naam = /\bname="([^"]+)"/.exec(m[0])?.[1];
          const max = /\bmaxOccurs="([^"]+)"/.exec(m[0])?.[1];
          if (naam !== undefined && max !== undefined && max !== '1') uitXsds.add(naam);
        }
      }
      // No repeating sequence or choice, else their children would have to be lists too.
      for (const bestand of readdirSync(join(BRON, standaard)).filter((f) => f.endsWith('.xsd'))) {
        expect(readFileSync(join(BRON, standaard, bestand), 'utf8')).not.toMatch(/<xs:(sequence|choice)\b[^>]*maxOccurs/);
      }
    }
    expect([...ISTANDAARD_LIJSTEN].sort()).toEqual([...uitXsds].sort());
  });

  it('controleerXml geeft de tekst zonder byte order mark en de wortel, zonder boom', () => {
    const uit = controleerXml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p:a xmlns:p="urn:p"><b/></p:a>')]));
    expect(uit).toEqual({ tekst: '<p:a xmlns:p="urn:p"><b/></p:a>', wortel: { naam: 'a', namespace: 'urn:p' } });
  });
});
