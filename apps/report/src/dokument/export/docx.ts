import { Resvg } from '@resvg/resvg-js';
import type { Rapportdiagram, RapportversionMedInnehall, Textblock } from '@tertial/contracts/dto';
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

import { periodnamn } from '../sektioner.js';
import { diagramHojd, diagramSvg, DIAGRAM_BREDD } from './diagram.js';
import { cellText } from './format.js';
import { BOLD, kravTypsnitt, REGULAR } from './typsnitt.js';

/** A chart in Word as Word itself stores one: the SVG, with a PNG beside it for readers that draw no SVG. */
function diagrambild(diagram: Rapportdiagram): ImageRun {
  const hojd = diagramHojd(diagram);
  const svg = diagramSvg(diagram, DIAGRAM_BREDD, hojd);
  // Twice the size, so the raster stays sharp on a printed page; drawn with the font the SVG was measured with.
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: '#ffffff',
    font: { fontFiles: [REGULAR, BOLD], loadSystemFonts: false, defaultFontFamily: 'Liberation Sans' },
  })
    .render()
    .asPng();
  // 6,25 inches wide at Word's 96 px an inch: the text column of an A4 page with Word's margins.
  const skala = 600 / DIAGRAM_BREDD;
  return new ImageRun({
    type: 'svg',
    data: Buffer.from(svg),
    fallback: { type: 'png', data: png },
    transformation: { width: DIAGRAM_BREDD * skala, height: Math.round(hojd * skala) },
    altText: { name: diagram.rubrik, title: diagram.rubrik, description: diagram.beskrivning },
  });
}

function textblock(block: Textblock): Paragraph[] {
  if (block.typ === 'rubrik') return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_3 })];
  if (block.typ === 'stycke') return block.text.split(/\n+/).map((text) => new Paragraph({ text }));
  return block.punkter.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
}

/** An editable draft for the report writers: the same headings, Word tables (mnkr) and charts as the PDF. */
export async function docx(v: RapportversionMedInnehall): Promise<Buffer> {
  kravTypsnitt();
  const { innehall } = v;
  const barn: (Paragraph | Table | TableOfContents)[] = [
    new Paragraph({ text: innehall.titel, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: `Helsingborgs stad. Perioden ${periodnamn(innehall.periodTomManad)} ${innehall.ar}.` }),
    new Paragraph({ text: `Version ${v.version}${v.hash ? `, innehållets kontrollsumma ${v.hash}` : ', utkast'}.` }),
    new TableOfContents('Innehåll', { hyperlink: true, headingStyleRange: '1-2' }),
  ];
  for (const sektion of innehall.sektioner) {
    barn.push(new Paragraph({ text: sektion.rubrik, heading: HeadingLevel.HEADING_1, pageBreakBefore: true }));
    for (const block of sektion.text) barn.push(...textblock(block));
    for (const notering of sektion.noteringar) barn.push(new Paragraph({ children: [new TextRun({ text: notering, italics: true })] }));
    for (const tabell of sektion.tabeller) {
      barn.push(new Paragraph({ text: tabell.rubrik, heading: HeadingLevel.HEADING_2 }));
      const rad = (celler: (string | number | null)[], fet: boolean, rubrik = false) =>
        new TableRow({
          tableHeader: rubrik,
          children: celler.map(
            (cell, k) =>
              new TableCell({
                children: [
                  new Paragraph({
                    alignment: tabell.kolumner[k]?.typ === 'belopp' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                    children: [new TextRun({ text: rubrik ? String(cell) : cellText(cell, tabell.kolumner[k]?.typ ?? 'text'), bold: fet })],
                  }),
                ],
              }),
          ),
        });
      barn.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            rad(
              tabell.kolumner.map((k) => (k.typ === 'belopp' ? `${k.rubrik} (mnkr)` : k.rubrik)),
              true,
              true,
            ),
            ...tabell.rader.map((r) => rad(r, false)),
            ...(tabell.summa ? [rad(tabell.summa, true)] : []),
          ],
        }),
      );
    }
    for (const diagram of sektion.diagram) {
      barn.push(new Paragraph({ text: diagram.rubrik, heading: HeadingLevel.HEADING_2 }));
      barn.push(new Paragraph({ children: [diagrambild(diagram)] }));
    }
  }
  const dokument = new Document({
    creator: 'Tertial',
    title: innehall.titel,
    description: `${innehall.titel}, version ${v.version}`,
    features: { updateFields: true },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun(`${innehall.titel}, version ${v.version}${v.hash ? '' : ', utkast'} · sida `),
                  new TextRun({ children: [PageNumber.CURRENT] }),
                  new TextRun(' av '),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
                ],
              }),
              // The version's whole hash, smaller (half-points: 7 pt).
              ...(v.hash
                ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `SHA-256 ${v.hash}`, size: 14 })] })]
                : []),
            ],
          }),
        },
        children: barn,
      },
    ],
  });
  return Packer.toBuffer(dokument);
}
