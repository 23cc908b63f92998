import type { Roll } from '@tertial/contracts/access';
import { nyckeltalRiktningSchema, type NyckeltalRiktning } from '@tertial/contracts/dto';

/** The goals service's mål, where the "Nytt mål" form posts. */
export const MAL_URL = '/api/goals/mal';

/** A processledare adds the goals of their own nämnd; the goals service refuses anyone else. */
export const kanSkapaMal = (roller: readonly Roll[]) => roller.includes('processledare');

/** A nyckeltal as the form describes it: the goals service gets it as a new nyckeltal of the catalogue. */
export interface NyttNyckeltal {
  readonly namn: string;
  readonly enhet: string;
  readonly utgangsvarde: number;
  readonly malvarde: number;
  readonly riktning: NyckeltalRiktning;
}

/** What the "Nytt mål" form gives: the mål and, when asked for, the nyckeltal it is measured by. */
export interface Malformularsvar {
  readonly namnd: string;
  readonly ar: number;
  readonly text: string;
  readonly nyckeltal: NyttNyckeltal | null;
}

const talformat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 4 });

/** "Andel elever behöriga till gymnasiet: från 83,5 % till 88 % (högre är bättre)" */
export function nyckeltalText(nyckeltal: NyttNyckeltal): string {
  const varde = (tal: number) => `${talformat.format(tal)}\u00a0${nyckeltal.enhet}`;
  const riktning = nyckeltal.riktning === 'hogre-ar-battre' ? 'högre är bättre' : 'lägre är bättre';
  return `${nyckeltal.namn}: från ${varde(nyckeltal.utgangsvarde)} till ${varde(nyckeltal.malvarde)} (${riktning})`;
}

export interface Malformular {
  ar: string;
  text: string;
  medNyckeltal: boolean;
  nyckeltalNamn: string;
  enhet: string;
  utgangsvarde: string;
  malvarde: string;
  riktning: string;
}

export type Malfalt = Exclude<keyof Malformular, 'medNyckeltal'>;
export type Malfel = Partial<Record<Malfalt, string>>;
/** The form's fields in the order they are shown, for moving focus to the first one wrong. */
export const MALFALTEN: readonly Malfalt[] = ['ar', 'text', 'nyckeltalNamn', 'enhet', 'utgangsvarde', 'malvarde', 'riktning'];

export function tomtMalformular(ar: number): Malformular {
  return {
    ar: String(ar),
    text: '',
    medNyckeltal: false,
    nyckeltalNamn: '',
    enhet: '',
    utgangsvarde: '',
    malvarde: '',
    riktning: 'hogre-ar-battre',
  };
}

/** A number as Swedes write it, "83,5" or "−2"; a measure, not money, so a JavaScript number is right. */
export function tolkaTal(text: string): number | undefined {
  const rensad = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace('\u2212', '-')
    .replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(rensad)) return undefined;
  const tal = Number(rensad);
  return Number.isFinite(tal) ? tal : undefined;
}

/** Checks the "Nytt mål" form the way the goals service will, with messages that say what to write. */
export function tolkaMalformular(formular: Malformular, namnd: string): { ok: true; varde: Malformularsvar } | { ok: false; fel: Malfel } {
  const fel: Malfel = {};
  const arText = formular.ar.trim();
  const ar = /^\d{4}$/.test(arText) ? Number(arText) : Number.NaN;
  if (!(ar >= 2000 && ar <= 2100)) fel.ar = 'Ange ett årtal mellan 2000 och 2100.';
  const text = formular.text.trim();
  if (text.length < 5) fel.text = 'Beskriv målet med minst 5 tecken.';
  else if (text.length > 1000) fel.text = 'Målet får vara högst 1 000 tecken.';

  let nyckeltal: NyttNyckeltal | null = null;
  if (formular.medNyckeltal) {
    const namn = formular.nyckeltalNamn.trim();
    const enhet = formular.enhet.trim();
    const utgangsvarde = tolkaTal(formular.utgangsvarde);
    const malvarde = tolkaTal(formular.malvarde);
    const riktning = nyckeltalRiktningSchema.safeParse(formular.riktning);
    if (namn === '') fel.nyckeltalNamn = 'Skriv vad nyckeltalet mäter.';
    else if (namn.length > 200) fel.nyckeltalNamn = 'Namnet får vara högst 200 tecken.';
    if (enhet === '') fel.enhet = 'Skriv en enhet, till exempel % eller st.';
    else if (enhet.length > 40) fel.enhet = 'Enheten får vara högst 40 tecken.';
    if (utgangsvarde === undefined) fel.utgangsvarde = 'Skriv ett tal, till exempel 83,5.';
    if (malvarde === undefined) fel.malvarde = 'Skriv ett tal, till exempel 88.';
    if (!riktning.success) fel.riktning = 'Välj om högre eller lägre är bättre.';
    if (utgangsvarde !== undefined && malvarde !== undefined && riktning.success)
      nyckeltal = { namn, enhet, utgangsvarde, malvarde, riktning: riktning.data };
  }
  if (Object.keys(fel).length > 0) return { ok: false, fel };
  return { ok: true, varde: { namnd, ar, text, nyckeltal } };
}
