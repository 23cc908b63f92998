import { organisationNodeSchema, type OrganisationNode } from '@tertial/contracts/organisation';

/**
 * The organisation as CSV, the way Swedish Excel writes it: semicolon-separated, UTF-8, a header row.
 * Fields with a semicolon, quote or line break are quoted, quotes doubled.
 */
export const ORGANISATION_CSV_KOLUMNER = ['kod', 'namn', 'niva', 'foralder', 'chef_id', 'chef_namn', 'giltig_fran'] as const;

export function organisationTillCsv(nodes: readonly OrganisationNode[]): string {
  const rader = nodes.map((node) =>
    [node.kod, node.namn, node.niva, node.foralderKod ?? '', node.chef?.anvandarId ?? '', node.chef?.namn ?? '', node.giltigFran]
      .map(csvFalt)
      .join(';'),
  );
  return `${[ORGANISATION_CSV_KOLUMNER.join(';'), ...rader].join('\r\n')}\r\n`;
}

function csvFalt(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export interface CsvFel {
  readonly rad: number;
  readonly falt: string;
  readonly meddelande: string;
}

export type CsvResultat = { ok: true; nodes: OrganisationNode[] } | { ok: false; fel: CsvFel[] };

/** Reads an organisation CSV; every bad line is reported with its line number, and then nothing is returned. */
export function organisationFranCsv(text: string): CsvResultat {
  const rader = parseCsv(text.replace(/^\uFEFF/, ''));
  const fel: CsvFel[] = [];
  const [rubrik, ...data] = rader;
  const kolumner = rubrik?.falt.map((falt) => falt.trim().toLowerCase()) ?? [];
  const saknas = ORGANISATION_CSV_KOLUMNER.filter((kolumn) => !kolumner.includes(kolumn));
  if (!rubrik || saknas.length > 0) {
    return { ok: false, fel: [{ rad: 1, falt: '(rubrik)', meddelande: `rubrikraden saknar ${saknas.join(', ') || 'alla kolumner'}` }] };
  }
  const index = (kolumn: (typeof ORGANISATION_CSV_KOLUMNER)[number]) => kolumner.indexOf(kolumn);
  const nodes: OrganisationNode[] = [];
  for (const { rad, falt } of data) {
    if (falt.length === 1 && falt[0]?.trim() === '') continue;
    const value = (kolumn: (typeof ORGANISATION_CSV_KOLUMNER)[number]) => falt[index(kolumn)]?.trim() ?? '';
    const chefId = value('chef_id');
    const candidate = {
      kod: value('kod'),
      namn: value('namn'),
      niva: value('niva'),
      foralderKod: value('foralder') || null,
      chef: chefId ? { anvandarId: chefId, namn: value('chef_namn') } : null,
      giltigFran: value('giltig_fran'),
    };
    const parsed = organisationNodeSchema.safeParse(candidate);
    if (parsed.success) nodes.push(parsed.data);
    else for (const issue of parsed.error.issues) fel.push({ rad, falt: String(issue.path[0] ?? ''), meddelande: issue.message });
  }
  return fel.length > 0 ? { ok: false, fel } : { ok: true, nodes };
}

/** Splits CSV text into rows of fields, keeping the line number each row starts on. */
function parseCsv(text: string): { rad: number; falt: string[] }[] {
  const rows: { rad: number; falt: string[] }[] = [];
  let falt: string[] = [];
  let current = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        current += char;
      }
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      falt.push(current);
      current = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      falt.push(current);
      rows.push({ rad: rowStart, falt });
      falt = [];
      current = '';
      line += 1;
      rowStart = line;
    } else current += char;
  }
  if (current !== '' || falt.length > 0) {
    falt.push(current);
    rows.push({ rad: rowStart, falt });
  }
  return rows;
}
