import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiResponse } from '@nestjs/swagger';
import type { Roll } from '@tertial/contracts/access';

import { PROBLEM_RESPONSE } from '../http/openapi.js';

export const ATKOMST_METADATA = 'tertial:atkomst';

/** An endpoint's access rule: open to anyone (health, the API description) or to the roles it names. */
export type Atkomstregel = { readonly offentlig: true } | { readonly offentlig: false; readonly roller: readonly Roll[] };

/** The OpenAPI extension that publishes each operation's rule; the access-matrix test reads it. */
export const ATKOMST_EXTENSION = 'x-tertial-atkomst';

/**
 * The roles that may call an endpoint. Every endpoint needs a rule: one without is refused to everyone
 * (deny by default). Which data within the role's scope it may touch is checked by the handler.
 */
export function Atkomst(...roller: Roll[]) {
  const regel: Atkomstregel = { offentlig: false, roller };
  return applyDecorators(
    SetMetadata(ATKOMST_METADATA, regel),
    ApiExtension(ATKOMST_EXTENSION, { roller }),
    ApiBearerAuth(),
    ApiResponse({ status: 401, ...PROBLEM_RESPONSE, description: 'Inte inloggad' }),
    ApiResponse({ status: 403, ...PROBLEM_RESPONSE, description: 'Saknar behörighet' }),
  );
}

/** An endpoint anyone may call without signing in. */
export function Offentlig() {
  const regel: Atkomstregel = { offentlig: true };
  return applyDecorators(SetMetadata(ATKOMST_METADATA, regel), ApiExtension(ATKOMST_EXTENSION, { offentlig: true }));
}

/** Everyone who works in the city's organisation (not the council's members, who see fixed reports only). */
export const MEDARBETARE: readonly Roll[] = ['chef', 'forvaltningsekonom', 'processledare', 'ekonomidirektor'];
