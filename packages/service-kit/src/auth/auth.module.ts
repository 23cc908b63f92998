import { Global, Inject, Injectable, Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { OrganisationNode } from '@tertial/contracts/organisation';

import { OrganisationReplicaModule } from '../organisation-replica/organisation-replica.module.js';
import { OrganisationReplica } from '../organisation-replica/organisation-replica.service.js';
import { AuthGuard } from './auth.guard.js';
import { OmfangService, ORGANISATION_KALLA, type OrganisationKalla } from './omfang.service.js';
import { TokenVerifier } from './token-verifier.js';

/** The organisation as a service that follows the budget service's events has it: its replica. */
@Injectable()
export class ReplikaKalla implements OrganisationKalla {
  constructor(@Inject(OrganisationReplica) private readonly replica: OrganisationReplica) {}

  get andrad$() {
    return this.replica.changed$.asObservable();
  }

  noder(): Promise<OrganisationNode[]> {
    return this.replica.allNodes();
  }
}

export interface AuthOptions {
  /** Where the scope reads the organisation; the replica unless the service owns the tree itself. */
  readonly kalla?: Type<OrganisationKalla>;
  /** Modules the `kalla` needs. */
  readonly imports?: ModuleMetadata['imports'];
}

/** Sign-in and access for a service: the guard on every route, token verification, and each request's scope. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions = {}): DynamicModule {
    return {
      module: AuthModule,
      imports: options.kalla ? (options.imports ?? []) : [OrganisationReplicaModule],
      providers: [
        TokenVerifier,
        OmfangService,
        { provide: ORGANISATION_KALLA, useClass: options.kalla ?? ReplikaKalla },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier, OmfangService],
    };
  }
}
