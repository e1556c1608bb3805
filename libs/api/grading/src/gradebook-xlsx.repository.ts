import { Injectable } from '@nestjs/common';
import { sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** The school's name and the name of the first department above it, or null where the tree has none. */
interface TitleNamesRow {
  school: string | null;
  department: string | null;
}

/** The names the sổ điểm's title block prints: the school and the department (Sở) at the root of its tree. */
@Injectable()
export class GradebookXlsxRepository {
  async titleNames(
    em: EntityManager,
    schoolId: string,
  ): Promise<{ schoolName: string; departmentName: string | null }> {
    const r = await sqlRow<TitleNamesRow>(
      em,
      `with recursive up as (
         select id, parent_id, kind, name, 0 as depth from tenancy_org_unit where id = $1
         union all
         select o.id, o.parent_id, o.kind, o.name, up.depth + 1 from tenancy_org_unit o join up on o.id = up.parent_id where up.depth < 20)
       select (select name from up where depth = 0) as school, (select name from up where kind = 'DEPARTMENT' limit 1) as department`,
      [schoolId],
    );
    return { schoolName: r?.school ?? '', departmentName: r?.department ?? null };
  }

  /** The pupils' personal identification numbers (people's view people_student), by the record's id. */
  async personalIds(em: EntityManager, schoolId: string, studentIds: string[]): Promise<Map<string, string>> {
    if (!studentIds.length) return new Map();
    const rows = await sqlRows<{ id: string; personal_id: string }>(
      em,
      `select id, personal_id from people_student where school_id = $1 and id = any($2::uuid[])`,
      [schoolId, studentIds],
    );
    return new Map(rows.map((r) => [r.id, r.personal_id]));
  }
}
