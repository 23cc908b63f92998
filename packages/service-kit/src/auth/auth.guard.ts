import { createParamDecorator, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';

import { ProblemException } from '../http/problem.js';
import { ATKOMST_METADATA, type Atkomstregel } from './atkomst.js';
import { harRoll, type Principal } from './principal.js';
import { TokenVerifier } from './token-verifier.js';

type MedPrincipal = Request & { principal?: Principal };

/** The same answer for every refusal, so that a refusal says nothing about whether the thing exists. */
export function ingenBehorighet(): ProblemException {
  return new ProblemException(403, 'Saknar behörighet', 'Du har inte behörighet till det här.');
}

/**
 * Every HTTP request passes here: a public endpoint goes through; anything else needs a valid bearer token
 * (401 otherwise) and a rule naming one of the person's roles (403 otherwise, also when the endpoint has no
 * rule at all). Kafka handlers are not HTTP and are not checked here.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const regel = this.reflector.getAllAndOverride<Atkomstregel | undefined>(ATKOMST_METADATA, [context.getHandler(), context.getClass()]);
    if (regel?.offentlig) return true;
    const request = context.switchToHttp().getRequest<MedPrincipal>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)$/i.exec(header);
    if (!match) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
      throw new ProblemException(401, 'Inte inloggad', 'Logga in för att använda Tertial (Authorization: Bearer <åtkomsttoken>).');
    }
    try {
      request.principal = await this.verifier.verifiera(match[1]!);
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() === 401) {
        context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      }
      throw error;
    }
    if (!regel || !harRoll(request.principal, ...regel.roller)) throw ingenBehorighet();
    return true;
  }
}

/** The signed-in person of the request (set by the AuthGuard). */
export const Anvandare = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<MedPrincipal>().principal;
  if (!principal) throw ingenBehorighet();
  return principal;
});
