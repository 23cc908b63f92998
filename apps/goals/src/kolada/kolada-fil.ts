import { koladaSidaSchema, type KoladaFel, type Kon } from '@tertial/contracts/dto';

/** One value of the file: a KPI's value for a municipality, year and kön. */
export interface KoladaPunkt {
  readonly kpi: string;
  readonly kommun: string;
  readonly ar: number;
  readonly kon: Kon;
  readonly varde: number | null;
  readonly status: string | null;
  /** Where in the file it stands, for messages. */
  readonly sokvag: string;
}

export interface KoladaFil {
  readonly sidor: number;
  readonly punkter: readonly KoladaPunkt[];
  readonly fel: readonly KoladaFel[];
}

const KON_AV_GENDER: Record<'T' | 'K' | 'M', Kon> = { T: 'total', K: 'kvinnor', M: 'man' };
const MAX_FEL = 200;

/** `values.3.values.0.gender` as people read it: `values[3].values[0].gender`, after the page's own `[1]` when there are several. */
function sokvag(sida: string, path: readonly PropertyKey[]): string {
  const inne = path.reduce<string>(
    (namn, del) => (typeof del === 'number' ? `${namn}[${del}]` : namn ? `${namn}.${String(del)}` : String(del)),
    '',
  );
  if (!sida) return inne || '(filen)';
  return inne ? (inne.startsWith('[') ? `${sida}${inne}` : `${sida}.${inne}`) : sida;
}

/**
 * Splits a file into its JSON values: one object, a JSON array of page objects, or pages one after another
 * (concatenated or one per line, ND-JSON), as saved by following `next_page`. Strings are skipped whole, so a
 * brace inside one does not count.
 */
export function delaISidor(text: string): { sidor: unknown[]; sammanslagen: boolean } | { fel: KoladaFel } {
  const innehall = text.replace(/^\uFEFF/, '').trim();
  if (innehall === '') return { fel: { sokvag: '(filen)', meddelande: 'filen är tom' } };
  try {
    const varde: unknown = JSON.parse(innehall);
    return Array.isArray(varde) ? { sidor: varde, sammanslagen: true } : { sidor: [varde], sammanslagen: false };
  } catch {
    // Not one JSON value: perhaps several pages one after another.
  }
  const sidor: unknown[] = [];
  let djup = 0;
  let start = -1;
  let iStrang = false;
  let escape = false;
  for (let i = 0; i < innehall.length; i += 1) {
    const tecken = innehall[i]!;
    if (iStrang) {
      if (escape) escape = false;
      else if (tecken === '\\') escape = true;
      else if (tecken === '"') iStrang = false;
      continue;
    }
    if (tecken === '"') iStrang = true;
    else if (tecken === '{') {
      if (djup === 0) start = i;
      djup += 1;
    } else if (tecken === '}') {
      djup -= 1;
      if (djup === 0) {
        const del = innehall.slice(start, i + 1);
        try {
          sidor.push(JSON.parse(del));
        } catch (error) {
          return { fel: { sokvag: `[${sidor.length}]`, meddelande: `sidan är inte giltig JSON (${(error as Error).message})` } };
        }
      } else if (djup < 0) return { fel: { sokvag: `[${sidor.length}]`, meddelande: 'en } för mycket' } };
    } else if (djup === 0 && !/\s|,/.test(tecken)) {
      return {
        fel: {
          sokvag: `[${sidor.length}]`,
          meddelande: `filen är inte JSON: väntade { men fann ${JSON.stringify(tecken)} (tecken ${i + 1})`,
        },
      };
    }
  }
  if (djup !== 0 || iStrang) return { fel: { sokvag: `[${sidor.length}]`, meddelande: 'filen slutar mitt i en sida: den är avkortad' } };
  return { sidor, sammanslagen: true };
}

/**
 * Reads a file of Kolada API (v2 or v3) data responses: checks every page against the response's shape, and returns
 * every value with its place, or every error with its place (`[1].values[3].values[0].gender`). A value given twice
 * with different figures, or a last page that points to a next one the file lacks, is an error too.
 */
export function lasKoladaFil(text: string): KoladaFil {
  const delat = delaISidor(text);
  if ('fel' in delat) return { sidor: 0, punkter: [], fel: [delat.fel] };
  const { sidor, sammanslagen } = delat;
  const fel: KoladaFel[] = [];
  const punkter: KoladaPunkt[] = [];
  const sedda = new Map<string, KoladaPunkt>();
  if (sidor.length === 0) fel.push({ sokvag: '(filen)', meddelande: 'filen har inga sidor' });

  sidor.forEach((ra, index) => {
    const sida = sammanslagen ? `[${index}]` : '';
    const tolkad = koladaSidaSchema.safeParse(ra);
    if (!tolkad.success) {
      for (const issue of tolkad.error.issues) fel.push({ sokvag: sokvag(sida, issue.path), meddelande: issue.message });
      return;
    }
    if (index === sidor.length - 1 && tolkad.data.next_page)
      fel.push({
        sokvag: sokvag(sida, ['next_page']),
        meddelande: 'den sista sidan pekar på en nästa sida som filen saknar: hämta alla sidor (följ next_page) och spara dem i filen',
      });
    tolkad.data.values.forEach((rad, radIndex) => {
      const konSedda = new Set<string>();
      rad.values.forEach((varde, vardeIndex) => {
        const plats = sokvag(sida, ['values', radIndex, 'values', vardeIndex]);
        if (konSedda.has(varde.gender)) {
          fel.push({
            sokvag: `${plats}.gender`,
            meddelande: `${varde.gender} finns redan för ${rad.kpi}, ${rad.municipality}, ${rad.period}`,
          });
          return;
        }
        konSedda.add(varde.gender);
        const punkt: KoladaPunkt = {
          kpi: rad.kpi,
          kommun: rad.municipality,
          ar: Number(rad.period),
          kon: KON_AV_GENDER[varde.gender],
          varde: varde.value,
          status: varde.status ? varde.status : null,
          sokvag: plats,
        };
        const nyckel = `${punkt.kpi}|${punkt.kommun}|${punkt.ar}|${punkt.kon}`;
        const tidigare = sedda.get(nyckel);
        if (tidigare) {
          if (tidigare.varde !== punkt.varde)
            fel.push({
              sokvag: `${plats}.value`,
              meddelande: `${punkt.varde} men ${tidigare.sokvag} säger ${tidigare.varde} för samma kpi, kommun, år och kön`,
            });
          return;
        }
        sedda.set(nyckel, punkt);
        punkter.push(punkt);
      });
    });
  });
  return { sidor: sidor.length, punkter: fel.length > 0 ? [] : punkter, fel: fel.slice(0, MAX_FEL) };
}
