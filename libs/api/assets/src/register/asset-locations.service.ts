import { Injectable, NotFoundException } from '@nestjs/common';
import type { AssetLocation, AssetLocationInput } from '@emis/contracts';
import { AuditService } from '@emis/api/audit';
import { assertInScope, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { AssetLocationsRepository } from './asset-locations.repository';

/** The rooms of a school where assets stand: listed, added, renamed (a room with assets is never deleted). */
@Injectable()
export class AssetLocationsService {
  constructor(
    private readonly locations: AssetLocationsRepository,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(scope: Scope, schoolId: string): Promise<AssetLocation[]> {
    assertInScope(scope, schoolId);
    return this.db.run((em) => this.locations.list(em, schoolId));
  }

  async create(scope: Scope, schoolId: string, input: AssetLocationInput): Promise<AssetLocation> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      await this.assertFree(em, schoolId, input, null);
      const id = await this.locations.insert(em, schoolId, input.building, input.room);
      const after = await this.load(em, schoolId, id);
      await this.audit.record(em, { schoolId, entity: 'asset_location', entityId: id, action: 'CREATE', after });
      return after;
    });
  }

  async rename(scope: Scope, schoolId: string, id: string, input: AssetLocationInput): Promise<AssetLocation> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.locations.find(em, schoolId, id, true);
      if (!before) throw new NotFoundException();
      await this.assertFree(em, schoolId, input, id);
      await this.locations.rename(em, schoolId, id, input.building, input.room);
      const after = await this.load(em, schoolId, id);
      await this.audit.record(em, {
        schoolId,
        entity: 'asset_location',
        entityId: id,
        action: 'UPDATE',
        before,
        after,
      });
      return after;
    });
  }

  private async load(em: EntityManager, schoolId: string, id: string): Promise<AssetLocation> {
    const location = await this.locations.find(em, schoolId, id);
    if (!location) throw new NotFoundException();
    return location;
  }

  /** One room of a name per building in a school: a second "Phòng Tin học 1" in "Nhà A" is a field error. */
  private async assertFree(
    em: EntityManager,
    schoolId: string,
    input: AssetLocationInput,
    selfId: string | null,
  ): Promise<void> {
    const holder = await this.locations.holder(em, schoolId, input.building, input.room);
    if (holder && holder !== selfId)
      throw new ValidationProblem([{ field: 'room', rule: 'assetLocationTaken', args: [input.room, input.building] }]);
  }
}
