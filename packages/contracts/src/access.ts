/**
 * Who may do what: the roles of the city's identity provider and the claims a Tertial access token carries.
 * Services trust only a signed token from the configured issuer; these names are the contract with it.
 */
export const ROLLER = [
  'chef',
  'forvaltningsekonom',
  'processledare',
  'ekonomidirektor',
  'fullmaktige',
  'stadsrevisionen',
  'bolagsekonom',
] as const;
export type Roll = (typeof ROLLER)[number];

/** Swedish names for screens and messages. */
export const ROLLNAMN: Record<Roll, string> = {
  chef: 'Chef',
  forvaltningsekonom: 'Förvaltningsekonom',
  processledare: 'Processledare',
  ekonomidirektor: 'Ekonomidirektör',
  fullmaktige: 'Ledamot i kommunfullmäktige',
  stadsrevisionen: 'Stadsrevisionen',
  bolagsekonom: 'Ekonomichef i bolag',
};

/** The access token's claims (besides iss, sub, aud, exp): names configurable per city, these are the defaults. */
export const TOKEN_CLAIMS = {
  /** Array of roles, each one of ROLLER. */
  roller: 'roles',
  /**
   * Array of organisation node kods the person answers for: a chef's ansvar (or avdelning, förvaltning), a
   * förvaltningsekonom's förvaltning, a processledare's nämnd, a bolagsekonom's (the company's ekonomichef's) bolag. Empty for the ekonomidirektör and council members.
   */
  organisation: 'tertial_org',
  /** Display name. */
  namn: 'name',
} as const;

/** The audience (resource indicator) of Tertial's API in the access token's `aud`. */
export const TERTIAL_API_AUDIENCE = 'urn:tertial:api';
/** Scopes the dashboard and the command line ask for. */
export const TERTIAL_SCOPE = 'openid profile tertial';
/** OAuth client ids registered with the identity provider. */
export const DASHBOARD_CLIENT_ID = 'tertial-dashboard';
export const CLI_CLIENT_ID = 'tertial-cli';
