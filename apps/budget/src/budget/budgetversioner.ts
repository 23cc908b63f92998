import { addOre, type Ore } from '@tertial/contracts/money';
import { summeraRader } from '@tertial/contracts/prognos';

import type { Internbudgetrad } from './internbudget.js';
import { arDatum, avvisat, godkant, type Fel, type Validerat } from './validering.js';

/** A nämnd's amount in a KF decision: its frame, or in a tilläggsbudget the change to it (signed). */
export interface Namndbelopp {
  readonly namnd: string;
  readonly beloppOre: Ore;
}

interface Versionshuvud {
  readonly id: string;
  readonly ar: number;
  readonly namn: string;
  /** The date of the decision, `YYYY-MM-DD`. */
  readonly beslutad: string;
}

/**
 * A budget is never edited: every decision is a version kept beside the others. KF's decision sets the
 * frames, a tilläggsbudget changes some of them during the year, and each nämnd's internbudget splits its
 * frame on ansvar and kontogrupp.
 */
export type Budgetversion =
  | (Versionshuvud & { readonly typ: 'kf-beslut'; readonly ramar: readonly Namndbelopp[] })
  | (Versionshuvud & { readonly typ: 'tillaggsbudget'; readonly andringar: readonly Namndbelopp[] })
  | (Versionshuvud & { readonly typ: 'internbudget'; readonly namnd: string; readonly rader: readonly Internbudgetrad[] });

export type Versionstyp = Budgetversion['typ'];

export interface GallandeRam {
  readonly namnd: string;
  /** The frame in the latest KF decision that names the nämnd. */
  readonly kfBeslutOre: Ore;
  /** The sum of the tilläggsbudgetar decided after that. */
  readonly tillaggOre: Ore;
  readonly ramOre: Ore;
  /** The versions the frame is made of, oldest first. */
  readonly versioner: readonly string[];
  /** The latest internbudget's id and net, null before the nämnd has decided one. */
  readonly internbudget: string | null;
  readonly internbudgetNettoOre: Ore | null;
  /** Frame minus the internbudget's net; negative when a tilläggsbudget cut the frame below it. */
  readonly ofordelatOre: Ore | null;
}

export interface GallandeAnsvarsbudget {
  readonly ansvar: string;
  readonly namnd: string;
  readonly internbudget: string;
  readonly intakterOre: Ore;
  readonly kostnaderOre: Ore;
  readonly nettokostnadOre: Ore;
  readonly rader: readonly Internbudgetrad[];
}

export interface GallandeBudget {
  readonly ar: number;
  readonly namnder: readonly GallandeRam[];
  readonly ansvar: readonly GallandeAnsvarsbudget[];
}

export interface Versionskolumn {
  readonly id: string;
  readonly typ: Versionstyp;
  readonly namn: string;
  readonly beslutad: string;
}

export interface Versionsjamforelserad {
  /** A nämnd's kod, or null for the sum row. */
  readonly namnd: string | null;
  /** Per column: the frame (KF), the change (tilläggsbudget) or the net (internbudget); null where the version says nothing. */
  readonly belopp: readonly (Ore | null)[];
  readonly gallandeRamOre: Ore;
}

export interface Versionsjamforelse {
  readonly ar: number;
  readonly kolumner: readonly Versionskolumn[];
  readonly rader: readonly Versionsjamforelserad[];
  readonly summa: Versionsjamforelserad;
}

/**
 * The budget in force for a year. Per nämnd: the latest KF decision naming it plus every tilläggsbudget
 * decided after that decision (an earlier one is taken to be part of the new decision). Per ansvar: the rows of
 * its nämnd's latest internbudget. Versions of other years are ignored.
 */
export function gallandeBudget(versioner: readonly Budgetversion[], ar: number): Validerat<GallandeBudget> {
  const arets = ordna(versioner.filter((version) => version.ar === ar));
  const dubbla = dubblaId(versioner);
  if (dubbla.length > 0) return avvisat(dubbla);
  const fel = validera(arets, versioner);
  if (fel.length > 0) return avvisat(fel);

  const internbudgetar = senasteInternbudgetar(arets);
  const namnder = [...ramarPerNamnd(arets)].map(([namnd, delar]): GallandeRam => {
    const [kf, ...tillagg] = delar;
    const ramOre = addOre(...delar.map((del) => del.beloppOre));
    const internbudget = internbudgetar.get(namnd);
    const internbudgetNettoOre = internbudget ? summeraRader(internbudget.rader).nettokostnadOre : null;
    return {
      namnd,
      kfBeslutOre: kf?.beloppOre ?? 0,
      tillaggOre: addOre(...tillagg.map((del) => del.beloppOre)),
      ramOre,
      versioner: delar.map((del) => del.id),
      internbudget: internbudget?.id ?? null,
      internbudgetNettoOre,
      ofordelatOre: internbudgetNettoOre === null ? null : addOre(ramOre, -internbudgetNettoOre),
    };
  });
  const ansvar = [...internbudgetar.values()].flatMap((internbudget) => ansvarsbudgetar(internbudget));
  return godkant({ ar, namnder: namnder.sort((a, b) => a.namnd.localeCompare(b.namnd, 'sv')), ansvar });
}

/** The versions of a year side by side, oldest decision first, one row per nämnd and a sum row. */
export function jamforVersioner(versioner: readonly Budgetversion[], ar: number): Validerat<Versionsjamforelse> {
  const gallande = gallandeBudget(versioner, ar);
  if (!gallande.ok) return avvisat(gallande.fel);
  const arets = ordna(versioner.filter((version) => version.ar === ar));
  const namnder = [...new Set(arets.flatMap((version) => namnderI(version)))].sort((a, b) => a.localeCompare(b, 'sv'));
  const rader = namnder.map((namnd): Versionsjamforelserad => ({
    namnd,
    belopp: arets.map((version) => beloppI(version, namnd)),
    gallandeRamOre: gallande.varde.namnder.find((ram) => ram.namnd === namnd)?.ramOre ?? 0,
  }));
  const summa: Versionsjamforelserad = {
    namnd: null,
    belopp: arets.map((_, kolumn) => summaAvKolumn(rader.map((rad) => rad.belopp[kolumn] ?? null))),
    gallandeRamOre: addOre(...rader.map((rad) => rad.gallandeRamOre)),
  };
  const kolumner = arets.map(({ id, typ, namn, beslutad }) => ({ id, typ, namn, beslutad }));
  return godkant({ ar, kolumner, rader, summa });
}

/** Oldest decision first; on the same day a KF decision before a tilläggsbudget before an internbudget. */
function ordna(versioner: readonly Budgetversion[]): Budgetversion[] {
  const rang: Record<Versionstyp, number> = { 'kf-beslut': 0, tillaggsbudget: 1, internbudget: 2 };
  return [...versioner].sort((a, b) => a.beslutad.localeCompare(b.beslutad) || rang[a.typ] - rang[b.typ] || a.id.localeCompare(b.id));
}

interface Ramdel {
  readonly id: string;
  readonly beloppOre: Ore;
}

/** Per nämnd, the latest KF frame followed by the tilläggsbudgetar after it. Expects ordered, valid versions. */
function ramarPerNamnd(versioner: readonly Budgetversion[]): Map<string, Ramdel[]> {
  const perNamnd = new Map<string, Ramdel[]>();
  for (const version of versioner) {
    if (version.typ === 'kf-beslut')
      for (const ram of version.ramar) perNamnd.set(ram.namnd, [{ id: version.id, beloppOre: ram.beloppOre }]);
    if (version.typ === 'tillaggsbudget') {
      for (const andring of version.andringar) perNamnd.get(andring.namnd)?.push({ id: version.id, beloppOre: andring.beloppOre });
    }
  }
  return perNamnd;
}

function senasteInternbudgetar(versioner: readonly Budgetversion[]): Map<string, Extract<Budgetversion, { typ: 'internbudget' }>> {
  const senaste = new Map<string, Extract<Budgetversion, { typ: 'internbudget' }>>();
  for (const version of versioner) if (version.typ === 'internbudget') senaste.set(version.namnd, version);
  return senaste;
}

function ansvarsbudgetar(internbudget: Extract<Budgetversion, { typ: 'internbudget' }>): GallandeAnsvarsbudget[] {
  const ansvar = [...new Set(internbudget.rader.map((rad) => rad.ansvar))].sort();
  return ansvar.map((kod) => {
    const rader = internbudget.rader.filter((rad) => rad.ansvar === kod);
    return { ansvar: kod, namnd: internbudget.namnd, internbudget: internbudget.id, ...summeraRader(rader), rader };
  });
}

function namnderI(version: Budgetversion): string[] {
  if (version.typ === 'kf-beslut') return version.ramar.map((ram) => ram.namnd);
  if (version.typ === 'tillaggsbudget') return version.andringar.map((andring) => andring.namnd);
  return [version.namnd];
}

function beloppI(version: Budgetversion, namnd: string): Ore | null {
  if (version.typ === 'kf-beslut') return version.ramar.find((ram) => ram.namnd === namnd)?.beloppOre ?? null;
  if (version.typ === 'tillaggsbudget') return version.andringar.find((andring) => andring.namnd === namnd)?.beloppOre ?? null;
  return version.namnd === namnd ? summeraRader(version.rader).nettokostnadOre : null;
}

function summaAvKolumn(belopp: readonly (Ore | null)[]): Ore | null {
  const givna = belopp.filter((varde): varde is Ore => varde !== null);
  return givna.length > 0 ? addOre(...givna) : null;
}

function dubblaId(versioner: readonly Budgetversion[]): Fel[] {
  return versioner.flatMap((version, index) =>
    versioner.findIndex((annan) => annan.id === version.id) < index
      ? [{ field: `versioner[${index}].id`, message: `versionen ${version.id} förekommer mer än en gång` }]
      : [],
  );
}

/** Checks ordered versions with unique ids; fields are named by the version's place in the caller's list. */
function validera(versioner: readonly Budgetversion[], givna: readonly Budgetversion[]): Fel[] {
  return versioner.flatMap((version, plats) => {
    const falt = `versioner[${givna.indexOf(version)}]`;
    const tidigare = versioner.slice(0, plats);
    const datumfel = arDatum(version.beslutad)
      ? []
      : [{ field: `${falt}.beslutad`, message: `"${version.namn}" har inget giltigt beslutsdatum (ÅÅÅÅ-MM-DD): "${version.beslutad}"` }];
    return [...datumfel, ...typfel(version, tidigare, falt)];
  });
}

function typfel(version: Budgetversion, tidigare: readonly Budgetversion[], falt: string): Fel[] {
  const sammaDag = tidigare.find((annan) => konkurrerar(annan, version));
  const oklart = (vad: string, vilket: string): Fel[] =>
    sammaDag
      ? [
          {
            field: `${falt}.beslutad`,
            message: `"${version.namn}" och "${sammaDag.namn}" är båda ${vad} den ${version.beslutad}; det går inte att avgöra ${vilket} som gäller`,
          },
        ]
      : [];
  switch (version.typ) {
    case 'kf-beslut':
      return [...oklart('KF-beslut', 'vilket'), ...dubbletter(version.ramar, falt, 'ramar', version.namn)];
    case 'tillaggsbudget':
      return [...dubbletter(version.andringar, falt, 'andringar', version.namn), ...tillaggUtanRam(version, tidigare, falt)];
    case 'internbudget':
      return oklart(`internbudgetar för ${version.namnd}`, 'vilken');
  }
}

/**
 * Two versions that claim the same place, so neither can be said to be the latest: KF decisions on the same
 * day, or internbudgetar for the same nämnd on the same day. Tilläggsbudgetar add up, so they never compete.
 */
function konkurrerar(a: Budgetversion, b: Budgetversion): boolean {
  if (a.beslutad !== b.beslutad) return false;
  if (a.typ === 'kf-beslut') return b.typ === 'kf-beslut';
  if (a.typ === 'internbudget') return b.typ === 'internbudget' && a.namnd === b.namnd;
  return false;
}

function tillaggUtanRam(
  version: Extract<Budgetversion, { typ: 'tillaggsbudget' }>,
  tidigare: readonly Budgetversion[],
  falt: string,
): Fel[] {
  const harRam = new Set(tidigare.flatMap((annan) => (annan.typ === 'kf-beslut' ? annan.ramar.map((ram) => ram.namnd) : [])));
  return version.andringar.flatMap((andring, index) =>
    harRam.has(andring.namnd)
      ? []
      : [
          {
            field: `${falt}.andringar[${index}].namnd`,
            message: `tilläggsbudgeten "${version.namn}" ändrar ramen för ${andring.namnd}, som inget tidigare KF-beslut ger en ram`,
          },
        ],
  );
}

function dubbletter(belopp: readonly Namndbelopp[], falt: string, lista: string, namn: string): Fel[] {
  return belopp.flatMap((rad, index) =>
    belopp.findIndex((annan) => annan.namnd === rad.namnd) < index
      ? [{ field: `${falt}.${lista}[${index}].namnd`, message: `"${namn}" tar upp ${rad.namnd} mer än en gång` }]
      : [],
  );
}
