import PDFDocument from 'pdfkit';

/**
 * Letters as real PDFs (pdfkit, standard fonts, extractable text): the gemeente's letterhead, the
 * addressee, date and reference, subject, sections, signature by role, page numbers. Used for the
 * gespreksverslag now and the beschikking later. Deterministic for the same input (fixed
 * creation date), so a sent letter's hash can be checked.
 */
export interface BriefSectie {
  kop?: string;
  alineas?: string[];
  /** A simple two- or more-column table; the first row is the header. */
  tabel?: string[][];
  lijst?: string[];
}

export interface Brief {
  gemeente: string;
  afzenderRegels: string[];
  geadresseerde: string[];
  datum: string; // 'YYYY-MM-DD'
  kenmerk: string;
  onderwerp: string;
  aanhef: string;
  secties: BriefSectie[];
  afsluiting: string;
  ondertekening: { naam: string; functie: string };
  /** Printed across the top of a draft. */
  concept?: boolean;
}

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
export const datumLang = (d: string) => {
  const [j, m, dag] = d.split('-').map(Number) as [number, number, number];
  return `${dag} ${MAANDEN[m - 1]} ${j}`;
};

export function maakBrief(b: Brief): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', margins: { top: 60, bottom: 70, left: 70, right: 70 }, bufferPages: true,
    info: { Title: b.onderwerp, Author: `Gemeente ${b.gemeente}`, Subject: b.kenmerk, CreationDate: new Date(`${b.datum}T12:00:00Z`) },
    lang: 'nl-NL', displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const klaar = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const breedte = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.font('Helvetica-Bold').fontSize(16).text(`Gemeente ${b.gemeente}`);
  doc.font('Helvetica').fontSize(9).fillColor('#444').text(b.afzenderRegels.join('  ·  '));
  doc.fillColor('black').moveDown(2);
  if (b.concept) doc.font('Helvetica-Bold').fontSize(11).fillColor('#b00').text('CONCEPT — nog niet verzonden').fillColor('black').moveDown();
  doc.font('Helvetica').fontSize(11);
  for (const regel of b.geadresseerde) doc.text(regel);
  doc.moveDown(2);
  const y = doc.y;
  doc.fontSize(9).fillColor('#444').text('Datum', doc.page.margins.left, y).text('Ons kenmerk', doc.page.margins.left + 180, y);
  doc.fillColor('black').fontSize(11).text(datumLang(b.datum), doc.page.margins.left, y + 12).text(b.kenmerk, doc.page.margins.left + 180, y + 12);
  doc.x = doc.page.margins.left;
  doc.moveDown(2);
  doc.font('Helvetica-Bold').text(`Onderwerp: ${b.onderwerp}`, { width: breedte });
  doc.moveDown();
  doc.font('Helvetica').text(b.aanhef);
  doc.moveDown(0.5);

  for (const s of b.secties) {
    if (s.kop) doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).text(s.kop, { width: breedte }).font('Helvetica');
    for (const a of s.alineas ?? []) doc.text(a, { width: breedte, align: 'left' }).moveDown(0.4);
    if (s.lijst) doc.list(s.lijst, { width: breedte, bulletRadius: 1.5 }).moveDown(0.4);
    if (s.tabel?.length) {
      const kolommen = s.tabel[0]!.length;
      const kolomBreedte = breedte / kolommen;
      s.tabel.forEach((rij, i) => {
        const top = doc.y;
        let hoogste = 0;
        rij.forEach((cel, k) => {
          doc.font(i === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
          const h = doc.heightOfString(cel, { width: kolomBreedte - 6 });
          doc.text(cel, doc.page.margins.left + k * kolomBreedte, top, { width: kolomBreedte - 6 });
          hoogste = Math.max(hoogste, h);
        });
        doc.x = doc.page.margins.left;
        doc.y = top + hoogste + 4;
      });
      doc.fontSize(11).font('Helvetica').moveDown(0.4);
    }
  }
  doc.moveDown();
  doc.text(b.afsluiting, { width: breedte });
  doc.moveDown(2);
  doc.text(b.ondertekening.naam).fontSize(10).fillColor('#444').text(`${b.ondertekening.functie}, gemeente ${b.gemeente}`).fillColor('black');

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor('#666').text(`${b.kenmerk} — pagina ${i + 1} van ${pages.count}`, doc.page.margins.left, doc.page.height - 45, { width: breedte, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return klaar;
}
