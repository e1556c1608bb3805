import { Injectable } from '@nestjs/common';
import { sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** What a label prints of an asset. */
export interface LabelAsset {
  id: string;
  code: string;
  name: string;
  inUseYear: number;
}

@Injectable()
export class AssetLabelsRepository {
  /** The school's assets among `ids`, in code order (an id of another school finds nothing: RLS and the school key). */
  async assets(em: EntityManager, schoolId: string, ids: string[]): Promise<LabelAsset[]> {
    const rows = await sqlRows<{ id: string; code: string; name: string; in_use_year: number }>(
      em,
      `select id, code, name, extract(year from in_use_on)::int as in_use_year
         from asset where school_id = $1 and id = any($2::uuid[]) order by code`,
      [schoolId, ids],
    );
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, inUseYear: r.in_use_year }));
  }
}
