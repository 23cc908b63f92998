import { ingenBehorighet } from '../auth/auth.guard.js';
import { ProblemException, type FieldError } from './problem.js';

/**
 * Why a domain rule refuses a step, as the problem the service answers with. The rules are plain functions
 * that return one (or null); the service throws it with `avvisa` or `avvisaVid`. 403 is the one refusal that names
 * nothing (no field, no detail), so a person cannot tell "not yours" from "does not exist".
 */
export type Hinder =
  | { readonly status: 403 }
  | { readonly status: 400 | 404 | 409 | 422; readonly title: string; readonly detail: string; readonly fel: readonly FieldError[] };

/** What a rule that lets a step through on something it was given returns: that thing, or why not. */
export type Provat<T> = { readonly ok: true; readonly varde: T } | { readonly ok: false; readonly hinder: Hinder };

/** Throws the problem a rule found. */
export function avvisa(hinder: Hinder): never {
  if (hinder.status === 403) throw ingenBehorighet();
  throw new ProblemException(hinder.status, hinder.title, hinder.detail, hinder.fel);
}

/** Throws the problem a rule found, if it found one. */
export function avvisaVid(hinder: Hinder | null): void {
  if (hinder) avvisa(hinder);
}
