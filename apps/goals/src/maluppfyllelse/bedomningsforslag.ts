import {
  BEDOMNINGSNAMN,
  periodensSistaDag,
  uppfoljningensSistaDag,
  type Arsvarde,
  type Bedomning,
  type Bedomningsregler,
  type BedomningsforslagDto,
  type Kon,
  type NyckeltalRiktning,
  type Nyckeltalsforslag,
  type Period,
  type Uppfoljningstillfalle,
} from '@tertial/contracts/dto';

export interface NyckeltalUnderlag {
  readonly id: string;
  readonly namn: string;
  readonly enhet: string;
  readonly riktning: NyckeltalRiktning;
  readonly utgangsvarde: number | null;
  readonly malvarden: readonly Arsvarde[];
  readonly matvarden: readonly { period: Period; kon: Kon; varde: number | null; registreradAt: string }[];
}

export interface Forslagsunderlag {
  readonly professionellBedomning: boolean;
  /** The mål's nyckeltal, in its order. */
  readonly nyckeltal: readonly NyckeltalUnderlag[];
  readonly ar: number;
  readonly tillfalle: Uppfoljningstillfalle;
  /** When the previous follow-up was made (ISO): a value registered after it is new at this one. */
  readonly foregaendeUppfoljningAt: string;
  readonly regler: Bedomningsregler;
  readonly nu: Date;
}

/** Worst first: the order `samsta` picks from and `majoritet` breaks ties by. */
const RANG: Record<Exclude<Bedomning, 'ej-matt'>, number> = { 'ej-uppfyllt': 0, 'delvis-uppfyllt': 1, uppfyllt: 2 };

const tal = (varde: number) => varde.toLocaleString('sv-SE', { maximumFractionDigits: 2 });
const procent = (andel: number) => `${Math.round(andel * 100)} %`;

/** The target of the follow-up's year; where it has none, the latest before it, else the nearest after. */
export function malvardeFor(malvarden: readonly Arsvarde[], ar: number): Arsvarde | null {
  const sorterade = [...malvarden].sort((a, b) => a.ar - b.ar);
  return sorterade.filter((mal) => mal.ar <= ar).at(-1) ?? sorterade[0] ?? null;
}

/** One nyckeltal's proposal: its latest total value by the follow-up against the target, by the city's rules. */
export function bedomNyckeltal(
  nyckeltal: NyckeltalUnderlag,
  underlag: Pick<Forslagsunderlag, 'ar' | 'tillfalle' | 'foregaendeUppfoljningAt' | 'regler'> & { nu?: Date },
): Nyckeltalsforslag {
  const slut = uppfoljningensSistaDag(underlag.ar, underlag.tillfalle);
  // Only what was known when the proposal is made: a value registered later is not in it.
  const kand = underlag.nu?.toISOString() ?? '9999';
  const giltiga = nyckeltal.matvarden
    .filter((m) => m.kon === 'total' && m.varde !== null && periodensSistaDag(m.period) <= slut && m.registreradAt <= kand)
    .sort(
      (a, b) => periodensSistaDag(a.period).localeCompare(periodensSistaDag(b.period)) || a.registreradAt.localeCompare(b.registreradAt),
    );
  const senasteMatning = giltiga.at(-1);
  const senaste = senasteMatning ? { period: senasteMatning.period, varde: senasteMatning.varde! } : null;
  const mal = malvardeFor(nyckeltal.malvarden, underlag.ar);
  const bas = nyckeltal.utgangsvarde;
  const svar = (bedomning: Bedomning, forklaring: string, andelAvVagen: number | null = null): Nyckeltalsforslag => ({
    nyckeltal: nyckeltal.id,
    namn: nyckeltal.namn,
    bedomning,
    senaste,
    utgangsvarde: bas,
    malvarde: mal?.varde ?? null,
    andelAvVagen,
    forklaring: `${nyckeltal.namn}: ${forklaring}`,
  });

  if (!senaste) return svar('ej-matt', 'inget mätvärde för perioden fram till uppföljningen.');
  if (underlag.regler.ejMattUtanNyttVarde && !giltiga.some((m) => m.registreradAt > underlag.foregaendeUppfoljningAt))
    return svar('ej-matt', `inget nytt mätvärde sedan föregående uppföljning (senaste: ${tal(senaste.varde)} för ${senaste.period}).`);
  if (!mal) return svar('ej-matt', `${tal(senaste.varde)} för ${senaste.period}, men nyckeltalet har inget målvärde att jämföra med.`);

  const hogre = nyckeltal.riktning === 'hogre-ar-battre';
  const iMal = hogre ? senaste.varde >= mal.varde : senaste.varde <= mal.varde;
  const andel = bas === null || bas === mal.varde ? null : (senaste.varde - bas) / (mal.varde - bas);
  const lage = `${tal(senaste.varde)} ${nyckeltal.enhet} för ${senaste.period} mot målvärdet ${tal(mal.varde)} för ${mal.ar}`;
  if (iMal) return svar('uppfyllt', `${lage}: nått (${hogre ? 'högre' : 'lägre'} är bättre).`, andel);
  if (andel === null) return svar('ej-uppfyllt', `${lage}: inte nått, och utan utgångsvärde kan delvis inte bedömas.`);
  const grans = underlag.regler.delvisFranAndel;
  if (andel >= grans)
    return svar('delvis-uppfyllt', `${lage}: ${procent(andel)} av vägen från utgångsvärdet ${tal(bas!)}, minst ${procent(grans)}.`, andel);
  return svar(
    'ej-uppfyllt',
    `${lage}: ${procent(Math.max(andel, 0))} av vägen från utgångsvärdet ${tal(bas!)}, under ${procent(grans)}.`,
    andel,
  );
}

/** Combines the measured nyckeltal by the city's rule; none measured is ej mätt. */
export function sammanvag(
  bedomningar: readonly Bedomning[],
  regel: Bedomningsregler['sammanvagning'],
): { bedomning: Bedomning; forklaring: string } {
  const matta = bedomningar.filter((b): b is Exclude<Bedomning, 'ej-matt'> => b !== 'ej-matt');
  const ejMatta = bedomningar.length - matta.length;
  const utanfor = ejMatta > 0 ? ` (${ejMatta} ej mätt${ejMatta === 1 ? '' : 'a'} räknas inte)` : '';
  if (matta.length === 0)
    return { bedomning: 'ej-matt', forklaring: 'Inget av målets nyckeltal är mätt sedan föregående uppföljning: ej mätt.' };
  if (bedomningar.length === 1)
    return { bedomning: matta[0]!, forklaring: `Målet mäts med ett nyckeltal: ${BEDOMNINGSNAMN[matta[0]!].toLowerCase()}.` };
  if (regel === 'samsta') {
    const samsta = matta.reduce((a, b) => (RANG[b] < RANG[a] ? b : a));
    return {
      bedomning: samsta,
      forklaring: `Sammanvägning: det sämsta av ${matta.length} mätta nyckeltal${utanfor}: ${BEDOMNINGSNAMN[samsta].toLowerCase()}.`,
    };
  }
  const antal = new Map<Exclude<Bedomning, 'ej-matt'>, number>();
  for (const b of matta) antal.set(b, (antal.get(b) ?? 0) + 1);
  const [vinnare, flest] = [...antal].sort(([a, na], [b, nb]) => nb - na || RANG[a] - RANG[b])[0]!;
  const lika = [...antal.values()].filter((n) => n === flest).length > 1;
  return {
    bedomning: vinnare,
    forklaring:
      `Sammanvägning: majoriteten av ${matta.length} mätta nyckeltal${utanfor}: ${flest} av ${matta.length} ${BEDOMNINGSNAMN[vinnare].toLowerCase()}` +
      `${lika ? ' (lika många, det sämre gäller)' : ''}.`,
  };
}

/** The service's proposal for a mål at a follow-up, with every step said in `forklaring`. */
export function foreslaBedomning(underlag: Forslagsunderlag): BedomningsforslagDto {
  const gemensamt = { sammanvagning: underlag.regler.sammanvagning, regler: underlag.regler, beraknadAt: underlag.nu.toISOString() };
  if (underlag.professionellBedomning && underlag.nyckeltal.length === 0)
    return {
      ...gemensamt,
      bedomning: null,
      forklaring: 'Målet följs upp med professionell bedömning: förvaltningen bedömer måluppfyllelsen i sin analys, inget förslag ges.',
      perNyckeltal: [],
    };
  const perNyckeltal = underlag.nyckeltal.map((nyckeltal) => bedomNyckeltal(nyckeltal, underlag));
  const { bedomning, forklaring } = sammanvag(
    perNyckeltal.map((n) => n.bedomning),
    underlag.regler.sammanvagning,
  );
  return { ...gemensamt, bedomning, forklaring, perNyckeltal };
}
