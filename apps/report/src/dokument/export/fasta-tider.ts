import type { RapportversionDto } from '@tertial/contracts/dto';
import JSZip from 'jszip';

/**
 * The one time a version's files carry: when it was fixed (a draft: when it was created). With it, and nothing read
 * from the clock, the same version gives the same bytes on every export, so the SHA-256 the command line prints for
 * the council's agenda system is the same however often it is exported.
 */
export function exporttid(v: Pick<RapportversionDto, 'faststalldAt' | 'skapadAt'>): Date {
  // Whole seconds: PDF dates, the zip's DOS times and Office's W3CDTF keep no more.
  const ms = Date.parse(v.faststalldAt ?? v.skapadAt);
  return new Date(ms - (ms % 1_000));
}

const RAKNADE_NAMN: readonly (readonly [RegExp, RegExp, (hela: string, nummer: number) => string])[] = [
  [/^word\/document\.xml$/, /_Toc\d+/g, (_, n) => `_Toc${n}`],
  [/^word\/document\.xml$/, /(?<=<w:bookmark(?:Start|End)\b[^>]*\bw:id=")\d+/g, (_, n) => String(n)],
  [/^word\/document\.xml$/, /(?<=<(?:wp:docPr|pic:cNvPr)\b[^>]*\bid=")\d+/g, (_, n) => String(n)],
  [/^word\/media\/.*\.svg$/, /\bzr\d+-[\w-]*\d+/g, (hela, n) => hela.replace(/^zr\d+-/, 'zr0-').replace(/\d+$/, String(n))],
];

/**
 * An Office file (XLSX, DOCX: a zip) made the same for the same version: every entry's modification time and the core
 * properties' dcterms:created and dcterms:modified set to `tid` (exceljs and docx stamp both with the time of
 * writing), and the names the libraries number per process renumbered per file.
 */
export async function fastaTider(fil: Buffer, tid: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(fil);
  const w3c = tid.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = (await core.async('string')).replace(
      /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
      (_, oppna: string, _namn: string, stang: string) => `${oppna}${w3c}${stang}`,
    );
    zip.file('docProps/core.xml', xml);
  }
  // Names the libraries number with a counter of the whole process (docx's bookmarks for the table of contents and
  // its drawings' ids, zrender's class and id prefixes per chart), renumbered by their first use in the file: otherwise the second
  // export in the same process would differ from the first.
  for (const [filer, monster, ny] of RAKNADE_NAMN) {
    for (const post of zip.file(filer)) {
      const nummer = new Map<string, string>();
      const text = (await post.async('string')).replace(monster, (hela: string) => {
        if (!nummer.has(hela)) nummer.set(hela, ny(hela, nummer.size + 1));
        return nummer.get(hela)!;
      });
      zip.file(post.name, text);
    }
  }
  for (const post of Object.values(zip.files)) post.date = tid;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
