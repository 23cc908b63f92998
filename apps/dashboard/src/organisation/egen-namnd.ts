import { namndSokare, type OrganisationNode } from '@tertial/contracts/organisation';

/**
 * The nämnd of the organisation nodes a person answers for (a förvaltningsekonom's förvaltning, whose parent is
 * the nämnd; a processledare's nämnd itself): the first one found. Undefined for those who answer for none.
 */
export function egenNamnd(noder: readonly OrganisationNode[], organisation: readonly string[]): string | undefined {
  const sok = namndSokare(noder);
  for (const kod of organisation) {
    const namnd = sok(kod);
    if (namnd) return namnd.kod;
  }
  return undefined;
}
