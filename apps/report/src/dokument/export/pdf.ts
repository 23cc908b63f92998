import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { RAPPORTTYPNAMN, VERSIONSSTATUSAR, type RapportversionMedInnehall, type Textblock } from '@tertial/contracts/dto';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';

import { periodnamn } from '../sektioner.js';
import { diagramSvg, DIAGRAM_BREDD, DIAGRAM_HOJD } from './diagram.js';
import { exporttid } from './fasta-tider.js';
import { cellText } from './format.js';

/**
 * PDF/A-2 requires every font embedded: Liberation Sans (metric-compatible with Arial), from Debian's
 * fonts-liberation, which the scripts install with Chromium. TERTIAL_TYPSNITT points elsewhere.
 */
const TYPSNITT = process.env.TERTIAL_TYPSNITT ?? '/usr/share/fonts/truetype/liberation';
const REGULAR = join(TYPSNITT, 'LiberationSans-Regular.ttf');
const BOLD = join(TYPSNITT, 'LiberationSans-Bold.ttf');

const STATUSNAMN: Record<(typeof VERSIONSSTATUSAR)[number], string> = {
  utkast: 'Utkast',
  granskning: 'Utkast under granskning',
  faststalld: 'Fastställd',
};

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc['struct']>;

/** The council's PDF: tagged PDF/A-2a with a cover, a table of contents, each section's text, tables and charts. */
export async function pdf(v: RapportversionMedInnehall): Promise<Buffer> {
  for (const fil of [REGULAR, BOLD])
    if (!existsSync(fil)) throw new Error(`typsnittet ${fil} saknas (installera fonts-liberation eller sätt TERTIAL_TYPSNITT)`);
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
  const toc = doc.struct('TOC');
  rot.add(toc);
  rubrik(toc, 'H2', 'Innehåll', 18);
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
          tabell.kolumner.map((k) => ({ text: `${k.rubrik}${k.typ === 'belopp' ? ' (mnkr)' : ''}`, type: 'TH', font: { src: BOLD } })),
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
      const bredd = doc.page.width - doc.page.margins.left - doc.page.margins.right;
      const hojd = (bredd * DIAGRAM_HOJD) / DIAGRAM_BREDD;
      if (doc.y + hojd > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const x = doc.page.margins.left;
      const y = doc.y;
      sect.add(
        doc.struct('Figure', { alt: diagram.beskrivning }, () => {
          SVGtoPDF(doc, diagramSvg(diagram, Math.floor(bredd), Math.floor(hojd)), x, y, { assumePt: true, fontCallback: () => REGULAR });
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
  omslag.end();
  rot.end();

  // Footers, as artifacts (not content): the page number and the version's hash on every page.
  const { count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(i);
    const botten = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font(REGULAR)
      .fontSize(8)
      .text(
        `${RAPPORTTYPNAMN[innehall.rapport]} ${innehall.ar}, version ${v.version}${v.hash ? ` · ${v.hash.slice(0, 16)}` : ' · utkast'} · sida ${i + 1} av ${count}`,
        doc.page.margins.left,
        doc.page.height - 40,
        { width: doc.page.width - doc.page.margins.left - doc.page.margins.right, align: 'center', lineBreak: false },
      );
    doc.endMarkedContent();
    doc.page.margins.bottom = botten;
  }
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
