/**
 * What every chart shares: the page's font and text colours (7.5:1 or more against white) and a grid line
 * colour. Series colours are chosen per chart; each reaches at least the 3:1 a chart's graphics need.
 */
export const DIAGRAMFARG = {
  text: '#1f2933',
  textSvag: '#4a5562',
  linje: '#c5ced8',
  ram: '#ffffff',
} as const;

export const TYPSNITT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/** Tick labels in mnkr: `1 234,5`, no trailing zeros. */
export const axelsiffror = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

export const ORE_PER_MNKR = 100_000_000;

/** Bar length in mnkr: for drawing only; every figure shown is formatted from the exact öre. */
export function mnkrForRitning(ore: number): number {
  return ore / ORE_PER_MNKR;
}

/** The tooltip's box, the same in every chart. */
export const TOOLTIPSTIL = {
  confine: true,
  backgroundColor: '#ffffff',
  borderColor: DIAGRAMFARG.linje,
  textStyle: { color: DIAGRAMFARG.text, fontFamily: TYPSNITT, fontSize: 13 },
} as const;

/**
 * Where a chart is drawn: its width in pixels, whether it may move (the dashboard asks the reader's
 * prefers-reduced-motion; a file never moves) and its font (the dashboard's system font, or the font a PDF embeds).
 */
export interface Ritning {
  readonly bredd: number;
  readonly animering: boolean;
  readonly typsnitt?: string;
}
