import { Injectable } from '@nestjs/common';
import type { AssetLocation } from '@emis/contracts';
import { sqlExec, sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

interface LocationRow {
  id: string;
  building: string;
  room: string;
  asset_count: number;
}

/** A room with its count of assets; $1 is the school in every statement using it, and the count names it (docs/scaling.md). */
const SELECT = `select l.id, l.building, l.room,
    (select count(*)::int from asset a where a.school_id = $1 and a.location_id = l.id
        and a.status not in ('DISPOSED', 'TRANSFERRED')) as asset_count
  from asset_location l`;

/** The rooms of a school where its assets stand (table `asset_location`). */
@Injectable()
export class AssetLocationsRepository {
  async list(em: EntityManager, schoolId: string): Promise<AssetLocation[]> {
    const rows = await sqlRows<LocationRow>(
      em,
      `${SELECT} where l.school_id = $1 order by l.building collate "vi-x-icu", l.room collate "vi-x-icu", l.id`,
      [schoolId],
    );
    return rows.map(toLocation);
  }

  async find(em: EntityManager, schoolId: string, id: string, forUpdate = false): Promise<AssetLocation | undefined> {
    const row = await sqlRow<LocationRow>(
      em,
      `${SELECT} where l.school_id = $1 and l.id = $2 ${forUpdate ? 'for update of l' : ''}`,
      [schoolId, id],
    );
    return row ? toLocation(row) : undefined;
  }

  /** The room of the school with this building and room name, letter case aside ("Phòng 1" is "phòng 1"). */
  async holder(em: EntityManager, schoolId: string, building: string, room: string): Promise<string | undefined> {
    const row = await sqlRow<{ id: string }>(
      em,
      `select id from asset_location where school_id = $1 and lower(building) = lower($2) and lower(room) = lower($3)`,
      [schoolId, building, room],
    );
    return row?.id;
  }

  async insert(em: EntityManager, schoolId: string, building: string, room: string): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      em,
      `insert into asset_location (school_id, building, room) values ($1, $2, $3) returning id`,
      [schoolId, building, room],
    );
    if (!row) throw new Error(`insert: no id returned for room ${building} / ${room}`);
    return row.id;
  }

  async rename(em: EntityManager, schoolId: string, id: string, building: string, room: string): Promise<void> {
    await sqlExec(em, `update asset_location set building = $3, room = $4 where school_id = $1 and id = $2`, [
      schoolId,
      id,
      building,
      room,
    ]);
  }
}

function toLocation(r: LocationRow): AssetLocation {
  return { id: r.id, building: r.building, room: r.room, assetCount: r.asset_count };
}
