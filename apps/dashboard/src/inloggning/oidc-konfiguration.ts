import { TERTIAL_SCOPE } from '@tertial/contracts/access';
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

export type Oidc = z.infer<typeof konfigurationSchema>['oidc'];

export class InloggningsFel extends Error {
  override readonly name = 'InloggningsFel';
}

export function tolkaKonfiguration(body: unknown): Oidc {
  const resultat = konfigurationSchema.safeParse(body);
  if (!resultat.success)
    throw new InloggningsFel('Inloggningen är inte konfigurerad: /konfiguration.json saknar oidc.issuer eller oidc.clientId.');
  return resultat.data.oidc;
}

/** The configuration, fetched once per page load. */
export async function hamtaKonfiguration(): Promise<Oidc> {
  let svar: Response;
  try {
    svar = await fetch('/konfiguration.json', { headers: { accept: 'application/json' } });
  } catch {
    throw new InloggningsFel('Tertials konfiguration svarar inte. Kontrollera nätverket och försök igen.');
  }
  if (!svar.ok) throw new InloggningsFel(`Tertials konfiguration svarade med status ${svar.status}.`);
  return tolkaKonfiguration(await svar.json().catch(() => undefined));
}
