import { RAPPORTTYPNAMN, VERSIONSSTATUSAR, type RapportversionMedInnehall, type Textblock } from '@tertial/contracts/dto';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';

import { periodnamn } from '../sektioner.js';
import { diagramHojd, diagramSvg } from './diagram.js';
import { exporttid } from './fasta-tider.js';
import { cellText } from './format.js';
import { BOLD, kravTypsnitt, REGULAR } from './typsnitt.js';

const STATUSNAMN: Record<(typeof VERSIONSSTATUSAR)[number], string> = {
  utkast: 'Utkast',
  granskning: 'Utkast under granskning',
  faststalld: 'Fastställd',
};

const PDFUA_IDENTIFIERING = `
  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
    <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
        <pdfaProperty:name>part</pdfaProperty:name>
        <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
        <pdfaProperty:category>internal</pdfaProperty:category>
        <pdfaProperty:description>The part of ISO 14289 the file follows</pdfaProperty:description>
      </rdf:li></rdf:Seq></pdfaSchema:property>
    </rdf:li></rdf:Bag></pdfaExtension:schemas>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
    <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>`;

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc['struct']>;

/** The council's PDF: tagged PDF/A-2a with a cover, a table of contents, each section's text, tables and charts. */
export async function pdf(v: RapportversionMedInnehall): Promise<Buffer> {
  kravTypsnitt();
  return rita(v);
}

async function rita(v: RapportversionMedInnehall): Promise<Buffer> {
  const { innehall } = v;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 72, left: 64, right: 64 },
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    bufferPages: true,
    // The creation date is the version's fixing time and the content hash is among the keywords: pdfkit derives the
    // file's /ID from these, so the same version is the same bytes on every export.
    info: {
      Title: innehall.titel,
      Author: 'Helsingborgs stad',
      Subject: `${innehall.titel}, version ${v.version}`,
      Creator: 'Tertial',
      CreationDate: exporttid(v),
      ...(v.hash ? { Keywords: `sha256:${v.hash}` } : {}),
    },
  });
  const delar: Buffer[] = [];
  doc.on('data', (del: Buffer) => delar.push(del));
  const klar = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(delar)));
    doc.on('error', reject);
  });
  // Fonts by their file, never by a registered name: pdfkit caches a font under the key it was first asked for, and
  // its tables switch back to the current font by file after every cell. A registered name would make each of
  // those switches parse the font file again (seconds per table, and the memory with it).
  doc.font(REGULAR);

  const rot = doc.struct('Document');
  doc.addStructure(rot);
  const rubrik = (parent: Struct, typ: 'H1' | 'H2' | 'H3', text: string, storlek: number) => {
    doc.font(BOLD).fontSize(storlek);
    parent.add(doc.struct(typ, {}, () => doc.text(text)));
    doc.font(REGULAR).fontSize(10.5).moveDown(0.4);
  };
  const stycke = (parent: Struct, text: string) => {
    doc.font(REGULAR).fontSize(10.5);
    parent.add(doc.struct('P', {}, () => doc.text(text, { align: 'left' })));
    doc.moveDown(0.5);
  };

  // Cover.
  const omslag = doc.struct('Sect');
  rot.add(omslag);
  doc.moveDown(8);
  rubrik(omslag, 'H1', innehall.titel, 30);
  stycke(omslag, `Helsingborgs stad. Perioden ${periodnamn(innehall.periodTomManad)} ${innehall.ar}.`);
  stycke(omslag, `${STATUSNAMN[v.status]}, version ${v.version}${v.faststalldAt ? `, fastställd ${v.faststalldAt.slice(0, 10)}` : ''}.`);
  if (v.hash) stycke(omslag, `Innehållets kontrollsumma (SHA-256): ${v.hash}`);

  // Table of contents: its place in the structure and its page now, its entries once the sections' pages are known.
  doc.addPage();
  const tocSida = doc.bufferedPageRange().count - 1;
  // The heading beside the TOC, not in it: a TOC holds only TOCI (PDF/UA).
  const innehallet = doc.struct('Sect');
  rot.add(innehallet);
  rubrik(innehallet, 'H2', 'Innehåll', 18);
  const toc = doc.struct('TOC');
  innehallet.add(toc);
  const tocY = doc.y;

  const sidor: number[] = [];
  for (const sektion of innehall.sektioner) {
    doc.addPage();
    sidor.push(doc.bufferedPageRange().count);
    const sect = doc.struct('Sect');
    rot.add(sect);
    rubrik(sect, 'H2', sektion.rubrik, 18);
    for (const block of sektion.text) textblock(doc, sect, block, rubrik, stycke);
    for (const notering of sektion.noteringar) stycke(sect, notering);
    if (sektion.text.length === 0 && sektion.tabeller.length === 0 && sektion.noteringar.length === 0) stycke(sect, 'Ingen text ännu.');
    for (const tabell of sektion.tabeller) {
      rubrik(sect, 'H3', tabell.rubrik, 12);
      const belopp = tabell.kolumner.map((k) => k.typ === 'belopp');
      const rader = [...tabell.rader, ...(tabell.summa ? [tabell.summa] : [])];
      doc.fontSize(8.5);
      doc.table({
        structParent: sect,
        columnStyles: tabell.kolumner.map((k, i) => (k.typ === 'belopp' ? { align: { x: 'right' } } : i === 0 ? { width: '*' } : {})),
        data: [
          // Scope: PDF/UA wants each header cell to say what it heads; pdfkit then gives every TD its Headers.
          tabell.kolumner.map((k) => ({
            text: `${k.rubrik}${k.typ === 'belopp' ? ' (mnkr)' : ''}`,
            type: 'TH',
            scope: 'column',
            font: { src: BOLD },
          })),
          ...rader.map((rad, r) =>
            rad.map((cell, k) => ({
              text: cellText(cell, belopp[k] ? 'belopp' : 'text'),
              font: { src: tabell.summa && r === rader.length - 1 ? BOLD : REGULAR },
            })),
          ),
        ],
        // structParent: pdfkit tags the table (Table, TR, TH, TD) under the section; its types do not list it yet.
      } as Parameters<Doc['table']>[0]);
      doc.fontSize(10.5).moveDown(0.6);
    }
    for (const diagram of sektion.diagram) {
      rubrik(sect, 'H3', diagram.rubrik, 12);
      // Drawn at the size it is placed at (one SVG pixel a point): svg-to-pdfkit does not scale a chart reliably.
      const bredd = Math.floor(doc.page.width - doc.page.margins.left - doc.page.margins.right);
      const hojd = diagramHojd(diagram, bredd);
      if (doc.y + hojd > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const x = doc.page.margins.left;
      const y = doc.y;
      sect.add(
        doc.struct('Figure', { alt: diagram.beskrivning }, () => {
          SVGtoPDF(doc, diagramSvg(diagram, bredd, hojd), x, y, { assumePt: true, fontCallback: () => REGULAR });
        }),
      );
      doc.y = y + hojd + 12;
      doc.x = x;
    }
    sect.end();
  }
  doc.switchToPage(tocSida);
  doc.x = doc.page.margins.left;
  doc.y = tocY;
  innehall.sektioner.forEach((sektion, i) => {
    toc.add(doc.struct('TOCI', {}, () => doc.text(`${sektion.rubrik} .......... ${sidor[i]}`)));
    doc.moveDown(0.2);
  });
  toc.end();
  innehallet.end();
  omslag.end();
  rot.end();

  // Footers, as artifacts (not content): the page number, and the version's whole hash in a smaller font below it.
  const { count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(i);
    const botten = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const bredd = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    const rad = (text: string, storlek: number, y: number) =>
      doc.font(REGULAR).fontSize(storlek).text(text, doc.page.margins.left, y, { width: bredd, align: 'center', lineBreak: false });
    doc.markContent('Artifact', { type: 'Pagination' });
    rad(
      `${RAPPORTTYPNAMN[innehall.rapport]} ${innehall.ar}, version ${v.version}${v.hash ? '' : ', utkast'} · sida ${i + 1} av ${count}`,
      8,
      doc.page.height - 44,
    );
    if (v.hash) rad(`SHA-256 ${v.hash}`, 6.5, doc.page.height - 32);
    doc.endMarkedContent();
    doc.page.margins.bottom = botten;
  }
  // PDF/A-2a and PDF/UA-1 at once: pdfkit declares one subset, so the PDF/UA identification is added here, with
  // the extension schema PDF/A asks for any schema outside its own list.
  doc.appendXML(PDFUA_IDENTIFIERING);
  doc.end();
  return klar;
}

function textblock(
  doc: Doc,
  parent: Struct,
  block: Textblock,
  rubrik: (parent: Struct, typ: 'H3', text: string, storlek: number) => void,
  stycke: (parent: Struct, text: string) => void,
): void {
  if (block.typ === 'rubrik') rubrik(parent, 'H3', block.text, 12);
  else if (block.typ === 'stycke') stycke(parent, block.text);
  else {
    doc.font(REGULAR).fontSize(10.5);
    const lista = doc.struct('L');
    parent.add(lista);
    for (const punkt of block.punkter) {
      lista.add(doc.struct('LI', {}, () => doc.text(`•  ${punkt}`, { indent: 12 })));
    }
    lista.end();
    doc.moveDown(0.5);
  }
}
