import { describe, expect, it } from 'vitest';

import { forslagstangent, nastaCell, type Tangenttryck } from './cellnavigering.js';

const tangent = (key: string, andra: Partial<Tangenttryck> = {}): Tangenttryck => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...andra,
});
const STORLEK = { rader: 6, kolumner: 13 };
const MITT = { rad: 2, kolumn: 5 };

describe('moving between the editable cells by keyboard', () => {
  it.each([
    ['ArrowUp', {}, { rad: 1, kolumn: 5 }],
    ['ArrowDown', {}, { rad: 3, kolumn: 5 }],
    ['Enter', {}, { rad: 3, kolumn: 5 }],
    ['Enter', { shiftKey: true }, { rad: 1, kolumn: 5 }],
    ['ArrowLeft', {}, { rad: 2, kolumn: 4 }],
    ['ArrowRight', {}, { rad: 2, kolumn: 6 }],
  ] as const)('%s %o moves to %o when the whole text is selected', (key, andra, mal) => {
    expect(nastaCell(MITT, tangent(key, andra), STORLEK, { start: 0, slut: 4, langd: 4 })).toEqual(mal);
  });

  it('left and right move the caret inside the text until it reaches the edge', () => {
    expect(nastaCell(MITT, tangent('ArrowLeft'), STORLEK, { start: 2, slut: 2, langd: 4 })).toBeNull();
    expect(nastaCell(MITT, tangent('ArrowRight'), STORLEK, { start: 2, slut: 2, langd: 4 })).toBeNull();
    expect(nastaCell(MITT, tangent('ArrowLeft'), STORLEK, { start: 0, slut: 0, langd: 4 })).toEqual({ rad: 2, kolumn: 4 });
    expect(nastaCell(MITT, tangent('ArrowRight'), STORLEK, { start: 4, slut: 4, langd: 4 })).toEqual({ rad: 2, kolumn: 6 });
    expect(nastaCell(MITT, tangent('ArrowLeft', { shiftKey: true }), STORLEK, { start: 0, slut: 0, langd: 4 })).toBeNull();
  });

  it('stops at the edges of the grid, leaving the key to the browser', () => {
    expect(nastaCell({ rad: 0, kolumn: 0 }, tangent('ArrowUp'), STORLEK)).toBeNull();
    expect(nastaCell({ rad: 5, kolumn: 0 }, tangent('Enter'), STORLEK)).toBeNull();
    expect(nastaCell({ rad: 0, kolumn: 0 }, tangent('ArrowLeft'), STORLEK)).toBeNull();
    expect(nastaCell({ rad: 0, kolumn: 12 }, tangent('ArrowRight'), STORLEK)).toBeNull();
  });

  it('other keys, and keys with Ctrl, Alt or Cmd, are not moves', () => {
    expect(nastaCell(MITT, tangent('Tab'), STORLEK)).toBeNull();
    expect(nastaCell(MITT, tangent('5'), STORLEK)).toBeNull();
    expect(nastaCell(MITT, tangent('ArrowDown', { ctrlKey: true }), STORLEK)).toBeNull();
    expect(nastaCell(MITT, tangent('Enter', { metaKey: true }), STORLEK)).toBeNull();
  });
});

describe('the proposal key', () => {
  it.each([
    [tangent('f'), 'rad'],
    [tangent('F'), 'rad'],
    [tangent('F', { shiftKey: true }), 'alla'],
    [tangent('f', { ctrlKey: true }), null],
    [tangent('F', { altKey: true, shiftKey: true }), null],
    [tangent('g'), null],
  ] as const)('%o takes the proposal for %s', (tryck, svar) => {
    expect(forslagstangent(tryck)).toBe(svar);
  });
});
