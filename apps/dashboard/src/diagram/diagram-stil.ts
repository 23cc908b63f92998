export { axelsiffror, DIAGRAMFARG, mnkrForRitning, ORE_PER_MNKR, TOOLTIPSTIL, TYPSNITT } from '@tertial/diagram';

/** Whether the reader asked for less motion: charts then draw without animation. */
export function vardaRorelse(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
