import { Injectable } from '@nestjs/common';
import { OrgUnitKind, SchoolLevel, SchoolOwnership } from '@emis/domain';
import { sqlRows } from '@emis/api/platform';
import { DataSource } from 'typeorm';

/** A row of org_unit as the tree loads it. */
export interface OrgUnitRow {
  id: string;
  parent_id: string | null;
  kind: OrgUnitKind;
  code: string;
  name: string;
  levels: SchoolLevel[] | null;
  ownership: SchoolOwnership | null;
  /** False once the unit is closed: it stays in the tree, read-only. */
  active: boolean;
}

/**
 * org_unit is reference data without RLS: the whole tree is read before any caller has a scope. Closed units stay in
 * it (their data stays readable); each unit sits under the parent of the history period containing now(), which the
 * tenancy_org_unit view defines once for every reader.
 */
@Injectable()
export class OrgUnitsRepository {
  constructor(private readonly dataSource: DataSource) {}

  treeUnits(): Promise<OrgUnitRow[]> {
    return sqlRows<OrgUnitRow>(
      this.dataSource,
      `select id, parent_id, kind, code, name, levels, ownership, active from tenancy_org_unit`,
    );
  }
}
