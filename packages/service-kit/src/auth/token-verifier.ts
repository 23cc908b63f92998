import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

import { SERVICE_CONFIG } from '../config/config.module.js';
import type { ServiceConfig } from '../config/service-config.js';
import { ProblemException } from '../http/problem.js';
import { principalFranClaims, type Principal } from './principal.js';

/** How many verified tokens are kept (the people signed in at once, with room). */
const VERIFIERADE_MAX = 10_000;

/**
 * Verifies access tokens against the keys the configured identity provider publishes (found through its
 * discovery document, fetched once and cached by jose, refetched when a token names an unknown key).
 */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger(TokenVerifier.name);
  private jwks: Promise<JWTVerifyGetKey> | undefined;
  /**
   * Tokens already verified, until they expire: a person sends the same token with every request for its lifetime,
   * and checking its signature each time was a twentieth of a forecast save's CPU. A token is the same bytes until
   * it expires, so its answer is too (a key the provider withdraws meanwhile stops new tokens, not these).
   */
  private readonly verifierade = new Map<string, Principal>();

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  async verifiera(token: string): Promise<Principal> {
    const kand = this.verifierade.get(token);
    if (kand && kand.utgarMs > Date.now()) return kand;
    if (kand) this.verifierade.delete(token);
    const principal = await this.verifieraSignatur(token);
    if (this.verifierade.size >= VERIFIERADE_MAX) {
      const nu = Date.now();
      for (const [gammal, vem] of this.verifierade) if (vem.utgarMs <= nu) this.verifierade.delete(gammal);
      if (this.verifierade.size >= VERIFIERADE_MAX) this.verifierade.delete(this.verifierade.keys().next().value!);
    }
    this.verifierade.set(token, principal);
    return principal;
  }

  private async verifieraSignatur(token: string): Promise<Principal> {
    const { auth } = this.config;
    const keys = await this.nycklar();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: auth.issuer,
        audience: auth.audience,
        algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
        clockTolerance: 30,
        requiredClaims: ['exp', 'sub'],
        // An access token, not an ID token that happens to name the API as audience (RFC 9068: typ at+jwt).
        ...(auth.tokenTyp ? { typ: auth.tokenTyp } : {}),
      });
      if (payload.nonce !== undefined)
        throw new errors.JWTClaimValidationFailed('ett ID-token är ingen åtkomsttoken', payload, 'nonce', 'check_failed');
      const principal = principalFranClaims(payload, auth.claims);
      if (!principal.id) throw new errors.JWTClaimValidationFailed('sub saknas', payload, 'sub', 'missing');
      return principal;
    } catch (error) {
      if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout)) {
        throw new ProblemException(401, 'Inte inloggad', 'Åtkomsttoken är ogiltig eller har gått ut. Logga in igen.');
      }
      throw this.leverantorSvararInte(error);
    }
  }

  private nycklar(): Promise<JWTVerifyGetKey> {
    this.jwks ??= (async () => {
      const url = `${this.config.auth.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (!response.ok) throw new Error(`${url} svarade ${response.status}`);
      const discovery = (await response.json()) as { issuer?: string; jwks_uri?: string };
      if (discovery.issuer !== this.config.auth.issuer)
        throw new Error(`utgivaren i ${url} är ${discovery.issuer}, inte ${this.config.auth.issuer}`);
      if (!discovery.jwks_uri) throw new Error(`${url} saknar jwks_uri`);
      // The keys come from the issuer's own origin, never from wherever a discovery document points.
      if (new URL(discovery.jwks_uri).origin !== new URL(this.config.auth.issuer).origin)
        throw new Error(`jwks_uri ${discovery.jwks_uri} ligger inte hos utgivaren`);
      return createRemoteJWKSet(new URL(discovery.jwks_uri), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
    })();
    return this.jwks.catch((error: unknown) => {
      this.jwks = undefined;
      throw this.leverantorSvararInte(error);
    });
  }

  private leverantorSvararInte(error: unknown): ProblemException {
    if (error instanceof ProblemException) return error;
    this.logger.warn(`inloggningstjänsten svarar inte: ${error instanceof Error ? error.message : String(error)}`);
    return new ProblemException(
      503,
      'Inloggningstjänsten svarar inte',
      'Det gick inte att kontrollera inloggningen just nu. Försök igen om en stund.',
    );
  }
}
