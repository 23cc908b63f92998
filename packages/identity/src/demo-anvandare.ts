import type { Roll } from '@tertial/contracts/access';
import { demoBolag, demoStad } from '@tertial/demo-city';

/** A person who may sign in to the local demo provider. */
export interface DemoAnvandare {
  readonly id: string;
  readonly namn: string;
  readonly roll: Roll;
  /** The organisation node kods the person answers for (the token's `tertial_org`). */
  readonly org: readonly string[];
  /** Who this is, for the sign-in page: "Enhetschef, ansvar 16101–16107 i Socialnämnden". */
  readonly beskrivning: string;
}

interface Urval {
  /** The handful the sign-in page lists, one per role and level. */
  readonly utvalda: readonly DemoAnvandare[];
  /** Every user who may sign in: the handful and every chef of an ansvar in the demo city. */
  readonly alla: ReadonlyMap<string, DemoAnvandare>;
}

let urval: Urval | undefined;

/** The demo users listed on the sign-in page, derived from the demo city (the same every time). */
export function demoAnvandare(): readonly DemoAnvandare[] {
  return byggUrval().utvalda;
}

/**
 * A demo user by id: one of the listed handful, or any chef of an ansvar in the demo city (role chef, org
 * their ansvar), so that scripts can act as each ansvar's own chef.
 */
export function hittaDemoAnvandare(id: string): DemoAnvandare | undefined {
  return byggUrval().alla.get(id);
}

/** Every demo user who may sign in, the listed handful first. */
export function allaDemoAnvandare(): readonly DemoAnvandare[] {
  return [...byggUrval().alla.values()];
}

/** The chef of an ansvar in the demo city (their user id), or undefined for an unknown ansvar. */
export function demoChefFor(ansvar: string): string | undefined {
  return demoStad().organisation.find((node) => node.kod === ansvar && node.niva === 'enhet')?.chef?.anvandarId;
}

function byggUrval(): Urval {
  if (urval) return urval;
  const organisation = demoStad().organisation;
  const noder = new Map(organisation.map((node) => [node.kod, node]));
  const namndFor = (kod: string) => {
    let node = noder.get(kod);
    while (node && node.niva !== 'namnd') node = node.foralderKod ? noder.get(node.foralderKod) : undefined;
    if (!node) throw new Error(`the demo city has no nämnd above ${kod}`);
    return node;
  };
  const forvaltningI = (namnd: string) => {
    const node = organisation.find((kandidat) => kandidat.niva === 'forvaltning' && kandidat.foralderKod === namnd);
    if (!node) throw new Error(`the demo city has no förvaltning under ${namnd}`);
    return node;
  };

  // Every chef of an ansvar, with all the ansvar they head, in the organisation's order.
  const chefer = new Map<string, { namn: string; ansvar: string[] }>();
  for (const node of organisation) {
    if (node.niva !== 'enhet' || !node.chef) continue;
    const chef = chefer.get(node.chef.anvandarId) ?? { namn: node.chef.namn, ansvar: [] };
    chef.ansvar.push(node.kod);
    chefer.set(node.chef.anvandarId, chef);
  }
  const enhetschef = (id: string, chef: { namn: string; ansvar: string[] }): DemoAnvandare => ({
    id,
    namn: chef.namn,
    roll: 'chef',
    org: chef.ansvar,
    beskrivning: `Enhetschef, ${ansvarText(chef.ansvar)} i ${namndFor(chef.ansvar[0]!).namn}`,
  });
  const forstaChefenI = (namnd: string) => {
    const hittad = [...chefer].find(([, chef]) => namndFor(chef.ansvar[0]!).kod === namnd);
    if (!hittad) throw new Error(`the demo city has no chef in ${namnd}`);
    return enhetschef(...hittad);
  };

  const sn = forvaltningI('SN');
  const von = forvaltningI('VON');
  const snAvdelning = organisation.find((node) => node.niva === 'avdelning' && node.foralderKod === sn.kod);
  if (!snAvdelning) throw new Error(`the demo city has no avdelning under ${sn.kod}`);
  const namn = (kod: string) => noder.get(kod)?.namn ?? kod;

  const utvalda: DemoAnvandare[] = [
    { id: 'ekonomidirektor', namn: 'Margareta Holm', roll: 'ekonomidirektor', org: [], beskrivning: 'Ekonomidirektör, hela staden' },
    {
      id: 'kf-ledamot',
      namn: 'Per Åkesson',
      roll: 'fullmaktige',
      org: [],
      beskrivning: 'Ledamot i kommunfullmäktige, tar emot rapporterna',
    },
    {
      id: 'revisor',
      namn: 'Karin Ek',
      roll: 'stadsrevisionen',
      org: [],
      beskrivning: 'Stadsrevisionen, granskar delårsrapport augusti och årsredovisningen',
    },
    { id: 'processledare-sn', namn: 'Sara Lindqvist', roll: 'processledare', org: ['SN'], beskrivning: `Processledare för ${namn('SN')}` },
    { id: 'ekonom-sn', namn: 'Johan Berglund', roll: 'forvaltningsekonom', org: [sn.kod], beskrivning: `Förvaltningsekonom, ${sn.namn}` },
    { id: 'ekonom-von', namn: 'Amira Haddad', roll: 'forvaltningsekonom', org: [von.kod], beskrivning: `Förvaltningsekonom, ${von.namn}` },
    { id: 'forvaltningschef-sn', namn: 'Helena Forsberg', roll: 'chef', org: [sn.kod], beskrivning: `Förvaltningschef, ${sn.namn}` },
    {
      id: 'avdelningschef-sn',
      namn: 'Tomas Ekström',
      roll: 'chef',
      org: [snAvdelning.kod],
      beskrivning: `Avdelningschef, ${snAvdelning.namn} i ${namn('SN')}`,
    },
    forstaChefenI('SN'),
    forstaChefenI('VON'),
    // Each wholly owned company's ekonomichef: its budget and forecasts, and that company's only.
    ...demoBolag().map((bolag): DemoAnvandare => ({
      id: bolag.ekonomichef.id,
      namn: bolag.ekonomichef.namn,
      roll: 'bolagsekonom',
      org: [bolag.kod],
      beskrivning: `Ekonomichef, ${bolag.namn}`,
    })),
  ];
  const alla = new Map<string, DemoAnvandare>(utvalda.map((anvandare) => [anvandare.id, anvandare]));
  for (const [id, chef] of chefer) if (!alla.has(id)) alla.set(id, enhetschef(id, chef));
  urval = { utvalda, alla };
  return urval;
}

/** "ansvar 16101", "ansvar 16101 och 16102", "7 ansvar (16101–16107)". */
function ansvarText(ansvar: readonly string[]): string {
  if (ansvar.length === 1) return `ansvar ${ansvar[0]}`;
  if (ansvar.length === 2) return `ansvar ${ansvar[0]} och ${ansvar[1]}`;
  return `${ansvar.length} ansvar (${ansvar[0]}–${ansvar.at(-1)})`;
}
