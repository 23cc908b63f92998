import type { Sie4Problem } from './types.js';

/** Enough to show what is wrong; a file with thousands of errors is wrong in one way thousands of times. */
export const MAX_PROBLEMS = 100;

export interface ProblemList {
  items: Sie4Problem[];
  dropped: number;
  firstDroppedLine: number;
}

export function createProblemList(): ProblemList {
  return { items: [], dropped: 0, firstDroppedLine: 0 };
}

/**
 * Collects a problem up to the cap. `always` is for the few whole-file verdicts (truncated, not SIE,
 * no räkenskapsår) that must be seen even behind a hundred line errors.
 */
export function addProblem(list: ProblemList, line: number, record: string, message: string, always = false): void {
  if (list.items.length < MAX_PROBLEMS || always) list.items.push({ line, record, message });
  else if (list.dropped++ === 0) list.firstDroppedLine = line;
}

/** The problems in file order, with a last entry saying how many more there were. */
export function listProblems(list: ProblemList, noun: 'fel' | 'varningar'): Sie4Problem[] {
  const sorted = [...list.items].sort((a, b) => a.line - b.line);
  if (list.dropped > 0) {
    sorted.push({
      line: list.firstDroppedLine,
      record: '',
      message: `…och ${list.dropped} ${noun} till (de första ${MAX_PROBLEMS} visas)`,
    });
  }
  return sorted;
}
