import { RAPPORT_STATUSAR, type RapportStatus } from '@tertial/contracts/dto';
import type { Hinder, Provat } from '@tertial/service-kit';

/** The reports a person may read: the ekonomidirektör every one, anyone else (the council included) the fixed ones. */
export function lasbaraStatusar(arEkonomidirektor: boolean): readonly RapportStatus[] {
  return arEkonomidirektor ? RAPPORT_STATUSAR : ['faststalld'];
}

const hittadesInte = (id: string): Hinder => ({
  status: 404,
  title: 'Hittades inte',
  detail: `Ingen rapport med id ${id}.`,
  fel: [{ field: 'id', message: 'okänt id' }],
});

/** Reading one report: a draft is refused to anyone but the ekonomidirektör exactly as a report that does not exist. */
export function provaLasning<R extends { readonly status: RapportStatus }>(
  id: string,
  rapport: R | null,
  arEkonomidirektor: boolean,
): Provat<R> {
  if (!arEkonomidirektor && rapport?.status !== 'faststalld') return { ok: false, hinder: { status: 403 } };
  if (!rapport) return { ok: false, hinder: hittadesInte(id) };
  return { ok: true, varde: rapport };
}

/** Only a draft can be fixed; once fixed a report never changes. */
export function provaFaststallning<R extends { readonly status: RapportStatus }>(id: string, rapport: R | null): Provat<R> {
  if (!rapport) return { ok: false, hinder: hittadesInte(id) };
  if (rapport.status === 'faststalld') {
    return {
      ok: false,
      hinder: { status: 409, title: 'Redan fastställd', detail: 'Rapporten är redan fastställd och kan inte ändras.', fel: [] },
    };
  }
  return { ok: true, varde: rapport };
}
