import { bolagForOrganisationsnummer } from '@tertial/contracts/dto';
import { demoBolag, demoBolagForraAret, demoBolagSie } from '@tertial/demo-city';
import { readSie4 } from '@tertial/sie4';
import { describe, expect, it } from 'vitest';

import { basKonto, kontrolleraBolagsfil, resultatEfterFinansiellaPoster, summeraBolagsutfall } from './bas-mappning.js';

describe('the demo companies’ SIE files', () => {
  it.each(demoBolag().map((bolag) => [bolag.kod, bolag] as const))(
    '%s: read without errors, known by its #ORGNR, and its January–August near eight twelfths of the August forecast',
    async (kod, bolag) => {
      const text = demoBolagSie(bolag, 2026, 8);
      const result = await readSie4(
        (async function* () {
          yield new TextEncoder().encode(text);
        })(),
      );
      expect(result.errors).toEqual([]);
      expect(bolagForOrganisationsnummer(result.foretag.orgnr)).toBe(kod);
      expect(kontrolleraBolagsfil(result)).toEqual([]);
      const manader = summeraBolagsutfall(
        result.utfall.map((rad) => ({ manad: rad.manad, konto: basKonto(rad.konto)!, beloppOre: rad.beloppOre })),
      );
      expect(manader.map((m) => m.manad)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const intakter = manader.reduce((summa, m) => summa + m.intakterOre, 0);
      const andel = bolag.sasong.slice(0, 8).reduce((summa, del) => summa + del, 0);
      // Rounded per month and account: within a krona per month of the August forecast spread by the season.
      expect(Math.abs(intakter - Math.round(bolag.prognoser.augusti.intakterOre * andel))).toBeLessThanOrEqual(8 * 100);
      expect(Math.sign(resultatEfterFinansiellaPoster(manader))).toBe(
        Math.sign(bolag.prognoser.augusti.resultatEfterFinansiellaPosterOre) || 1,
      );
    },
  );
});

describe('the demo companies’ closed year before the demo year', () => {
  it.each(demoBolagForraAret().map((bolag) => [bolag.kod, bolag] as const))(
    '%s: a little below the demo year, its ledger all twelve months ending at its August forecast’s result',
    async (kod, bolag) => {
      const demoaret = demoBolag().find((b) => b.kod === kod)!;
      expect(bolag.budget.intakterOre).toBeLessThan(demoaret.budget.intakterOre);
      for (const siffror of [bolag.budget, bolag.prognoser.april, bolag.prognoser.augusti])
        expect(siffror.kommentar).not.toBe(demoaret.budget.kommentar);
      const result = await readSie4(
        (async function* () {
          yield new TextEncoder().encode(demoBolagSie(bolag, 2025, 12));
        })(),
      );
      expect(result.errors).toEqual([]);
      expect(bolagForOrganisationsnummer(result.foretag.orgnr)).toBe(kod);
      const manader = summeraBolagsutfall(
        result.utfall.map((rad) => ({ manad: rad.manad, konto: basKonto(rad.konto)!, beloppOre: rad.beloppOre })),
      );
      expect(manader.map((m) => m.manad)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      // Rounded per month and account: within a few kronor a month of the August forecast's result.
      expect(
        Math.abs(resultatEfterFinansiellaPoster(manader) - bolag.prognoser.augusti.resultatEfterFinansiellaPosterOre),
      ).toBeLessThanOrEqual(12 * 1000);
    },
  );
});
