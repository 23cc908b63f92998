import { KONTOGRUPPER, type KontogruppKod } from '@tertial/contracts/kontogrupper';
import { namndSokare, type OrganisationNode } from '@tertial/contracts/organisation';

import { DEMO_KONTON, demoKontoplan, type DemoKonto } from './kontoplan.js';
import { DEMO_NAMNDER, type DemoNamnd } from './namnder.js';
import { anvandarId, EFTERNAMN, FLER_EFTERNAMN, FORNAMN, STADSDELAR } from './namn.js';
import { slump, type Slump } from './slump.js';

export const STAD_KOD = '1283';

export interface BudgetRad {
  readonly ansvar: string;
  readonly kontogrupp: KontogruppKod;
  /** Positive for both revenue and cost, in öre. */
  readonly beloppOre: number;
}

export interface UtfallRad {
  readonly ar: number;
  readonly manad: number;
  readonly ansvar: string;
  readonly konto: number;
  /** With the ledger's sign: revenue negative, cost positive. */
  readonly beloppOre: number;
}

export interface DemoInvestering {
  readonly id: string;
  readonly namnd: string;
  /** The ansvar (enhet) that owns the project and forecasts it with its helårsprognos. */
  readonly ansvar: string | null;
  readonly namn: string;
  readonly motiv: 'A' | 'E' | 'K' | 'L' | 'M' | 'U' | 'T' | null;
  readonly hallbarhet: { social: Bedomning; miljomassig: Bedomning; ekonomisk: Bedomning } | null;
  readonly ar: readonly { ar: number; budgetOre: number; utfallOre: number | null }[];
}
type Bedomning = 'positiv' | 'ingen' | 'negativ';

export interface DemoStad {
  readonly ar: number;
  readonly organisation: OrganisationNode[];
  readonly kontoplan: DemoKonto[];
  /** The nämnder's frames (net cost) in öre, as KF decided them. */
  readonly ramar: { namnd: string; nettoOre: number }[];
  /** The internbudget: every ansvar's budget per kontogrupp. */
  readonly internbudget: BudgetRad[];
  readonly investeringar: DemoInvestering[];
  /** Monthly utfall per ansvar and account, January up to and including `tillManad`. Generated on demand. */
  utfall(tillManad?: number): Generator<UtfallRad>;
}

const MANADSPROFIL_PERSONAL = [1, 0.97, 1.02, 1, 1.03, 1.12, 0.58, 0.93, 1.02, 1.04, 1.03, 1.26];
const KRONA = 100;

/**
 * A Helsingborg-sized municipality, the same for the same seed: about 15 nämnder, 3,000 ansvar and 700
 * chefer, a budget whose net cost is near 9.7 billion kronor, and monthly utfall with July's personnel costs
 * lower (holidays) and June's higher (holiday pay).
 */
export function demoStad({ seed = 1283, ar = 2026 }: { seed?: number; ar?: number } = {}): DemoStad {
  // The same city is asked for by several parts of a service at start; it is built once per seed and year.
  const key = `${seed}:${ar}`;
  const cached = STADER.get(key);
  if (cached) return cached;
  const stad = byggStad(seed, ar);
  STADER.set(key, stad);
  return stad;
}

const STADER = new Map<string, DemoStad>();

function byggStad(seed: number, ar: number): DemoStad {
  const random = slump(seed);
  // The city's organisation stood the year before too: the demo closes that year (see forra-aret.ts).
  const giltigFran = `${ar - 1}-01-01`;
  const organisation: OrganisationNode[] = [
    { kod: STAD_KOD, namn: 'Helsingborgs stad', niva: 'stad', foralderKod: null, chef: null, giltigFran },
  ];
  const internbudget: BudgetRad[] = [];
  const ramar: DemoStad['ramar'] = [];
  const chefer = new Set<string>();

  DEMO_NAMNDER.forEach((namnd, index) => {
    const prefix = 11 + index;
    const forvaltningKod = `${namnd.kod}-F`;
    organisation.push(
      { kod: namnd.kod, namn: namnd.namn, niva: 'namnd', foralderKod: STAD_KOD, chef: null, giltigFran },
      { kod: forvaltningKod, namn: namnd.forvaltning, niva: 'forvaltning', foralderKod: namnd.kod, chef: null, giltigFran },
    );
    const ansvarIN: string[] = [];
    namnd.avdelningar.forEach((avdelning, a) => {
      const avdelningKod = `${namnd.kod}-A${a + 1}`;
      organisation.push({
        kod: avdelningKod,
        namn: avdelning.namn,
        niva: 'avdelning',
        foralderKod: forvaltningKod,
        chef: null,
        giltigFran,
      });
      const antal = Math.max(1, Math.round(namnd.antalAnsvar * avdelning.andel));
      let chef = nyChef(random, chefer);
      let kvarForChef = random.heltal(2, 7);
      for (let e = 1; e <= antal; e += 1) {
        if (kvarForChef === 0) {
          chef = nyChef(random, chefer);
          kvarForChef = random.heltal(2, 7);
        }
        kvarForChef -= 1;
        const kod = `${prefix}${a + 1}${String(e).padStart(2, '0')}`;
        const stadsdel = STADSDELAR[(e - 1 + a * 7) % STADSDELAR.length]!;
        const varv = Math.floor((e - 1) / STADSDELAR.length);
        const namn = avdelning.enhet(stadsdel, e) + (varv > 0 ? ` ${varv + 1}` : '');
        organisation.push({ kod, namn, niva: 'enhet', foralderKod: avdelningKod, chef, giltigFran });
        ansvarIN.push(kod);
      }
    });
    const netto = namnd.nettoMnkr * 1_000_000 * KRONA;
    ramar.push({ namnd: namnd.kod, nettoOre: netto });
    internbudget.push(...fordelaBudget(random, namnd, ansvarIN, netto));
  });

  const investeringar = agare(demoInvesteringar(random, ar), organisation);
  return {
    ar,
    organisation,
    kontoplan: demoKontoplan(),
    ramar,
    internbudget,
    investeringar,
    utfall: (tillManad = 8) => demoUtfall(seed, ar, internbudget, tillManad),
  };
}

function nyChef(random: Slump, chefer: Set<string>): { anvandarId: string; namn: string } {
  const fornamn = random.valj(FORNAMN);
  const efternamn = random.valj(EFTERNAMN);
  let namn = `${fornamn} ${efternamn}`;
  // Taken: the same draw (so the rest of the city stays as it was) with a surname of its own, found in order
  // from a place that moves with the number of chefs, so that the second Ida is not always an Axelsson.
  for (let forsok = 0; chefer.has(namn); forsok += 1) {
    const annat = FLER_EFTERNAMN[(chefer.size + forsok) % FLER_EFTERNAMN.length]!;
    namn = forsok < FLER_EFTERNAMN.length ? `${fornamn} ${annat}` : `${fornamn} ${efternamn}-${annat}`;
  }
  chefer.add(namn);
  return { anvandarId: anvandarId(namn), namn };
}

/**
 * Splits a nämnd's net cost over its ansvar (uneven, as units are) and each ansvar's over the kontogrupper
 * of the nämnd's profile, in whole kronor; the last ansvar takes the rounding so the nämnd adds up exactly.
 */
function fordelaBudget(random: Slump, namnd: DemoNamnd, ansvar: readonly string[], nettoOre: number): BudgetRad[] {
  const vikter = ansvar.map(() => random.faktor(0.7));
  const summaVikt = vikter.reduce((sum, vikt) => sum + vikt, 0);
  const rader: BudgetRad[] = [];
  let kvar = nettoOre;
  ansvar.forEach((kod, i) => {
    const ansvarNetto = i === ansvar.length - 1 ? kvar : Math.round((nettoOre * vikter[i]!) / summaVikt / KRONA) * KRONA;
    kvar -= ansvarNetto;
    const intaktsandel = namnd.profil.intakterAvKostnader * random.faktor(0.5);
    const kostnader = Math.round(ansvarNetto / (1 - intaktsandel) / KRONA) * KRONA;
    const intakter = kostnader - ansvarNetto;
    rader.push({ ansvar: kod, kontogrupp: 'intakter', beloppOre: intakter });
    let kvarKostnad = kostnader;
    const grupper = Object.entries(namnd.profil.kostnader) as [KontogruppKod, number][];
    grupper.forEach(([kontogrupp, andel], g) => {
      const belopp = g === grupper.length - 1 ? kvarKostnad : Math.round((kostnader * andel) / KRONA) * KRONA;
      kvarKostnad -= belopp;
      rader.push({ ansvar: kod, kontogrupp, beloppOre: belopp });
    });
  });
  return rader;
}

/** Monthly utfall around the budget: a twelfth a month with each kontogrupp's seasonality and some noise, öre included. */
function* demoUtfall(seed: number, ar: number, internbudget: readonly BudgetRad[], tillManad: number): Generator<UtfallRad> {
  const random = slump(seed + 1);
  const typ = new Map(KONTOGRUPPER.map((grupp) => [grupp.kod, grupp.typ]));
  for (const rad of internbudget) {
    const konton = DEMO_KONTON[rad.kontogrupp] ?? [];
    const tecken = typ.get(rad.kontogrupp) === 'intakt' ? -1 : 1;
    for (const { konto, andel } of konton) {
      for (let manad = 1; manad <= tillManad; manad += 1) {
        const sasong = rad.kontogrupp === 'personalkostnader' ? MANADSPROFIL_PERSONAL[manad - 1]! : 1;
        const belopp = Math.round(((rad.beloppOre * andel) / 12) * sasong * random.faktor(0.08));
        if (belopp !== 0) yield { ar, manad, ansvar: rad.ansvar, konto, beloppOre: tecken * belopp };
      }
    }
  }
}

const MOTIV = ['A', 'E', 'K', 'L', 'M', 'U', 'T'] as const;
const BEDOMNINGAR = ['positiv', 'positiv', 'ingen', 'negativ'] as const;
const PROJEKTTYPER: Record<string, readonly string[]> = {
  SFN: ['Ny förskola', 'Om- och tillbyggnad', 'Skolgård', 'Inventarier'],
  BUN: ['Gymnasielokaler', 'Utrustning yrkesprogram'],
  VON: ['Nytt vård- och omsorgsboende', 'Välfärdsteknik', 'Gruppbostad'],
  SBN: ['Gata och bro', 'Cykelväg', 'Park', 'Kajrenovering'],
  FN: ['Energieffektivisering', 'Takbyte', 'Ventilation'],
  IFN: ['Idrottshall', 'Konstgräsplan', 'Badanläggning'],
  KN: ['Bibliotek', 'Konstinköp'],
  KS: ['Digital infrastruktur', 'Verksamhetssystem'],
};

/**
 * Gives every project an owning ansvar among its nämnd's enheter, chosen by its number (no draw from the seeded
 * sequence, so the rest of the demo city stays as it was).
 */
function agare(projekt: DemoInvestering[], organisation: readonly OrganisationNode[]): DemoInvestering[] {
  const namndFor = namndSokare(organisation);
  const enheter = new Map<string, string[]>();
  for (const nod of organisation) {
    if (nod.niva !== 'enhet') continue;
    const namnd = namndFor(nod.kod)?.kod;
    if (namnd) enheter.set(namnd, [...(enheter.get(namnd) ?? []), nod.kod]);
  }
  return projekt.map((p, index) => {
    const kandidater = enheter.get(p.namnd) ?? [];
    return { ...p, ansvar: kandidater.length > 0 ? kandidater[(index * 7) % kandidater.length]! : null };
  });
}

/** A seven-year plan: a handful of projects per nämnd, small and large, the large ones with motive and assessment. */
function demoInvesteringar(random: Slump, ar: number): DemoInvestering[] {
  const projekt: DemoInvestering[] = [];
  for (const [namnd, typer] of Object.entries(PROJEKTTYPER)) {
    const antal = random.heltal(3, 12);
    for (let p = 1; p <= antal; p += 1) {
      const totalMnkr = Math.round(Math.exp(random.next() * Math.log(250)) * 10) / 10;
      const total = Math.round(totalMnkr * 1_000_000) * KRONA;
      const start = ar + random.heltal(0, 3);
      const langd = random.heltal(1, Math.min(4, ar + 7 - start));
      const arsbelopp = Math.round(total / langd / KRONA) * KRONA;
      const arLista = Array.from({ length: langd }, (_, i) => ({
        ar: start + i,
        budgetOre: i === langd - 1 ? total - arsbelopp * (langd - 1) : arsbelopp,
        utfallOre: start + i === ar ? Math.round((arsbelopp * random.faktor(0.3) * 8) / 12 / KRONA) * KRONA : null,
      }));
      const plats = random.valj(STADSDELAR);
      projekt.push({
        id: `${namnd}-P${String(p).padStart(3, '0')}`,
        namnd,
        ansvar: null,
        namn: `${random.valj(typer)} ${plats}`,
        motiv: total > 3_000_000 * KRONA ? random.valj(MOTIV) : null,
        hallbarhet:
          total > 15_000_000 * KRONA
            ? { social: random.valj(BEDOMNINGAR), miljomassig: random.valj(BEDOMNINGAR), ekonomisk: random.valj(BEDOMNINGAR) }
            : null,
        ar: arLista,
      });
    }
  }
  return projekt;
}
