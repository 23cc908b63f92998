import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { delaISidor, lasKoladaFil } from './kolada-fil.js';

const fixture = (namn: string) => readFileSync(new URL(`../../../../tests/fixtures/kolada/${namn}`, import.meta.url), 'utf8');

describe('a file of Kolada data responses', () => {
  it('one v2 response: every value of every municipality, year and kön', () => {
    const fil = lasKoladaFil(fixture('jamforelsegrupp-v2.json'));
    expect(fil.fel).toEqual([]);
    expect(fil.sidor).toBe(1);
    expect(fil.punkter).toHaveLength(7 * 4 * 3);
    expect(fil.punkter).toContainEqual(expect.objectContaining({ kpi: 'N15428', kommun: '1283', ar: 2021, kon: 'total', varde: 83.1 }));
    expect(fil.punkter).toContainEqual(expect.objectContaining({ kpi: 'N15428', kommun: '1283', ar: 2021, kon: 'kvinnor', varde: 84.9 }));
  });

  it('pages one per line and the same pages as a JSON array read alike', () => {
    const ndjson = lasKoladaFil(fixture('sidor-v3.ndjson'));
    const array = lasKoladaFil(fixture('sidor-v3-array.json'));
    expect(ndjson.fel).toEqual([]);
    expect(ndjson.sidor).toBe(3);
    expect(array.sidor).toBe(3);
    const utanPlats = (punkter: typeof ndjson.punkter) =>
      punkter.map((punkt) => [punkt.kpi, punkt.kommun, punkt.ar, punkt.kon, punkt.varde, punkt.status]);
    expect(utanPlats(ndjson.punkter)).toEqual(utanPlats(array.punkter));
    expect(ndjson.punkter).toHaveLength(7 * 2 * 3 + 7 * 3);
  });

  it('a value not published is kept as null with Kolada’s status', () => {
    const fil = lasKoladaFil(fixture('sidor-v3.ndjson'));
    expect(fil.punkter).toContainEqual(
      expect.objectContaining({ kpi: 'N31807', kommun: '0581', ar: 2024, varde: null, status: 'Missing' }),
    );
    expect(fil.punkter.find((p) => p.kommun === '1283' && p.kpi === 'N31807' && p.ar === 2024)?.status).toBeNull();
  });

  it('pages concatenated without line breaks, and a byte-order mark, are read too', () => {
    const sidor = fixture('sidor-v3.ndjson').trim().split('\n');
    expect(lasKoladaFil(`\uFEFF${sidor.join('')}`).sidor).toBe(3);
    expect(delaISidor('{"values":[],"note":"a } in a string"} {"values":[]}')).toEqual({
      sidor: [{ values: [], note: 'a } in a string' }, { values: [] }],
      sammanslagen: true,
    });
  });

  it.each([
    ['a gender Kolada does not have', 'fel-kon.json', 'values[3].values[0].gender', /T, K eller M/],
    ['a file cut short', 'avkortad.ndjson', '[2]', /avkortad/],
    ['a last page pointing to a page the file lacks', 'saknad-sida.ndjson', '[1].next_page', /följ next_page/],
  ])('%s is refused, naming where', (_, namn, sokvag, meddelande) => {
    const fil = lasKoladaFil(fixture(namn));
    expect(fil.punkter).toEqual([]);
    expect(fil.fel).toContainEqual({ sokvag, meddelande: expect.stringMatching(meddelande) });
  });

  it.each([
    ['an empty file', '', '(filen)'],
    ['not JSON at all', 'kpi;kommun;ar', '[0]'],
    ['a response without values', '{"count":0}', 'values'],
    ['a period that is no year', '{"values":[{"kpi":"N15428","municipality":"1283","period":"ht23","values":[]}]}', 'values[0].period'],
    [
      'a municipality code of three digits',
      '{"values":[{"kpi":"N15428","municipality":"128","period":2024,"values":[]}]}',
      'values[0].municipality',
    ],
    ['a KPI id of the wrong form', '{"values":[{"kpi":"15428","municipality":"1283","period":2024,"values":[]}]}', 'values[0].kpi'],
    [
      'a value that is text',
      '{"values":[{"kpi":"N15428","municipality":"1283","period":2024,"values":[{"gender":"T","value":"86,4"}]}]}',
      'values[0].values[0].value',
    ],
    ['the second page of an array in the wrong shape', '[{"values":[]},{"values":{}}]', '[1].values'],
    [
      'the same value twice with different figures',
      '[{"values":[{"kpi":"N15428","municipality":"1283","period":2024,"values":[{"gender":"T","value":86.4}]}]},' +
        '{"values":[{"kpi":"N15428","municipality":"1283","period":2024,"values":[{"gender":"T","value":80}]}]}]',
      '[1].values[0].values[0].value',
    ],
  ])('%s is refused at %s', (_, text, sokvag) => {
    const fil = lasKoladaFil(text);
    expect(fil.fel.map((fel) => fel.sokvag)).toContain(sokvag);
    expect(fil.punkter).toEqual([]);
  });
});
