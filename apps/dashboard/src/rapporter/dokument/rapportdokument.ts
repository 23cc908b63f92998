import type { Rapporttyp, Textblock, Versionsstatus } from '@tertial/contracts/dto';

export const DOKUMENT = 'rapportdokument';

export const dokumentUrl = (rapport: Rapporttyp, ar: number): string => `/api/report/dokument/${rapport}/${ar}`;
export const versionUrl = (rapport: Rapporttyp, ar: number, version: number): string => `${dokumentUrl(rapport, ar)}/versioner/${version}`;

export const VERSIONSSTATUSNAMN: Record<Versionsstatus, string> = {
  utkast: 'Utkast',
  granskning: 'Under granskning',
  faststalld: 'Fastställd',
};

/**
 * The writers' plain text as blocks: a line starting with `# ` is a heading, lines starting with `- ` a list, and
 * other lines paragraphs, separated by a blank line. Markup is not interpreted here: the service refuses it.
 */
export function textTillBlock(text: string): Textblock[] {
  const block: Textblock[] = [];
  for (const stycke of text.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const rader = stycke.split('\n').filter((rad) => rad.trim() !== '');
    let lista: string[] = [];
    let lopande: string[] = [];
    const tomLista = () => {
      if (lista.length > 0) block.push({ typ: 'lista', punkter: lista });
      lista = [];
    };
    const tomStycke = () => {
      if (lopande.length > 0) block.push({ typ: 'stycke', text: lopande.join('\n') });
      lopande = [];
    };
    for (const rad of rader) {
      if (rad.startsWith('# ')) {
        tomLista();
        tomStycke();
        block.push({ typ: 'rubrik', text: rad.slice(2).trim() });
      } else if (/^[-•] /.test(rad)) {
        tomStycke();
        lista.push(rad.slice(2).trim());
      } else {
        tomLista();
        lopande.push(rad.trim());
      }
    }
    tomLista();
    tomStycke();
  }
  return block;
}

/** Blocks back to the text the writer edits. */
export function blockTillText(block: readonly Textblock[]): string {
  return block
    .map((b) => (b.typ === 'rubrik' ? `# ${b.text}` : b.typ === 'lista' ? b.punkter.map((p) => `- ${p}`).join('\n') : b.text))
    .join('\n\n');
}
