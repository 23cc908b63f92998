import { kontogruppForKonto } from '@tertial/contracts/kontoplan';
import type { OrganisationNode } from '@tertial/contracts/organisation';
import { describe, expect, it } from 'vitest';

import { demoStad } from './stad.js';

const stad = demoStad();
const ansvar = stad.organisation.filter((node) => node.niva === 'enhet');

describe('the demo city', () => {
  it('is Helsingborg-sized: about 15 nämnder, 3,000 ansvar and 700 chefer', () => {
    expect(stad.organisation.filter((node) => node.niva === 'namnd')).toHaveLength(14);
    expect(ansvar.length).toBeGreaterThan(2_800);
    expect(ansvar.length).toBeLessThan(3_200);
    const chefer = new Set(ansvar.map((node) => node.chef?.anvandarId));
    expect(chefer.size).toBeGreaterThan(600);
    expect(chefer.size).toBeLessThan(800);
  });

  it('is the same for the same seed and different for another', () => {
    const again = demoStad({ seed: 1283, ar: 2026 });
    expect(again.organisation).toEqual(stad.organisation);
    expect(again.internbudget).toEqual(stad.internbudget);
    expect([...again.utfall(1)]).toEqual([...stad.utfall(1)]);
    expect(demoStad({ seed: 7 }).internbudget).not.toEqual(stad.internbudget);
  });

  it('gives every chef a name of their own, without a number, and an id of their own from it', () => {
    const idn = new Set(ansvar.map((node) => node.chef!.anvandarId));
    const namn = new Set(ansvar.map((node) => node.chef!.namn));
    const parVisKvar = new Set(ansvar.map((node) => `${node.chef!.anvandarId} ${node.chef!.namn}`));
    // One name per id and one id per name.
    expect(parVisKvar.size).toBe(idn.size);
    expect(namn.size).toBe(idn.size);
    for (const ett of namn) expect(ett).toMatch(/^\p{L}+ \p{L}+(-\p{L}+)?$/u);
  });

  it('has unique codes, every ansvar under an avdelning and with a chef', () => {
    const koder = new Set(stad.organisation.map((node) => node.kod));
    expect(koder.size).toBe(stad.organisation.length);
    const byKod = new Map(stad.organisation.map((node) => [node.kod, node] as [string, OrganisationNode]));
    for (const node of ansvar) {
      expect(byKod.get(node.foralderKod ?? '')?.niva).toBe('avdelning');
      expect(node.chef).not.toBeNull();
      expect(node.kod).toMatch(/^\d{5}$/);
    }
  });

  it('budgets each nämnd exactly its frame, for a city net cost near 9.7 billion kronor', () => {
    const namndAv = new Map(ansvar.map((node) => [node.kod, node.foralderKod!.split('-')[0]!]));
    const netto = new Map<string, number>();
    for (const rad of stad.internbudget) {
      const tecken = rad.kontogrupp === 'intakter' ? -1 : 1;
      const namnd = namndAv.get(rad.ansvar)!;
      netto.set(namnd, (netto.get(namnd) ?? 0) + tecken * rad.beloppOre);
    }
    for (const ram of stad.ramar) expect(netto.get(ram.namnd)).toBe(ram.nettoOre);
    const stadensNetto = stad.ramar.reduce((sum, ram) => sum + ram.nettoOre, 0);
    expect(stadensNetto / 100 / 1e9).toBeCloseTo(9.7, 1);
    expect(stad.internbudget.every((rad) => Number.isSafeInteger(rad.beloppOre) && rad.beloppOre >= 0)).toBe(true);
  });

  it('books July’s personnel costs lower than June’s', () => {
    let juni = 0;
    let juli = 0;
    for (const rad of stad.utfall(8)) {
      if (kontogruppForKonto(rad.konto) !== 'personalkostnader') continue;
      if (rad.manad === 6) juni += rad.beloppOre;
      if (rad.manad === 7) juli += rad.beloppOre;
    }
    expect(juli).toBeLessThan(juni * 0.6);
  });

  it('has utfall for January to August on accounts of the kontogrupp they belong to, revenue negative', () => {
    const manader = new Set<number>();
    for (const rad of stad.utfall(8)) {
      manader.add(rad.manad);
      const grupp = kontogruppForKonto(rad.konto);
      if (grupp === 'intakter') expect(rad.beloppOre).toBeLessThan(0);
      else expect(rad.beloppOre).toBeGreaterThan(0);
    }
    expect([...manader].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('gives every project over 3 mnkr a motive and every one over 15 mnkr a sustainability assessment', () => {
    expect(stad.investeringar.length).toBeGreaterThan(20);
    for (const projekt of stad.investeringar) {
      const total = projekt.ar.reduce((sum, ar) => sum + ar.budgetOre, 0);
      if (total > 300_000_000) expect(projekt.motiv).not.toBeNull();
      if (total > 1_500_000_000) expect(projekt.hallbarhet).not.toBeNull();
      expect(projekt.ar.every((ar) => ar.ar >= stad.ar && ar.ar < stad.ar + 7)).toBe(true);
    }
  });
});
