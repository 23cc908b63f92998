import {
  BOLAGSKODER,
  MAX_AKTIVA_MAL,
  skapaInriktningRequestSchema,
  skapaMalRequestSchema,
  skapaNyckeltalRequestSchema,
} from '@tertial/contracts/dto';
import { demoStad } from '@tertial/demo-city';
import { describe, expect, it } from 'vitest';

import { DEMO_INRIKTNINGAR, DEMO_MAL, DEMO_NYCKELTAL } from './demo-mal.js';
import { demovarde } from './demo-mal.loader.js';

const ID = '00000000-0000-4000-8000-000000000001';

describe('the demo city’s goals', () => {
  it('every nyckeltal is one the catalogue takes, with values moving from start to end', () => {
    for (const demo of DEMO_NYCKELTAL) {
      expect(skapaNyckeltalRequestSchema.safeParse(demo).success).toBe(true);
      expect(demovarde(demo, 0)).toBeCloseTo(demo.start + 0.04 * Math.abs(demo.slut - demo.start), 1);
      expect(Math.abs(demovarde(demo, demo.perioder.length - 1) - demo.slut)).toBeLessThan(Math.abs(demo.slut - demo.start) * 0.1 + 0.01);
    }
  });

  it('gives no nämnd more than three mål, each measured by demo nyckeltal or marked for professional assessment', () => {
    const nycklar = new Set(DEMO_NYCKELTAL.map((n) => n.nyckel));
    const perNamnd = new Map<string, number>();
    for (const mal of DEMO_MAL) {
      perNamnd.set(mal.namnd, (perNamnd.get(mal.namnd) ?? 0) + 1);
      expect(mal.nyckeltal.every((n) => nycklar.has(n))).toBe(true);
      const request = {
        ...mal,
        nyckeltal: mal.nyckeltal.map(() => ID).slice(0, 1),
        professionellBedomning: mal.nyckeltal.length === 0,
        beslut: { datum: '2025-06-16' },
      };
      expect(mal.arsanalys.length).toBeGreaterThan(50);
      expect(skapaMalRequestSchema.safeParse(request).success).toBe(true);
    }
    expect(Math.max(...perNamnd.values())).toBeLessThanOrEqual(MAX_AKTIVA_MAL);
  });

  it('gives every nämnd and bolag a mål, except kommunfullmäktige and valnämnden, and a professionally assessed one its own analysis', () => {
    const namnder = demoStad()
      .organisation.filter((n) => n.niva === 'namnd')
      .map((n) => n.kod);
    const utanMal = [...namnder, ...BOLAGSKODER].filter((kod) => !DEMO_MAL.some((mal) => mal.namnd === kod));
    expect(utanMal.sort()).toEqual(['KF', 'VALN']);
    for (const mal of DEMO_MAL.filter((m) => m.nyckeltal.length === 0)) expect(mal.professionellAnalys?.length ?? 0).toBeGreaterThan(50);
  });

  it('has the city’s inriktningar and one for every nämnd and bolag of the demo city, all followed with demo nyckeltal', () => {
    expect(DEMO_INRIKTNINGAR.filter((i) => i.niva === 'stad').length).toBeGreaterThanOrEqual(3);
    const namnder = demoStad()
      .organisation.filter((n) => n.niva === 'namnd')
      .map((n) => n.kod);
    expect(new Set(DEMO_INRIKTNINGAR.filter((i) => i.niva === 'namnd').map((i) => i.namnd))).toEqual(new Set(namnder));
    expect(new Set(DEMO_INRIKTNINGAR.filter((i) => i.niva === 'bolag').map((i) => i.namnd))).toEqual(new Set(BOLAGSKODER));
    for (const inriktning of DEMO_INRIKTNINGAR)
      expect(
        skapaInriktningRequestSchema.safeParse({ ...inriktning, nyckeltal: inriktning.nyckeltal.map(() => ID).slice(0, 1) }).success,
      ).toBe(true);
  });
});
