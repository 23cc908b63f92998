import type { SkapaMalRequest } from '@tertial/contracts/dto';

/** Demo mål for the demo organisation's nämnder, in the spirit of Helsingborg's own. */
export const DEMO_MAL: readonly SkapaMalRequest[] = [
  {
    namnd: 'KS',
    ar: 2026,
    text: 'Helsingborg har en ekonomi i balans med ett resultat om minst två procent av skatteintäkterna.',
    nyckeltal: { namn: 'Resultat i procent av skatteintäkter', enhet: '%', utgangsvarde: 1.4, malvarde: 2, riktning: 'hogre-ar-battre' },
  },
  {
    namnd: 'SN',
    ar: 2026,
    text: 'Fler barn och unga får tidigt stöd i sin vardag.',
    nyckeltal: { namn: 'Andel insatser i öppenvård', enhet: '%', utgangsvarde: 71, malvarde: 80, riktning: 'hogre-ar-battre' },
  },
  {
    namnd: 'SN',
    ar: 2026,
    text: 'Fler helsingborgare går från ekonomiskt bistånd till egen försörjning.',
    nyckeltal: {
      namn: 'Hushåll med långvarigt ekonomiskt bistånd',
      enhet: 'st',
      utgangsvarde: 1240,
      malvarde: 1100,
      riktning: 'lagre-ar-battre',
    },
  },
  {
    namnd: 'VON',
    ar: 2026,
    text: 'Äldre känner sig trygga med hemtjänsten.',
    nyckeltal: {
      namn: 'Andel brukare som är trygga med hemtjänsten',
      enhet: '%',
      utgangsvarde: 84,
      malvarde: 90,
      riktning: 'hogre-ar-battre',
    },
  },
  {
    namnd: 'SFN',
    ar: 2026,
    text: 'Alla elever når kunskapskraven i grundskolan.',
    nyckeltal: { namn: 'Andel elever behöriga till gymnasiet', enhet: '%', utgangsvarde: 83.5, malvarde: 88, riktning: 'hogre-ar-battre' },
  },
];
