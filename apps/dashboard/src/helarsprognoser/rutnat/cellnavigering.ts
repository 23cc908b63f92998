/** A cell of an editable grid: its row and column among the editable cells. */
export interface Cell {
  readonly rad: number;
  readonly kolumn: number;
}

export interface Tangenttryck {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

/** Where the caret is in the cell's text: left and right arrows move the caret until it reaches an edge. */
export interface Markor {
  readonly start: number;
  readonly slut: number;
  readonly langd: number;
}

/**
 * The cell a key moves to, the way a spreadsheet does it: up and down a row; Enter down and Shift+Enter up; left and
 * right a column once the caret is at the edge of the text (or all of it is selected). Null when the key is not a move
 * or there is nowhere to go, so the key keeps its own meaning (Tab stays Tab).
 */
export function nastaCell(fran: Cell, tangent: Tangenttryck, storlek: { rader: number; kolumner: number }, markor?: Markor): Cell | null {
  if (tangent.ctrlKey || tangent.altKey || tangent.metaKey) return null;
  const allt = markor === undefined || (markor.start === 0 && markor.slut === markor.langd);
  const vidStart = allt || (markor.start === 0 && markor.slut === 0);
  const vidSlut = allt || (markor.start === markor.langd && markor.slut === markor.langd);
  let mal: Cell;
  switch (tangent.key) {
    case 'ArrowUp':
      mal = { rad: fran.rad - 1, kolumn: fran.kolumn };
      break;
    case 'ArrowDown':
      mal = { rad: fran.rad + 1, kolumn: fran.kolumn };
      break;
    case 'Enter':
      mal = { rad: fran.rad + (tangent.shiftKey ? -1 : 1), kolumn: fran.kolumn };
      break;
    case 'ArrowLeft':
      if (tangent.shiftKey || !vidStart) return null;
      mal = { rad: fran.rad, kolumn: fran.kolumn - 1 };
      break;
    case 'ArrowRight':
      if (tangent.shiftKey || !vidSlut) return null;
      mal = { rad: fran.rad, kolumn: fran.kolumn + 1 };
      break;
    default:
      return null;
  }
  if (mal.rad < 0 || mal.rad >= storlek.rader || mal.kolumn < 0 || mal.kolumn >= storlek.kolumner) return null;
  return mal;
}

/** The forecast grid's own keys: `F` takes the proposal for the row, `Shift+F` for every row. */
export function forslagstangent(tangent: Tangenttryck): 'rad' | 'alla' | null {
  if (tangent.ctrlKey || tangent.altKey || tangent.metaKey) return null;
  if (tangent.key === 'f') return 'rad';
  if (tangent.key === 'F') return tangent.shiftKey ? 'alla' : 'rad';
  return null;
}
