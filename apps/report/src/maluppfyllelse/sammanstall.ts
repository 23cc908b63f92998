import {
  BEDOMNINGAR,
  uppfoljningensSistaDag,
  type Bedomning,
  type BedomningsforslagDto,
  type MalbedomningDto,
  type Malagartyp,
  type MaluppfyllelseAntal,
  type MaluppfyllelseMal,
  type Malstatus,
  type Uppfoljningstillfalle,
} from '@tertial/contracts/dto';

/** A mål as the report service keeps it. */
export interface MalUnderlag {
  readonly id: string;
  readonly namnd: string;
  readonly agartyp: Malagartyp;
  readonly ar: number;
  readonly text: string;
  readonly nyckeltal: readonly string[];
  readonly professionellBedomning: boolean;
  readonly status: Malstatus;
  readonly beslutadFran: string;
  readonly avslutadDatum: string | null;
}

/** A mål's assessment at the follow-up as the report service keeps it. */
export interface BedomningUnderlag {
  readonly malId: string;
  readonly forslag: BedomningsforslagDto;
  readonly beslut: MalbedomningDto['beslut'];
}

/**
 * Whether a mål belongs to a follow-up: every mål assessed at it does; one not (yet) assessed does when KF had
 * decided it by the follow-up's last day, it was not ended by then, and its year had not passed.
 */
export function raknasVid(mal: MalUnderlag, bedomd: boolean, ar: number, tillfalle: Uppfoljningstillfalle): boolean {
  if (bedomd) return true;
  const sista = uppfoljningensSistaDag(ar, tillfalle);
  if (mal.beslutadFran > sista || mal.ar < ar) return false;
  return mal.status === 'aktivt' || (mal.avslutadDatum !== null && mal.avslutadDatum > sista);
}

/** Each nämnd's (or bolag's) mål at the follow-up with their latest assessment, in the order they were decided. */
export function malPerNamnd(
  mal: readonly MalUnderlag[],
  bedomningar: readonly BedomningUnderlag[],
  ar: number,
  tillfalle: Uppfoljningstillfalle,
): Map<string, MaluppfyllelseMal[]> {
  const perMal = new Map(bedomningar.map((bedomning) => [bedomning.malId, bedomning]));
  const perNamnd = new Map<string, MaluppfyllelseMal[]>();
  const ordnade = [...mal].sort((a, b) => a.beslutadFran.localeCompare(b.beslutadFran) || a.text.localeCompare(b.text, 'sv'));
  for (const malet of ordnade) {
    const bedomning = perMal.get(malet.id);
    if (!raknasVid(malet, bedomning !== undefined, ar, tillfalle)) continue;
    const lista = perNamnd.get(malet.namnd) ?? [];
    lista.push({
      id: malet.id,
      text: malet.text,
      ar: malet.ar,
      nyckeltal: [...malet.nyckeltal],
      professionellBedomning: malet.professionellBedomning,
      status: malet.status,
      bedomning: bedomning?.beslut?.bedomning ?? null,
      forslag: bedomning?.forslag ?? null,
      beslut: bedomning?.beslut ?? null,
    });
    perNamnd.set(malet.namnd, lista);
  }
  return perNamnd;
}

/** The count of each decided color, of the mål still waiting for a decision, and of all. */
export function raknaAntal(mal: readonly { readonly bedomning: Bedomning | null }[]): MaluppfyllelseAntal {
  const antal: MaluppfyllelseAntal = { uppfyllt: 0, 'delvis-uppfyllt': 0, 'ej-uppfyllt': 0, 'ej-matt': 0, ejBeslutade: 0, totalt: 0 };
  for (const { bedomning } of mal) {
    if (bedomning === null) antal.ejBeslutade += 1;
    else antal[bedomning] += 1;
    antal.totalt += 1;
  }
  return antal;
}

/** The counts of several nämnder added up: the city's. */
export function summeraAntal(delar: readonly MaluppfyllelseAntal[]): MaluppfyllelseAntal {
  const summa = raknaAntal([]);
  for (const del of delar) {
    for (const bedomning of BEDOMNINGAR) summa[bedomning] += del[bedomning];
    summa.ejBeslutade += del.ejBeslutade;
    summa.totalt += del.totalt;
  }
  return summa;
}
