/** Helsingborg's districts and villages, for naming units the way the city does. */
export const STADSDELAR = [
  'Drottninghög', 'Dalhem', 'Husensjö', 'Råå', 'Rydebäck', 'Påarp', 'Mörarp', 'Ödåkra', 'Allerum', 'Hittarp',
  'Laröd', 'Tågaborg', 'Stattena', 'Eneborg', 'Fredriksdal', 'Gantofta', 'Kattarp', 'Hasslarp', 'Bårslöv',
  'Vallåkra', 'Välinge', 'Maria Park', 'Ringstorp', 'Adolfsberg', 'Närlunda', 'Berga', 'Planteringen',
  'Gustavslund', 'Miatorp', 'Wilson Park', 'Östra Ramlösa', 'Rosengården', 'Elineberg', 'Fältarp', 'Högasten',
  'Ättekulla', 'Söder', 'Norr', 'Centrum', 'Olympia', 'Slottshöjden', 'Pålsjö', 'Sofieberg', 'Väla', 'Kopparmölla',
] as const;

export const FORNAMN = [
  'Anna', 'Maria', 'Karin', 'Sara', 'Emma', 'Lena', 'Sofia', 'Fatima', 'Eva', 'Ida', 'Elin', 'Hanna', 'Amira',
  'Johan', 'Erik', 'Lars', 'Anders', 'Peter', 'Mikael', 'Ahmed', 'Omar', 'David', 'Daniel', 'Jonas', 'Magnus',
  'Fredrik', 'Nils', 'Oskar', 'Leila', 'Mona', 'Yusuf', 'Zeynep', 'Goran', 'Mirela', 'Katarina', 'Helena',
] as const;

export const EFTERNAMN = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
  'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Lindberg', 'Lind', 'Holm', 'Ek',
  'Berg', 'Hassan', 'Ali', 'Mohammed', 'Khalil', 'Yilmaz', 'Kovač', 'Novak', 'Sandberg', 'Lundqvist', 'Åkesson',
  'Mårtensson', 'Håkansson', 'Ström', 'Sjöberg', 'Wallin', 'Öberg',
] as const;

/** A user id from a name: lower case, without diacritics, dot between the parts. */
export function anvandarId(namn: string, lopnummer: number): string {
  const bas = namn.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]+/g, '.');
  return lopnummer > 0 ? `${bas}${lopnummer + 1}` : bas;
}
