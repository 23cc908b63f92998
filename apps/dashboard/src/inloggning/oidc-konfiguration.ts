import { TERTIAL_SCOPE } from '@tertial/contracts';
import { z } from 'zod';

/** GET /konfiguration.json: which identity provider the city uses, served by the gateway so one build fits every city. */
const konfigurationSchema = z.object({
  oidc: z.object({
    issuer: z.string().min(1),
    clientId: z.string().min(1),
    scope: z.string().min(1).default(TERTIAL_SCOPE),
    /** The resource indicator (RFC 8707) of Tertial's API, for providers that need one to issue a JWT for it. */
    resource: z.string().min(1).optional(),
  }),
});

/** The parts of the provider's discovery document (OpenID Connect Discovery 1.0) the dashboard uses. */
const upptackSchema = z.object({
  issuer: z.string().min(1),
  authorization_endpoint: z.string().min(1),
  token_endpoint: z.string().min(1),
  end_session_endpoint: z.string().min(1).optional(),
  authorization_response_iss_parameter_supported: z.boolean().optional(),
});

export interface Oidc {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
  readonly resource: string | undefined;
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly endSessionEndpoint: string | undefined;
  /** The provider names itself (`iss`) in every answer at the redirect URI (RFC 9207): then an answer without it is refused. */
  readonly issIAterkomst?: boolean;
}

export class InloggningsFel extends Error {
  override readonly name = 'InloggningsFel';
}

const utanSnedstreck = (url: string) => url.replace(/\/+$/, '');

export function upptacktsUrl(issuer: string): string {
  return `${utanSnedstreck(issuer)}/.well-known/openid-configuration`;
}

export function tolkaKonfiguration(body: unknown): z.infer<typeof konfigurationSchema>['oidc'] {
  const resultat = konfigurationSchema.safeParse(body);
  if (!resultat.success)
    throw new InloggningsFel('Inloggningen är inte konfigurerad: /konfiguration.json saknar oidc.issuer eller oidc.clientId.');
  return resultat.data.oidc;
}

/** Joins the configuration and the discovery document, which must name the same issuer (Discovery §4.3). */
export function tolkaUpptackt(konfiguration: ReturnType<typeof tolkaKonfiguration>, body: unknown): Oidc {
  const resultat = upptackSchema.safeParse(body);
  if (!resultat.success)
    throw new InloggningsFel('Identitetsleverantörens beskrivning saknar authorization_endpoint eller token_endpoint.');
  const upptackt = resultat.data;
  if (utanSnedstreck(upptackt.issuer) !== utanSnedstreck(konfiguration.issuer)) {
    throw new InloggningsFel(
      `Identitetsleverantören kallar sig ${upptackt.issuer}, men Tertial är konfigurerat för ${konfiguration.issuer}.`,
    );
  }
  return {
    issuer: upptackt.issuer,
    clientId: konfiguration.clientId,
    scope: konfiguration.scope,
    resource: konfiguration.resource,
    authorizationEndpoint: upptackt.authorization_endpoint,
    tokenEndpoint: upptackt.token_endpoint,
    endSessionEndpoint: upptackt.end_session_endpoint,
    issIAterkomst: upptackt.authorization_response_iss_parameter_supported === true,
  };
}

async function hamta(url: string, vad: string): Promise<unknown> {
  let svar: Response;
  try {
    svar = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new InloggningsFel(`${vad} svarar inte. Kontrollera nätverket och försök igen.`);
  }
  if (!svar.ok) throw new InloggningsFel(`${vad} svarade med status ${svar.status}.`);
  return svar.json().catch(() => undefined);
}

let laddas: Promise<Oidc> | undefined;

/** The configuration and the provider's endpoints, fetched once per page load; a failure is asked again next time. */
export function hamtaOidc(): Promise<Oidc> {
  laddas ??= (async () => {
    const konfiguration = tolkaKonfiguration(await hamta('/konfiguration.json', 'Tertials konfiguration'));
    return tolkaUpptackt(konfiguration, await hamta(upptacktsUrl(konfiguration.issuer), 'Identitetsleverantören'));
  })();
  laddas.catch(() => {
    laddas = undefined;
  });
  return laddas;
}
