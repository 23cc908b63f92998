import type { KontogruppKod } from '@tertial/contracts/kontogrupper';

export interface DemoKonto {
  readonly konto: number;
  readonly namn: string;
}

/**
 * The Kommun-Bas accounts the demo ledger books on, per kontogrupp, with each account's share of its group.
 * 1930 is the bank account every verifikation balances against.
 */
export const DEMO_KONTON: Readonly<Partial<Record<KontogruppKod, readonly (DemoKonto & { andel: number })[]>>> = {
  intakter: [
    { konto: 3110, namn: 'Taxor och avgifter', andel: 0.45 },
    { konto: 3410, namn: 'Riktade statsbidrag', andel: 0.35 },
    { konto: 3610, namn: 'Hyresintäkter', andel: 0.2 },
  ],
  personalkostnader: [
    { konto: 5010, namn: 'Löner tillsvidareanställda', andel: 0.58 },
    { konto: 5110, namn: 'Löner visstidsanställda', andel: 0.08 },
    { konto: 5610, namn: 'Sociala avgifter enligt lag', andel: 0.22 },
    { konto: 5710, namn: 'Pensionskostnader', andel: 0.12 },
  ],
  lokalkostnader: [
    { konto: 6010, namn: 'Lokalhyror', andel: 0.8 },
    { konto: 6210, namn: 'El och uppvärmning', andel: 0.2 },
  ],
  'kop-av-verksamhet': [
    { konto: 4510, namn: 'Köp av huvudverksamhet', andel: 0.75 },
    { konto: 4610, namn: 'Bidrag till föreningar', andel: 0.25 },
  ],
  'ovriga-kostnader': [
    { konto: 6410, namn: 'Förbrukningsmaterial', andel: 0.35 },
    { konto: 7410, namn: 'Konsulttjänster', andel: 0.4 },
    { konto: 7710, namn: 'Resor och representation', andel: 0.25 },
  ],
  kapitalkostnader: [
    { konto: 7910, namn: 'Avskrivningar', andel: 0.75 },
    { konto: 7950, namn: 'Internränta', andel: 0.25 },
  ],
};

export const BANKKONTO: DemoKonto = { konto: 1930, namn: 'Bank' };

export function demoKontoplan(): DemoKonto[] {
  const konton = Object.values(DEMO_KONTON).flatMap((lista) => lista.map(({ konto, namn }) => ({ konto, namn })));
  return [BANKKONTO, ...konton].sort((a, b) => a.konto - b.konto);
}
