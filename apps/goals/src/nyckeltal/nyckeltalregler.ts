import { tolkaPeriod, type Period, type Periodtyp } from '@tertial/contracts/dto';
import type { FieldError, Hinder } from '@tertial/service-kit';

/** The first day of a period, `YYYY-MM-DD`. */
export function periodensForstaDag(period: Period): string {
  const { ar, typ, nummer } = tolkaPeriod(period);
  const manad = typ === 'ar' ? 1 : typ === 'tertial' ? (nummer - 1) * 4 + 1 : nummer;
  return `${ar}-${String(manad).padStart(2, '0')}-01`;
}

/**
 * Whether a measurement's period fits the nyckeltal: of its kind (a year's value is always welcome: the year's
 * total), and begun by today. Returns the field errors, empty when it fits.
 */
export function periodfel(perioder: readonly { period: Period; falt: string }[], periodtyp: Periodtyp, idag: string): FieldError[] {
  const fel: FieldError[] = [];
  for (const { period, falt } of perioder) {
    const typ = tolkaPeriod(period).typ;
    if (typ !== periodtyp && typ !== 'ar')
      fel.push({
        field: falt,
        message: `nyckeltalet mäts per ${{ ar: 'år', tertial: 'tertial', manad: 'månad' }[periodtyp]}, inte per ${{ ar: 'år', tertial: 'tertial', manad: 'månad' }[typ]}`,
      });
    else if (periodensForstaDag(period) > idag) fel.push({ field: falt, message: `perioden ${period} har inte börjat` });
  }
  return fel;
}

export function okandPeriod(fel: readonly FieldError[]): Hinder | null {
  if (fel.length === 0) return null;
  return { status: 422, title: 'Okänd period', detail: fel.map((f) => `${f.field}: ${f.message}`).join('; '), fel };
}

export function okantNyckeltal(falt: string, id: string): Hinder {
  return {
    status: 422,
    title: 'Okänt nyckeltal',
    detail: `Nyckeltalet ${id} finns inte i katalogen.`,
    fel: [{ field: falt, message: 'okänt nyckeltal' }],
  };
}
