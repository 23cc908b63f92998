import type { Rapporttyp, RapportversionDto, Textblock, Versionsstatus } from '@tertial/contracts/dto';

export const DOKUMENT = 'rapportdokument';

/** Every version of every report the person may read (`GET /api/report/dokument`). */
export const ALLA_DOKUMENT_URL = '/api/report/dokument';

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

/** A report of a year: what the page shows the versions of. */
export interface Rapporturval {
  readonly rapport: Rapporttyp;
  readonly ar: number;
  /** The newest version the person may read, and its status. */
  readonly senaste?: { readonly version: number; readonly status: Versionsstatus };
}

/** When each report of a year comes out: April's and August's within the year, the årsredovisning the spring after. */
const UTGIVNING: Record<Rapporttyp, number> = { 'delarsrapport-april': 0.4, 'delarsrapport-augusti': 0.7, arsredovisning: 1.3 };

/**
 * The reports that have a version the person may read, the latest to come out first: the list the page offers, and
 * its first entry where the page opens (a council member opens on the newest fixed report, not an empty one).
 */
export function rapporterMedVersioner(versioner: readonly RapportversionDto[]): Rapporturval[] {
  const perRapport = new Map<string, Rapporturval>();
  for (const v of versioner) {
    const nyckel = `${v.rapport}:${v.ar}`;
    const tidigare = perRapport.get(nyckel)?.senaste;
    if (!tidigare || v.version > tidigare.version)
      perRapport.set(nyckel, { rapport: v.rapport, ar: v.ar, senaste: { version: v.version, status: v.status } });
  }
  return [...perRapport.values()].sort((a, b) => b.ar + UTGIVNING[b.rapport] - (a.ar + UTGIVNING[a.rapport]));
}
