/** A field the server named as wrong, as problem+json's `errors`: `rader[0].belopp`. */
export interface Faltfel {
  readonly field: string;
  readonly message: string;
}

/** A failed API call, with the title and detail of the RFC 9457 problem the services answer with when there is one. */
export class ApiFel extends Error {
  override readonly name = 'ApiFel';

  constructor(
    /** 0 when the server could not be reached at all. */
    readonly status: number,
    readonly titel: string,
    readonly detalj: string | undefined,
    /** The fields the problem names, to show each message beside its field. */
    readonly faltfel: readonly Faltfel[] = [],
  ) {
    super(detalj ? `${titel}: ${detalj}` : titel);
  }

  /** A 4xx will not get better by asking again. */
  get arKlientfel(): boolean {
    return this.status >= 400 && this.status < 500;
  }

  /** Signed in, but this user may not see it: shown as such rather than as an error. */
  get arNekad(): boolean {
    return this.status === 403;
  }
}
