import type { VersionsjamforelseDto } from '@tertial/contracts/dto';
import { addOre, type Ore } from '@tertial/contracts/money';

type Versionskolumn = VersionsjamforelseDto['kolumner'][number];

/** A nämnd's latest internbudget: the version's name and date, and the net it distributes. */
export interface Internbudgetversion {
  readonly namn: string;
  readonly beslutad: string;
  readonly nettoOre: Ore;
}

/** One nämnd (or, for `namnd: null`, the amounts tied to no nämnd) across the year's decisions. */
export interface Budgetversionsrad {
  readonly namnd: string | null;
  /** One amount per frame decision (KF's frames, tilläggsbudgetar), in {@link Budgetversionstabell.ramkolumner}'s order. */
  readonly ramar: readonly (Ore | null)[];
  readonly gallandeRamOre: Ore;
  readonly internbudget: Internbudgetversion | null;
  /** The frame less what the internbudget distributes; null without an internbudget. */
  readonly ejFordelatOre: Ore | null;
}

export interface Budgetversionstabell {
  /** KF's decisions and tilläggsbudgetar: each concerns many nämnder, so each is a column. */
  readonly ramkolumner: readonly Versionskolumn[];
  readonly rader: readonly Budgetversionsrad[];
  readonly summa: Omit<Budgetversionsrad, 'internbudget'> & { internbudgetOre: Ore | null };
}

/**
 * The year's versions as a reader compares them: one row per nämnd, a column per frame decision (which
 * concern many nämnder), then the frame in force and the nämnd's latest internbudget in one column. An
 * internbudget concerns one nämnd only; as a column of its own it would leave every other row empty (the
 * diagonal the page used to show). The service lists versions oldest first, so the last one found is the latest.
 */
export function budgetversionstabell(jamforelse: VersionsjamforelseDto): Budgetversionstabell {
  const ramindex = jamforelse.kolumner.flatMap((kolumn, index) => (kolumn.typ === 'internbudget' ? [] : [index]));
  const internbudgetindex = jamforelse.kolumner.flatMap((kolumn, index) => (kolumn.typ === 'internbudget' ? [index] : []));

  const rader = jamforelse.rader.map((rad): Budgetversionsrad => {
    const senaste = internbudgetindex.findLast((index) => rad.belopp[index] !== null && rad.belopp[index] !== undefined);
    const kolumn = senaste === undefined ? undefined : jamforelse.kolumner[senaste];
    const nettoOre = senaste === undefined ? null : (rad.belopp[senaste] ?? null);
    const internbudget = kolumn && nettoOre !== null ? { namn: kolumn.namn, beslutad: kolumn.beslutad, nettoOre } : null;
    return {
      namnd: rad.namnd,
      ramar: ramindex.map((index) => rad.belopp[index] ?? null),
      gallandeRamOre: rad.gallandeRamOre,
      internbudget,
      ejFordelatOre: internbudget ? addOre(rad.gallandeRamOre, -internbudget.nettoOre) : null,
    };
  });

  const internbudgetar = rader.flatMap((rad) => (rad.internbudget ? [rad.internbudget.nettoOre] : []));
  const internbudgetOre = internbudgetar.length > 0 ? addOre(...internbudgetar) : null;
  const ejFordelat = rader.flatMap((rad) => (rad.ejFordelatOre === null ? [] : [rad.ejFordelatOre]));
  return {
    ramkolumner: ramindex.map((index) => jamforelse.kolumner[index]!),
    rader,
    summa: {
      namnd: null,
      ramar: ramindex.map((index) => jamforelse.summa.belopp[index] ?? null),
      gallandeRamOre: jamforelse.summa.gallandeRamOre,
      internbudgetOre,
      ejFordelatOre: ejFordelat.length > 0 ? addOre(...ejFordelat) : null,
    },
  };
}
