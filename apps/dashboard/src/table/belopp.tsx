import { formatBeloppUtanEnhet, type Beloppsenhet } from '@tertial/diagram/belopp';

/**
 * An amount in a cell, Swedish style without its unit (the column's header names it). A figure not known yet
 * shows a dash, and says so to a screen reader. A deviation (avvikelse) is marked as a surplus or deficit.
 */
export function Belopp({
  ore,
  enhet = 'mnkr',
  decimaler = enhet === 'mnkr' ? 1 : 0,
  saknas = 'uppgift saknas',
  avvikelse = false,
}: {
  ore: number | null | undefined;
  enhet?: Beloppsenhet;
  decimaler?: number;
  saknas?: string;
  avvikelse?: boolean;
}) {
  if (ore === null || ore === undefined) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="visuellt-dold">{saknas}</span>
      </>
    );
  }
  const text = formatBeloppUtanEnhet(ore, enhet, decimaler);
  if (!avvikelse) return <>{text}</>;
  return <span data-avvikelse={ore < 0 ? 'underskott' : ore > 0 ? 'overskott' : 'noll'}>{text}</span>;
}
