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
}

/** org_unit is reference data without RLS: the whole active tree is read before any caller has a scope. */
@Injectable()
export class OrgUnitsRepository {
  constructor(private readonly dataSource: DataSource) {}

  activeUnits(): Promise<OrgUnitRow[]> {
    return sqlRows<OrgUnitRow>(
      this.dataSource,
      `select id, parent_id, kind, code, name, levels, ownership from org_unit where active`,
    );
  }
}
