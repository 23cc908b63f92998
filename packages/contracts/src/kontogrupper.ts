import { z } from 'zod';

/**
 * The account groups (kontogrupper) a helårsprognos is entered on and utfall is summed into. The last three
 * (Kommun-Bas class 8) belong to the city's finance function rather than to a verksamhet (`verksamhet: false`).
 * Revenue and cost are both entered and shown as positive amounts; net cost is cost minus revenue.
 */
export const KONTOGRUPPER = [
  { kod: 'intakter', verksamhet: true, namn: 'Intäkter', typ: 'intakt' },
  { kod: 'personalkostnader', verksamhet: true, namn: 'Personalkostnader', typ: 'kostnad' },
  { kod: 'lokalkostnader', verksamhet: true, namn: 'Lokalkostnader', typ: 'kostnad' },
  { kod: 'kop-av-verksamhet', verksamhet: true, namn: 'Köp av verksamhet', typ: 'kostnad' },
  { kod: 'ovriga-kostnader', verksamhet: true, namn: 'Övriga kostnader', typ: 'kostnad' },
  { kod: 'kapitalkostnader', verksamhet: true, namn: 'Kapitalkostnader', typ: 'kostnad' },
  { kod: 'skatter-och-bidrag', verksamhet: false, namn: 'Skatteintäkter, generella statsbidrag och utjämning', typ: 'intakt' },
  { kod: 'finansiella-intakter', verksamhet: false, namn: 'Finansiella intäkter', typ: 'intakt' },
  { kod: 'finansiella-kostnader', verksamhet: false, namn: 'Finansiella kostnader', typ: 'kostnad' },
] as const;

export type Kontogrupp = (typeof KONTOGRUPPER)[number];
export type KontogruppKod = Kontogrupp['kod'];
export type KontogruppTyp = Kontogrupp['typ'];

const KODER = KONTOGRUPPER.map((grupp) => grupp.kod) as [KontogruppKod, ...KontogruppKod[]];

export const kontogruppKodSchema = z.enum(KODER, {
  error: () => `okänd kontogrupp; giltiga är ${KODER.join(', ')}`,
});

/** Whether a kontogrupp is a verksamhet's (what a nämnd's budget and forecasts are made of), not the finance function's. */
export function arVerksamhetensKontogrupp(kod: KontogruppKod): boolean {
  return KONTOGRUPPER.some((grupp) => grupp.kod === kod && grupp.verksamhet);
}

export function kontogruppTyp(kod: KontogruppKod): KontogruppTyp {
  const grupp = KONTOGRUPPER.find((candidate) => candidate.kod === kod);
  if (!grupp) throw new Error(`okänd kontogrupp ${kod}`);
  return grupp.typ;
}
