import type { Roll } from '@tertial/contracts/access';
import { RAPPORTTYPNAMN, type Rapporttyp, type Versionsstatus } from '@tertial/contracts/dto';
import type { Hinder, Provat } from '@tertial/service-kit';

/**
 * Which versions a person reads: the ekonomidirektör every one; stadsrevisionen the drafts put up for audit and the
 * fixed ones; everyone else, kommunfullmäktige's members included, only the fixed ones.
 */
export function lasbaraVersioner(roller: readonly Roll[]): readonly Versionsstatus[] {
  if (roller.includes('ekonomidirektor')) return ['utkast', 'granskning', 'faststalld'];
  if (roller.includes('stadsrevisionen')) return ['granskning', 'faststalld'];
  return ['faststalld'];
}

type MedStatus = { readonly status: Versionsstatus; readonly version: number };

const finnsInte = (rapport: Rapporttyp, ar: number, version: number): Hinder => ({
  status: 404,
  title: 'Hittades inte',
  detail: `${RAPPORTTYPNAMN[rapport]} ${ar} har ingen version ${version}.`,
  fel: [{ field: 'version', message: 'okänd version' }],
});

/** Reading a version: one the person may not read is refused exactly as one that does not exist, unless they read drafts. */
export function provaLasning<V extends MedStatus>(
  rapport: Rapporttyp,
  ar: number,
  version: number,
  funnen: V | null,
  roller: readonly Roll[],
): Provat<V> {
  const lasbara = lasbaraVersioner(roller);
  if (funnen && lasbara.includes(funnen.status)) return { ok: true, varde: funnen };
  if (!roller.includes('ekonomidirektor')) return { ok: false, hinder: { status: 403 } };
  return { ok: false, hinder: finnsInte(rapport, ar, version) };
}

/** Texts change, and a version is fixed or put up for audit, only while it is not fixed. */
export function provaAndring<V extends MedStatus>(rapport: Rapporttyp, ar: number, version: number, funnen: V | null): Provat<V> {
  if (!funnen) return { ok: false, hinder: finnsInte(rapport, ar, version) };
  if (funnen.status === 'faststalld') {
    return {
      ok: false,
      hinder: {
        status: 409,
        title: 'Versionen är fastställd',
        detail: `Version ${version} av ${RAPPORTTYPNAMN[rapport]} ${ar} är fastställd och ändras aldrig; skapa en ny version för en rättelse.`,
        fel: [{ field: 'version', message: 'fastställd' }],
      },
    };
  }
  return { ok: true, varde: funnen };
}

/** A new version only when none is open: one draft at a time, beside the fixed ones. */
export function provaNyVersion(rapport: Rapporttyp, ar: number, versioner: readonly MedStatus[]): Hinder | null {
  const oppen = versioner.find((v) => v.status !== 'faststalld');
  if (!oppen) return null;
  return {
    status: 409,
    title: 'Det finns redan ett utkast',
    detail: `${RAPPORTTYPNAMN[rapport]} ${ar} har redan ett utkast som inte är fastställt (version ${oppen.version}).`,
    fel: [{ field: 'rapport', message: `utkast version ${oppen.version} finns` }],
  };
}

/** Stadsrevisionen audits the delårsrapport augusti and the årsredovisning, not the April report. */
export function provaGranskning(rapport: Rapporttyp): Hinder | null {
  if (granskasAvRevisionen(rapport)) return null;
  return {
    status: 422,
    title: 'Granskas inte',
    detail: 'Delårsrapport april granskas inte av stadsrevisionen; den anmäls till kommunfullmäktige.',
    fel: [{ field: 'rapport', message: 'granskas inte' }],
  };
}

/** The reports stadsrevisionen audits (the delårsrapport augusti and the årsredovisning): KF fixes them only after audit. */
export const granskasAvRevisionen = (rapport: Rapporttyp): boolean => rapport !== 'delarsrapport-april';

/**
 * Fixing: the delårsrapport augusti and the årsredovisning only once the draft was put up for stadsrevisionen's audit
 * (status granskning); the April report, which is not audited, straight from its draft.
 */
export function provaFaststallande(rapport: Rapporttyp, ar: number, funnen: MedStatus): Hinder | null {
  if (!granskasAvRevisionen(rapport) || funnen.status !== 'utkast') return null;
  return {
    status: 409,
    title: 'Inte lämnad till granskning',
    detail: `${RAPPORTTYPNAMN[rapport]} ${ar} granskas av stadsrevisionen innan kommunfullmäktige fastställer den: lämna version ${funnen.version} till granskning först.`,
    fel: [{ field: 'version', message: 'inte lämnad till granskning' }],
  };
}

/**
 * A year Tertial knows nothing of (no budget, round, utfall or bokslut) has no report to list: 404 naming the year,
 * where a known year without a version yet is an empty list (its report can still be drafted).
 */
export function okantAr(rapport: Rapporttyp, ar: number): Hinder {
  return {
    status: 404,
    title: 'Hittades inte',
    detail: `${RAPPORTTYPNAMN[rapport]} ${ar} finns inte: Tertial har ingen budget, prognosomgång, utfall eller bokslut för ${ar}.`,
    fel: [{ field: 'ar', message: 'okänt år' }],
  };
}

/** A report needs its period closed: the forecast round of its tertial, or for the årsredovisning December's utfall. */
export function periodenSaknas(rapport: Rapporttyp, ar: number): Hinder {
  const vad =
    rapport === 'arsredovisning'
      ? 'utfall för december'
      : `en stängd prognosomgång för ${rapport === 'delarsrapport-april' ? 'april' : 'augusti'}`;
  return {
    status: 422,
    title: 'Perioden är inte stängd',
    detail: `${RAPPORTTYPNAMN[rapport]} ${ar} kan inte tas fram: år ${ar} saknar ${vad}.`,
    fel: [{ field: 'ar', message: `saknar ${vad}` }],
  };
}
