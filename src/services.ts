import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { Scope } from './auth/scope';
import type { Viewer } from './auth/viewer';
import { InstitutionService } from './modules/institution/institution.service';
import { PolicyService } from './modules/policy/policy.service';
import { ReferenceService } from './modules/region/reference.service';

/**
 * The services of one request, built on first use from the request's entity manager and viewer:
 * never a global data source, so a test can run them inside a transaction it rolls back.
 */
export class Services {
  private readonly built = new Map<string, unknown>();

  constructor(
    readonly manager: EntityManager,
    readonly viewer: Viewer | null,
    readonly scope: Scope,
    readonly log: Logger,
  ) {}

  private once<T>(name: string, make: () => T): T {
    let service = this.built.get(name) as T | undefined;
    if (service === undefined) {
      service = make();
      this.built.set(name, service);
    }
    return service;
  }

  get policy(): PolicyService {
    return this.once('policy', () => new PolicyService(this.manager));
  }

  get reference(): ReferenceService {
    return this.once('reference', () => new ReferenceService(this.manager, this.scope));
  }

  get institutions(): InstitutionService {
    return this.once('institutions', () => new InstitutionService(this.manager, this.scope));
  }
}
