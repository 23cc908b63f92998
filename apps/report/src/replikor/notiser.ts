import type { Prognosstatus, Prognostillfalle } from '@tertial/contracts/prognos';
import type { Andringsnotis } from '@tertial/service-kit';

/**
 * What one replica of the report service tells the others after it applied an event (see Andringsnotiser): they
 * consumed other partitions, and their roll-ups and totals in memory must take the change in as well.
 * - `prognos`: an ansvar's forecast for a round, as the roll-up keeps it (the highest `andring` wins, in any order);
 * - `ar`: the year's budget, utfall or round changed: its rows are read again (`budget`: an ansvar budget);
 * - `jamforelse`: a nämnd's frame for the year changed: the totals are computed again.
 */
export type ReportNotis =
  | {
      readonly typ: 'prognos';
      readonly ar: number;
      readonly tillfalle: Prognostillfalle;
      readonly ansvar: string;
      readonly status: Prognosstatus;
      readonly nettokostnadOre: number;
      readonly andring: number;
      readonly appliedAt: string;
    }
  | { readonly typ: 'ar'; readonly ar: number; readonly budget: boolean }
  | { readonly typ: 'jamforelse'; readonly ar: number };

/** The report service's own notices, told apart from the kit's (the organisation) and `allt`. */
export function arReportNotis(notis: Andringsnotis): notis is ReportNotis {
  return (notis.typ === 'prognos' || notis.typ === 'ar' || notis.typ === 'jamforelse') && typeof notis.ar === 'number';
}
