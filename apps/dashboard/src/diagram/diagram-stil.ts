/** Whether the reader asked for less motion: charts then draw without animation. */
export function vardaRorelse(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
