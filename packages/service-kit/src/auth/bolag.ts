import { ingenBehorighet } from './auth.guard.js';
import { harRoll, type Principal } from './principal.js';

/**
 * Whether the person answers for a wholly owned company's figures: the ekonomidirektör for every company, a
 * company's ekonomichef (role bolagsekonom) for the company their sign-in names, and nobody else.
 */
export function arBolagetsEkonom(principal: Principal, bolag: string): boolean {
  return harRoll(principal, 'ekonomidirektor') || (harRoll(principal, 'bolagsekonom') && principal.org.includes(bolag));
}

/** Refuses (403, as anything else refused) unless the person answers for the company. */
export function kravBolag(principal: Principal, bolag: string): void {
  if (!arBolagetsEkonom(principal, bolag)) throw ingenBehorighet();
}
