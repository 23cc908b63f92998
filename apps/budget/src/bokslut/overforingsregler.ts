import { addOre, type Ore } from '@tertial/contracts/money';

import { tolkaProcentsats } from '../budget/belopp.js';
import {
  foreslaResultatoverforing,
  HELSINGBORGS_OVERFORINGSREGEL,
  type Arsresultat,
  type NamndsOverforing,
  type Overforingsregel,
  type Resultatoverforing,
} from '../budget/resultatoverforing.js';
import { avvisat, godkant, type Fel, type Validerat } from '../budget/validering.js';

/** A nämnd the city's rules treat apart (e.g. a lagstyrd verksamhet that carries nothing), with its own shares and why. */
export interface Namndundantag {
  readonly namnd: string;
  readonly overskottAndel: string;
  readonly underskottAndel: string;
  readonly skal: string;
}

/**
 * The city's rules for resultatöverföring, kept by the ekonomidirektör: the general rule and the nämnder it names as
 * exceptions. The default is Helsingborg's rule (everything carried) with no exceptions.
 */
export interface Overforingsregler extends Overforingsregel {
  readonly namndundantag: readonly Namndundantag[];
}

export const STANDARDREGLER: Overforingsregler = { ...HELSINGBORGS_OVERFORINGSREGEL, namndundantag: [] };

/**
 * Each nämnd's proposed resultatöverföring under the city's rules: the general rule, or for a nämnd the rules name,
 * its own shares (the proposal then says `undantag` and why). An exception for a nämnd without a result that year is
 * left aside.
 */
export function foreslaEnligtRegler(resultat: readonly Arsresultat[], regler: Overforingsregler): Validerat<Resultatoverforing> {
  // An exception for a nämnd without a result that year (no frame) has nothing to apply to.
  const fel: Fel[] = [];
  const allmant = foreslaResultatoverforing(resultat, regler);
  if (!allmant.ok) return avvisat([...fel, ...allmant.fel]);
  const namnder: NamndsOverforing[] = [];
  for (const rad of allmant.varde.namnder) {
    const undantag = regler.namndundantag.find((u) => u.namnd === rad.namnd);
    if (!undantag) {
      namnder.push(rad);
      continue;
    }
    const egen = foreslaResultatoverforing([resultat.find((r) => r.namnd === rad.namnd)!], {
      overskottAndel: undantag.overskottAndel,
      overskottTakProcentAvBudget: null,
      underskottAndel: undantag.underskottAndel,
    });
    if (!egen.ok) {
      fel.push(
        ...egen.fel.map((f) => ({ field: `namndundantag.${undantag.namnd}.${f.field.replace(/^regel\./, '')}`, message: f.message })),
      );
      continue;
    }
    const forslag = egen.varde.namnder[0]!;
    namnder.push({ ...forslag, grund: 'undantag', forklaring: `${forslag.forklaring} (undantag i reglerna: ${undantag.skal})` });
  }
  if (fel.length > 0) return avvisat(fel);
  return godkant({
    regel: allmant.varde.regel,
    namnder,
    resultatOre: allmant.varde.resultatOre,
    overforingOre: addOre(...namnder.map((n) => n.overforingOre)),
  });
}

/** Rules that are not readable as percent shares between 0 and 100, or name a nämnd twice, are refused whole. */
export function valideraRegler(regler: Overforingsregler, kandaNamnder: ReadonlySet<string>): Fel[] {
  const fel: Fel[] = [];
  const andel = (field: string, text: string | null) => {
    if (text === null) return;
    const miljondelar = tolkaProcentsats(text);
    if (miljondelar === undefined || miljondelar < 0n || miljondelar > 1_000_000n)
      fel.push({ field, message: `ska vara en procentsats mellan 0 och 100; fick "${text}"` });
  };
  andel('overskottAndel', regler.overskottAndel);
  andel('overskottTakProcentAvBudget', regler.overskottTakProcentAvBudget);
  andel('underskottAndel', regler.underskottAndel);
  regler.namndundantag.forEach((u, index) => {
    if (!kandaNamnder.has(u.namnd)) fel.push({ field: `namndundantag[${index}].namnd`, message: `okänd nämnd ${u.namnd}` });
    if (regler.namndundantag.findIndex((annat) => annat.namnd === u.namnd) < index)
      fel.push({ field: `namndundantag[${index}].namnd`, message: `${u.namnd} förekommer mer än en gång` });
    andel(`namndundantag[${index}].overskottAndel`, u.overskottAndel);
    andel(`namndundantag[${index}].underskottAndel`, u.underskottAndel);
  });
  return fel;
}

export interface BeslutRad {
  readonly namnd: string;
  readonly beloppOre: Ore;
  readonly motivering?: string | undefined;
}

/**
 * KF's decision checked against the proposal: every nämnd named must be one with a result that year and be named
 * once; an amount other than the proposal's needs a motivering (KF decides otherwise only for special reasons).
 */
export function valideraBeslut(beslut: readonly BeslutRad[], forslag: Resultatoverforing): Validerat<(BeslutRad & { forslagOre: Ore })[]> {
  const fel: Fel[] = [];
  const rader = beslut.map((rad, index) => {
    const forslagsrad = forslag.namnder.find((n) => n.namnd === rad.namnd);
    if (!forslagsrad) fel.push({ field: `namnder[${index}].namnd`, message: `okänd nämnd ${rad.namnd}: den har inget resultat för året` });
    if (beslut.findIndex((annan) => annan.namnd === rad.namnd) < index)
      fel.push({ field: `namnder[${index}].namnd`, message: `${rad.namnd} förekommer mer än en gång` });
    if (forslagsrad && forslagsrad.overforingOre !== rad.beloppOre && !rad.motivering?.trim())
      fel.push({
        field: `namnder[${index}].motivering`,
        message: `beslutet för ${rad.namnd} avviker från förslaget och ska motiveras (särskilda skäl)`,
      });
    return { ...rad, forslagOre: forslagsrad?.overforingOre ?? 0 };
  });
  return fel.length > 0 ? avvisat(fel) : godkant(rader);
}
