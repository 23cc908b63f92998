import type { EntityManager } from '@mikro-orm/core';

import { BudgetversionRad } from './budget.entity.js';
import type { Budgetversion } from './budgetversioner.js';

/** Every decided budget version of a year, in the order they were decided. */
export async function beslutadeVersioner(em: EntityManager, ar: number): Promise<Budgetversion[]> {
  return (await em.find(BudgetversionRad, { ar }, { orderBy: { beslutad: 'asc', id: 'asc' } })).map((rad) => rad.version);
}
