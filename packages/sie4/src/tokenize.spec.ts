import { describe, expect, it } from 'vitest';

import { tokenizeSieLine } from './tokenize.js';

describe('a SIE line splits into label and fields', () => {
  it.each([
    ['an account', '#KONTO 5010 "Löner"', '#KONTO', ['5010', 'Löner']],
    [
      'a transaction with ansvar, date and text',
      '#TRANS 5010 {1 "41230"} 1234.50 20260115 "Lön januari"',
      '#TRANS',
      ['5010', ['1', '41230'], '1234.50', '20260115', 'Lön januari'],
    ],
    ['a transaction with an empty object list', '#TRANS 1930 {} -1234.50', '#TRANS', ['1930', [], '-1234.50']],
    [
      'an object list with ansvar and project',
      '#TRANS 5010 {1 "41230" 6 "P123"} 10.00',
      '#TRANS',
      ['5010', ['1', '41230', '6', 'P123'], '10.00'],
    ],
    ['unquoted objects', '#TRANS 5010 {1 41230} 5', '#TRANS', ['5010', ['1', '41230'], '5']],
    [
      'an object list without spaces at the braces',
      '#PSALDO 0 202601 5010 {1 "41230"}12.00',
      '#PSALDO',
      ['0', '202601', '5010', ['1', '41230'], '12.00'],
    ],
    ['empty quoted fields', '#VER "" "" 20260115', '#VER', ['', '', '20260115']],
    ['an escaped quote', '#FNAMN "Bolaget \\"Bästa\\" AB"', '#FNAMN', ['Bolaget "Bästa" AB']],
    ['an escaped backslash', '#PROGRAM "C:\\\\Unit4\\\\ERP" 7.4', '#PROGRAM', ['C:\\Unit4\\ERP', '7.4']],
    ['a lone backslash kept as written', '#PROGRAM "C:\\Unit4" 7.4', '#PROGRAM', ['C:\\Unit4', '7.4']],
    ['a quoted brace', '#OBJEKT 1 "4}1" "A {b}"', '#OBJEKT', ['1', '4}1', 'A {b}']],
    ['tabs and indentation', '\t  #TRANS\t5010\t{}\t1.00  ', '#TRANS', ['5010', [], '1.00']],
    ['an unquoted name', '#KONTO 1930 Bank', '#KONTO', ['1930', 'Bank']],
    ['a label without fields', '#FLAGGA', '#FLAGGA', []],
    ['the opening brace of a verifikation', '{', '{', []],
    ['the closing brace, indented', '   }', '}', []],
    ['a blank line', '   ', '', []],
  ])('%s', (_, line, label, fields) => {
    expect(tokenizeSieLine(line)).toEqual({ label, fields, problem: null });
  });

  it.each([
    ['an unterminated quote', '#KONTO 5010 "Löner', /citattecken/],
    ['an unterminated object list', '#TRANS 5010 {1 "41230" 12.00', /saknar avslutande }/],
    ['a nested object list', '#TRANS 5010 {1 {2}} 12.00', /ny {/],
    ['text that is no record', 'Konto;Belopp', /börjar inte med en etikett/],
    ['text after a brace', '{ #TRANS 5010 {} 1.00', /oväntad text efter {/],
  ])('%s is a syntax problem', (_, line, problem) => {
    expect(tokenizeSieLine(line).problem).toMatch(problem);
  });
});
