import type { HelarsprognosDto, HelarsprognosUnderlag, SparaHelarsprognosRequest } from '@tertial/contracts/dto';
import { formatKronor, type Ore } from '@tertial/contracts/money';
import { STORSTA_ANTAL_ARSARBETARE, tolkaArsarbetare } from '@tertial/contracts/prognos';

import { beloppSomInmatning, tolkaBelopp, type Inmatningsenhet } from './belopp-inmatning.js';

/** What the chef has typed for personnel (årsarbetare) and for each investment project their ansvar owns. */
export interface Tillaggsinmatning {
  readonly personalNu: string;
  readonly personalPrognos: string;
  /** Per project id, the year's forecast as typed, in the grid's unit. */
  readonly investeringar: Readonly<Record<string, string>>;
}

/** A field's message, keyed as the API names the field (`personal.nu`, `personal.prognos`, `investeringar.<id>`). */
export type Tillaggsfel = Readonly<Record<string, string>>;

/** Årsarbetare the Swedish way, one decimal where there is one: 12,5; 12; 0. */
export function formatArsarbetare(antal: number): string {
  const tiondelar = Math.round(antal * 10);
  const heltal = Math.trunc(tiondelar / 10).toLocaleString('sv-SE');
  return tiondelar % 10 === 0 ? heltal : `${heltal},${tiondelar % 10}`;
}

/** The fields filled in from the current version (or empty before the first save). */
export function tillaggFran(
  prognos: Pick<HelarsprognosDto, 'personal' | 'investeringar'> | null,
  enhet: Inmatningsenhet,
): Tillaggsinmatning {
  return {
    personalNu: prognos?.personal ? formatArsarbetare(prognos.personal.nu) : '',
    personalPrognos: prognos?.personal ? formatArsarbetare(prognos.personal.prognos) : '',
    investeringar: Object.fromEntries(
      (prognos?.investeringar ?? []).map((rad) => [rad.projekt, beloppSomInmatning(rad.prognosOre, enhet)]),
    ),
  };
}

/** Every project's typed amount in another unit, the same öre (a cell that cannot be read is left as typed). */
export function tillaggIEnhet(inmatning: Tillaggsinmatning, fran: Inmatningsenhet, till: Inmatningsenhet): Tillaggsinmatning {
  const investeringar = Object.fromEntries(
    Object.entries(inmatning.investeringar).map(([projekt, text]) => {
      const tolkat = tolkaBelopp(text, fran);
      return [projekt, tolkat.ok && tolkat.ore !== null ? beloppSomInmatning(tolkat.ore, till) : text];
    }),
  );
  return { ...inmatning, investeringar };
}

function tolkaAntal(text: string): { ok: true; tiondelar: number | null } | { ok: false; fel: string } {
  const rensad = text.replace(/[\s\u00a0\u202f]/g, '');
  if (rensad === '') return { ok: true, tiondelar: null };
  if (/^[-\u2212]/.test(rensad)) return { ok: false, fel: 'Antalet får inte vara negativt.' };
  const tiondelar = tolkaArsarbetare(rensad);
  if (tiondelar === undefined) return { ok: false, fel: 'Skriv ett antal årsarbetare med högst en decimal, till exempel 12,5.' };
  if (tiondelar > STORSTA_ANTAL_ARSARBETARE * 10)
    return { ok: false, fel: `Högst ${STORSTA_ANTAL_ARSARBETARE.toLocaleString('sv-SE')} årsarbetare.` };
  return { ok: true, tiondelar };
}

export interface Tillaggsberakning {
  readonly fel: Tillaggsfel;
  /** What goes into the PUT beside the lines; absent parts are not sent. */
  readonly begaran: Pick<SparaHelarsprognosRequest, 'personal' | 'investeringar'>;
  /** Budget − prognos per project, as typed (null where nothing is typed or it cannot be read). */
  readonly avvikelser: Readonly<Record<string, Ore | null>>;
}

/**
 * Reads the personnel and project fields as the chef types: a message per field that cannot be read, the PUT's
 * part, and each project's avvikelse. Personnel is sent when both figures are given; one without the other is a
 * message on the empty one. A project left empty is not forecast.
 */
export function tolkaTillagg(
  inmatning: Tillaggsinmatning,
  underlag: Pick<HelarsprognosUnderlag, 'investeringar'>,
  enhet: Inmatningsenhet,
): Tillaggsberakning {
  const fel: Record<string, string> = {};
  const nu = tolkaAntal(inmatning.personalNu);
  const prognos = tolkaAntal(inmatning.personalPrognos);
  if (!nu.ok) fel['personal.nu'] = nu.fel;
  if (!prognos.ok) fel['personal.prognos'] = prognos.fel;
  let personal: SparaHelarsprognosRequest['personal'];
  if (nu.ok && prognos.ok) {
    if (nu.tiondelar !== null && prognos.tiondelar !== null) personal = { nu: nu.tiondelar / 10, prognos: prognos.tiondelar / 10 };
    else if (nu.tiondelar !== null) fel['personal.prognos'] = 'Ange också årsarbetare vid årets slut.';
    else if (prognos.tiondelar !== null) fel['personal.nu'] = 'Ange också årsarbetare nu.';
  }
  const investeringar: { projekt: string; prognos: string }[] = [];
  const avvikelser: Record<string, Ore | null> = {};
  for (const projekt of underlag.investeringar) {
    const tolkat = tolkaBelopp(inmatning.investeringar[projekt.projekt] ?? '', enhet);
    if (!tolkat.ok) {
      fel[`investeringar.${projekt.projekt}`] = tolkat.fel;
      avvikelser[projekt.projekt] = null;
      continue;
    }
    avvikelser[projekt.projekt] = tolkat.ore === null ? null : projekt.budgetOre - tolkat.ore;
    if (tolkat.ore !== null) investeringar.push({ projekt: projekt.projekt, prognos: formatKronor(tolkat.ore) });
  }
  return {
    fel,
    begaran: { ...(personal ? { personal } : {}), ...(investeringar.length > 0 ? { investeringar } : {}) },
    avvikelser,
  };
}

/** Whether the fields differ from the saved version's. */
export function tillaggAndrat(
  inmatning: Tillaggsinmatning,
  sparad: Pick<HelarsprognosDto, 'personal' | 'investeringar'> | null,
  underlag: Pick<HelarsprognosUnderlag, 'investeringar'>,
  enhet: Inmatningsenhet,
): boolean {
  const nu = tolkaTillagg(inmatning, underlag, enhet);
  if (Object.keys(nu.fel).length > 0) return true;
  const personal = nu.begaran.personal ?? null;
  const sparadPersonal = sparad?.personal ?? null;
  if (JSON.stringify(personal) !== JSON.stringify(sparadPersonal)) return true;
  const typat = new Map((nu.begaran.investeringar ?? []).map((rad) => [rad.projekt, rad.prognos]));
  const lagrat = new Map((sparad?.investeringar ?? []).map((rad) => [rad.projekt, formatKronor(rad.prognosOre)]));
  if (typat.size !== lagrat.size) return true;
  return [...typat].some(([projekt, prognos]) => lagrat.get(projekt) !== prognos);
}
