import PDFDocument from 'pdfkit';
import { datumLang, ondertekeningRegel, schoneInterpunctie } from './tekst.ts';

export { datumLang } from './tekst.ts';

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
  /** Who the resident can call about this letter (the casusregisseur), beside date and reference. */
  contact?: { naam: string; telefoon: string | null } | undefined;
  /** Printed across the top of a draft. */
  concept?: boolean;
}

/** Every text of the letter with clean punctuation (no "..", ". ." or ",."). */
function schoon(b: Brief): Brief {
  const t = schoneInterpunctie;
  return {
    ...b,
    afzenderRegels: b.afzenderRegels.map(t), geadresseerde: b.geadresseerde.map(t), onderwerp: t(b.onderwerp), aanhef: t(b.aanhef),
    afsluiting: b.afsluiting.split('\n').map(t).join('\n'),
    secties: b.secties.map((s) => ({
      ...s, ...(s.kop ? { kop: t(s.kop) } : {}), ...(s.alineas ? { alineas: s.alineas.map(t).filter((a) => a !== '') } : {}),
      ...(s.lijst ? { lijst: s.lijst.map(t) } : {}), ...(s.tabel ? { tabel: s.tabel.map((r) => r.map(t)) } : {}),
    })),
  };
}

export function maakBrief(invoer: Brief): Promise<Buffer> {
  const b = schoon(invoer);
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
  doc.font('Helvetica').fontSize(9).fillColor('#444');
  for (const regel of b.afzenderRegels) doc.text(regel);
  doc.fillColor('black').moveDown(2);
  if (b.concept) doc.font('Helvetica-Bold').fontSize(11).fillColor('#b00').text('CONCEPT — nog niet verzonden').fillColor('black').moveDown();
  doc.font('Helvetica').fontSize(11);
  for (const regel of b.geadresseerde) doc.text(regel);
  doc.moveDown(2);
  const y = doc.y;
  doc.fontSize(9).fillColor('#444').text('Datum', doc.page.margins.left, y).text('Ons kenmerk', doc.page.margins.left + 180, y);
  doc.fillColor('black').fontSize(11).text(datumLang(b.datum), doc.page.margins.left, y + 12).text(b.kenmerk, doc.page.margins.left + 180, y + 12);
  if (b.contact) {
    doc.fontSize(9).fillColor('#444').text('Contactpersoon', doc.page.margins.left + 300, y);
    doc.fillColor('black').fontSize(11).text(b.contact.naam, doc.page.margins.left + 300, y + 12, { width: breedte - 300 });
    if (b.contact.telefoon) doc.text(`Telefoon ${b.contact.telefoon}`, { width: breedte - 300 });
  }
  doc.x = doc.page.margins.left;
  doc.y = Math.max(doc.y, y + 26);
  doc.moveDown(2);
  doc.font('Helvetica-Bold').text(`Onderwerp: ${b.onderwerp}`, { width: breedte });
  doc.moveDown();
  doc.font('Helvetica').text(b.aanhef);
  doc.moveDown(0.5);

  // The closing (greeting and signature) stays on the page of the letter's last paragraph.
  const regel = () => doc.currentLineHeight(true);
  const slotHoogte = () => {
    doc.font('Helvetica').fontSize(11);
    return regel() + doc.heightOfString(b.afsluiting, { width: breedte }) + 2 * regel() + doc.heightOfString(b.ondertekening.naam, { width: breedte }) + 2 * regel();
  };
  const ruimte = () => doc.page.height - doc.page.margins.bottom - doc.y;
  const laatsteSectie = b.secties.at(-1);
  for (const s of b.secties) {
    if (s.kop) {
      // A heading never stands alone at the bottom of a page.
      doc.font('Helvetica-Bold').fontSize(11);
      const eerste = s.alineas?.[0] ?? s.lijst?.[0] ?? s.tabel?.[0]?.join(' ') ?? '';
      if (ruimte() < doc.heightOfString(s.kop, { width: breedte }) + doc.heightOfString(eerste, { width: breedte }) + 2 * regel()) doc.addPage();
      doc.moveDown(0.5).text(s.kop, { width: breedte }).font('Helvetica');
    }
    const alineas = s.alineas ?? [];
    alineas.forEach((a, i) => {
      doc.font('Helvetica').fontSize(11);
      const slot = s === laatsteSectie && i === alineas.length - 1 && !s.lijst && !s.tabel;
      const nodig = doc.heightOfString(a, { width: breedte }) + (slot ? slotHoogte() : 0);
      if (slot && nodig < doc.page.height - doc.page.margins.top - doc.page.margins.bottom && ruimte() < nodig) doc.addPage();
      doc.text(a, { width: breedte, align: 'left' }).moveDown(0.4);
    });
    if (s.lijst) doc.list(s.lijst, { width: breedte, bulletRadius: 1.5 }).moveDown(0.4);
    if (s.tabel?.length) {
      const kolommen = s.tabel[0]!.length;
      const kolomBreedte = breedte / kolommen;
      s.tabel.forEach((rij, i) => {
        doc.font(i === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
        const hoogste = Math.max(...rij.map((cel) => doc.heightOfString(cel, { width: kolomBreedte - 6 })));
        // A row is never split over two pages.
        if (ruimte() < hoogste + 4) doc.addPage();
        const top = doc.y;
        rij.forEach((cel, k) => {
          doc.text(cel, doc.page.margins.left + k * kolomBreedte, top, { width: kolomBreedte - 6 });
        });
        doc.x = doc.page.margins.left;
        doc.y = top + hoogste + 4;
      });
      doc.fontSize(11).font('Helvetica').moveDown(0.4);
    }
  }
  doc.font('Helvetica').fontSize(11);
  if (ruimte() < slotHoogte()) doc.addPage();
  doc.moveDown();
  doc.text(b.afsluiting, { width: breedte });
  doc.moveDown(2);
  doc.text(b.ondertekening.naam).fontSize(10).fillColor('#444').text(ondertekeningRegel(b.ondertekening.functie, b.gemeente)).fillColor('black');

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
