import { ORDINARIE_TILLFALLEN, type Prognostillfalle } from '@tertial/contracts/prognos';
import type { Hinder } from '@tertial/service-kit';

/**
 * Whether a company's ekonomichef may save its forecast for a round: the companies forecast at the ordinary
 * tillfällen (april, augusti), as every nämnd does, until the ekonomidirektör closes that round. A company may
 * report before the round is opened: it closes its tertial books on its own schedule.
 */
export function hinderForBolagsprognos(tillfalle: Prognostillfalle, omgangensStatus: 'oppen' | 'stangd' | undefined): Hinder | null {
  if (!(ORDINARIE_TILLFALLEN as readonly string[]).includes(tillfalle))
    return {
      status: 422,
      title: 'Bolagen lämnar prognos i april och augusti',
      detail: `Ett bolag lämnar helårsprognos vid de ordinarie tillfällena (${ORDINARIE_TILLFALLEN.join(' och ')}), inte i ${tillfalle}.`,
      fel: [{ field: 'tillfalle', message: `ska vara ${ORDINARIE_TILLFALLEN.join(' eller ')}` }],
    };
  if (omgangensStatus === 'stangd')
    return {
      status: 409,
      title: 'Omgången är stängd',
      detail: `Prognosomgången ${tillfalle} är stängd; bolagets prognos kan inte längre ändras.`,
      fel: [{ field: 'tillfalle', message: 'omgången är stängd' }],
    };
  return null;
}
