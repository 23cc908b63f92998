import { describe, expect, it } from 'vitest';

import { antalKlara, antalSaknade, framstegsdelar, framstegstext, framstegTotalt, klaraText } from './framsteg.js';

const framsteg = (ejPaborjad: number, utkast: number, klarmarkerade: number, godkanda: number, aterskickade: number) => ({
  ejPaborjad,
  utkast,
  klarmarkerade,
  godkanda,
  aterskickade,
});

describe('the progress of a round at a node', () => {
  it('counts every ansvar once, by status', () => {
    const f = framsteg(40, 30, 200, 90, 36);
    expect(framstegTotalt(f)).toBe(396);
    expect(antalKlara(f)).toBe(290);
    expect(antalSaknade(f)).toBe(106);
  });

  it.each([
    { namn: 'shares that divide evenly', f: framsteg(1, 1, 1, 1, 0), procent: [25, 25, 25, 25, 0] },
    { namn: 'thirds, the largest remainder taking the spare percent', f: framsteg(1, 1, 1, 0, 0), procent: [34, 33, 33, 0, 0] },
    { namn: 'the demo förvaltning', f: framsteg(40, 30, 200, 90, 36), procent: [10, 8, 50, 23, 9] },
    { namn: 'a single status', f: framsteg(0, 0, 0, 7, 0), procent: [0, 0, 0, 100, 0] },
    { namn: 'nothing to count', f: framsteg(0, 0, 0, 0, 0), procent: [0, 0, 0, 0, 0] },
  ])('gives whole percents adding up to 100: $namn', ({ f, procent }) => {
    const delar = framstegsdelar(f);
    expect(delar.map((del) => del.procent)).toEqual(procent);
    if (framstegTotalt(f) > 0) expect(delar.reduce((summa, del) => summa + del.procent, 0)).toBe(100);
  });

  it('keeps the statuses in the order a forecast passes through them', () => {
    expect(framstegsdelar(framsteg(1, 2, 3, 4, 5)).map((del) => [del.nyckel, del.antal])).toEqual([
      ['ejPaborjad', 1],
      ['utkast', 2],
      ['klarmarkerade', 3],
      ['godkanda', 4],
      ['aterskickade', 5],
    ]);
  });

  it('says the bar in words, so no one has to read its colours', () => {
    expect(framstegstext(framsteg(40, 30, 1200, 90, 36))).toBe(
      '1\u00a0396 ansvar: 40 ej påbörjade, 30 utkast, 1\u00a0200 klarmarkerade, 90 godkända, 36 återsända',
    );
    expect(klaraText(framsteg(40, 30, 200, 90, 36))).toBe('290 av 396 klara');
  });
});
