import type { RapportversionMedInnehall, Textblock } from '@tertial/contracts/dto';
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
import { diagramSvg, DIAGRAM_BREDD, DIAGRAM_HOJD } from './diagram.js';
import { cellText } from './format.js';

function textblock(block: Textblock): Paragraph[] {
  if (block.typ === 'rubrik') return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_3 })];
  if (block.typ === 'stycke') return block.text.split(/\n+/).map((text) => new Paragraph({ text }));
  return block.punkter.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
}

/** An editable draft for the report writers: the same headings, tables (mnkr) and charts (SVG with a PNG-free fallback). */
export async function docx(v: RapportversionMedInnehall): Promise<Buffer> {
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
      barn.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: 'svg',
              data: Buffer.from(diagramSvg(diagram)),
              // Word needs a raster fallback beside an SVG; a one-pixel white PNG keeps the file small and LibreOffice uses the SVG.
              fallback: { type: 'png', data: VIT_PIXEL },
              transformation: { width: DIAGRAM_BREDD * 0.8, height: DIAGRAM_HOJD * 0.8 },
              altText: { name: diagram.rubrik, title: diagram.rubrik, description: diagram.beskrivning },
            }),
          ],
        }),
      );
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
                  new TextRun(`${innehall.titel}, version ${v.version}${v.hash ? ` · ${v.hash.slice(0, 16)}` : ' · utkast'} · sida `),
                  new TextRun({ children: [PageNumber.CURRENT] }),
                ],
              }),
            ],
          }),
        },
        children: barn,
      },
    ],
  });
  return Packer.toBuffer(dokument);
}

const VIT_PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');
