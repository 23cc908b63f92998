import type { OrganisationNode } from '@tertial/contracts';

type Enhet = readonly [ansvar: string, namn: string, chef: string];
interface DemoNamnd {
  kod: string;
  namn: string;
  forvaltning: string;
  avdelningar: readonly { namn: string; enheter: readonly Enhet[] }[];
}

/**
 * A small slice of Helsingborgs stad: four nämnder with their förvaltning, a couple of avdelningar and a
 * dozen ansvar. The whole city (about 3,000 ansvar) comes with the demo-city generator.
 */
const DEMO_NAMNDER: readonly DemoNamnd[] = [
  {
    kod: 'KS',
    namn: 'Kommunstyrelsen',
    forvaltning: 'Stadsledningsförvaltningen',
    avdelningar: [
      { namn: 'Ekonomiavdelningen', enheter: [['11010', 'Redovisning', 'Karin Berg'], ['11020', 'Ekonomistyrning', 'Ahmed Hassan']] },
      { namn: 'HR-avdelningen', enheter: [['11110', 'Lön och pension', 'Sofia Lind']] },
    ],
  },
  {
    kod: 'SN',
    namn: 'Socialnämnden',
    forvaltning: 'Socialförvaltningen',
    avdelningar: [
      { namn: 'Barn och familj', enheter: [['41210', 'Familjehem', 'Maria Ek'], ['41230', 'Barn och unga öppenvård', 'Johan Nilsson']] },
      { namn: 'Vuxen', enheter: [['41310', 'Ekonomiskt bistånd', 'Fatima Ali'], ['41320', 'Beroendevård', 'Erik Holm']] },
    ],
  },
  {
    kod: 'VON',
    namn: 'Vård- och omsorgsnämnden',
    forvaltning: 'Vård- och omsorgsförvaltningen',
    avdelningar: [
      { namn: 'Hemtjänst', enheter: [['52110', 'Hemtjänst norr', 'Lena Svensson'], ['52120', 'Hemtjänst söder', 'Omar Khalil']] },
      { namn: 'Särskilt boende', enheter: [['52210', 'Ättekullagården', 'Anna Persson']] },
    ],
  },
  {
    kod: 'SFN',
    namn: 'Skol- och fritidsnämnden',
    forvaltning: 'Skol- och fritidsförvaltningen',
    avdelningar: [
      { namn: 'Grundskola', enheter: [['61110', 'Raus Planterings skola', 'Peter Olsson'], ['61120', 'Västra skolan', 'Emma Larsson']] },
      { namn: 'Fritid', enheter: [['61410', 'Fritidsgårdar', 'David Gustafsson']] },
    ],
  },
];

export const DEMO_STAD_KOD = '1283';

export function demoOrganisation(giltigFran = '2026-01-01'): OrganisationNode[] {
  const nodes: OrganisationNode[] = [
    { kod: DEMO_STAD_KOD, namn: 'Helsingborgs stad', niva: 'stad', foralderKod: null, chef: null, giltigFran },
  ];
  for (const namnd of DEMO_NAMNDER) {
    const forvaltningKod = `${namnd.kod}-F`;
    nodes.push(
      { kod: namnd.kod, namn: namnd.namn, niva: 'namnd', foralderKod: DEMO_STAD_KOD, chef: null, giltigFran },
      { kod: forvaltningKod, namn: namnd.forvaltning, niva: 'forvaltning', foralderKod: namnd.kod, chef: null, giltigFran },
    );
    namnd.avdelningar.forEach((avdelning, index) => {
      const avdelningKod = `${namnd.kod}-A${index + 1}`;
      nodes.push({ kod: avdelningKod, namn: avdelning.namn, niva: 'avdelning', foralderKod: forvaltningKod, chef: null, giltigFran });
      for (const [ansvar, namn, chef] of avdelning.enheter) {
        const anvandarId = chef.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, '.');
        nodes.push({ kod: ansvar, namn, niva: 'enhet', foralderKod: avdelningKod, chef: { anvandarId, namn: chef }, giltigFran });
      }
    });
  }
  return nodes;
}
