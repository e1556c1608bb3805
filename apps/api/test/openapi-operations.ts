import { Role } from '@emis/domain';
import { randomUUID } from 'node:crypto';
import { TestApp } from './harness';
import { Fixture, MatrixEntry, ROLE_MATRIX } from './role-matrix';

/**
 * The API's operations as its OpenAPI document states them, with their role-matrix entries, and the fixture objects
 * that fill their path parameters. Shared by the access sweep and the fuzzer, so both walk the same operations.
 */

/** One demo user per role, each with THCS Như Quỳnh in scope and THCS Khoái Châu outside it. */
export const USERS: Record<Role, string> = {
  DEPARTMENT_ADMIN: 'admin.so',
  DEPARTMENT_OFFICER: 'chuyenvien.so',
  UNIT_OFFICER: 'chuyenvien.vanlam',
  SCHOOL_ADMIN: 'hieutruong.nhuquynh',
  ACCOUNTANT: 'ketoan.nhuquynh',
  TEACHER: 'giaovien.nhuquynh',
};

/** A JSON schema as @nestjs/swagger writes it (only the parts the tests read). */
export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  oneOf?: JsonSchema[];
}

export interface OperationParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  key: string;
  method: string;
  path: string;
  parameters: OperationParameter[];
  /** The request body's schema ($refs resolved), by media type: application/json or multipart/form-data. */
  body?: { mediaType: string; schema: JsonSchema };
  entry: MatrixEntry | undefined;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: OperationParameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Every operation of /api/docs-json, with its role-matrix entry (undefined when the matrix has none). */
export async function readOperations(t: TestApp): Promise<Operation[]> {
  const doc = (await t.http().get('/api/docs-json')).body as OpenApiDocument;
  const resolve = (schema: JsonSchema, depth = 0): JsonSchema => {
    if (depth > 8) return schema;
    const named = schema.$ref ? doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] : undefined;
    const s = named ?? schema;
    return {
      ...s,
      ...(s.properties
        ? { properties: Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, resolve(v, depth + 1)])) }
        : {}),
      ...(s.items ? { items: resolve(s.items, depth + 1) } : {}),
    };
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const key = `${method.toUpperCase()} ${path}`;
      const [mediaType, content] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      const body = mediaType ? { mediaType, schema: resolve(content.schema) } : undefined;
      return { key, method, path, parameters: op.parameters ?? [], body, entry: ROLE_MATRIX[key] };
    }),
  );
}

export function paramValue(name: string, f: Fixture): string {
  const values: Record<string, string> = {
    id: f.schoolId,
    schoolId: f.schoolId,
    // The reports' org unit: the fixture's school (a unit report of one school).
    orgUnitId: f.schoolId,
    studentId: f.studentId,
    classId: f.classId,
    staffId: f.staffId,
    yearId: f.yearId,
    transferId: f.transferId,
    jobId: f.jobId,
    date: f.date,
    semester: '1',
    subjectCode: 'TOAN',
    period: 'HK1',
    kind: 'START_OF_YEAR',
    correctionId: f.correctionId,
    assetId: f.assetId,
    locationId: f.locationId,
    attachmentId: f.attachmentId,
    // Wear: a run named by an import job's id (not a run: 404 past the permission check), a posted year, a category.
    runId: f.jobId,
    year: '2025',
    code: 'OFFICE_EQUIPMENT',
    inventoryId: f.inventoryId,
    lineId: f.lineId,
    loanId: f.loanId,
    periodId: f.periodId,
    chargeId: f.chargeId,
    adjustmentId: f.adjustmentId,
    accountId: f.accountId,
    sessionId: f.sessionId,
    requestId: f.requestId,
    unitId: f.unitId,
    // Grade 9 completion: a council no school has (404 past the permission check).
    councilId: '00000000-0000-4000-8000-000000000031',
    // Gradebook locks by scope (issue 16): a lock no school has (404 past the permission check).
    lockId: '00000000-0000-4000-8000-000000000016',
    // Finance: a month to come, which no school can close (409 past the permission check).
    month: '2199-12',
    // The public receipt link: a token no key signed (404, like an unknown receipt).
    token: 'not-a-signed-receipt-token',
  };
  if (!(name in values)) throw new Error(`No fixture value for path parameter {${name}}`);
  return values[name];
}

/** Real objects of a seeded school; an id the school has none of is a fresh one (answers 404). */
export async function fixtureOf(t: TestApp, code: string): Promise<Fixture> {
  const schoolId = await t.unitId(code);
  const one = async (sql: string) =>
    ((await t.owner.query(sql, [schoolId]))[0]?.id as string | undefined) ?? randomUUID();
  const exists = async (table: string) =>
    (await t.owner.query(`select to_regclass($1) is not null as ok`, [`public.${table}`]))[0].ok as boolean;
  const has = await exists('student');
  return {
    schoolId,
    studentId: has
      ? await one(`select id from student where school_id = $1 and status = 'STUDYING' order by id limit 1`)
      : randomUUID(),
    classId: has
      ? await one(
          `select c.id from class c join school_year y on y.id = c.school_year_id where c.school_id = $1 and y.status = 'OPEN' order by c.name limit 1`,
        )
      : randomUUID(),
    staffId: has ? await one(`select id from staff where school_id = $1 order by id limit 1`) : randomUUID(),
    yearId: has
      ? ((await t.owner.query(`select id from school_year where status = 'OPEN' limit 1`))[0]?.id ?? randomUUID())
      : randomUUID(),
    transferId: has ? await one(`select id from student_transfer where school_id = $1 limit 1`) : randomUUID(),
    jobId: has ? await one(`select id from import_job where school_id = $1 limit 1`) : randomUUID(),
    date: '2025-10-15',
    correctionId: (await exists('grade_correction'))
      ? await one(`select id from grade_correction where school_id = $1 limit 1`)
      : randomUUID(),
    ...(await assetsOf(one, await exists('asset'))),
    ...(await inventoryOf(one, await exists('asset_inventory'))),
    periodId: randomUUID(),
    chargeId: randomUUID(),
    adjustmentId: randomUUID(),
    accountId: randomUUID(),
    sessionId: randomUUID(),
    requestId: randomUUID(),
    unitId: randomUUID(),
  };
}

/** The school's first asset on the books, its first room and first attachment. */
async function assetsOf(
  one: (sql: string) => Promise<string>,
  has: boolean,
): Promise<Pick<Fixture, 'assetId' | 'locationId' | 'attachmentId'>> {
  if (!has) return { assetId: randomUUID(), locationId: randomUUID(), attachmentId: randomUUID() };
  return {
    assetId: await one(
      `select id from asset where school_id = $1 and status not in ('DISPOSED', 'TRANSFERRED') order by code limit 1`,
    ),
    locationId: await one(`select id from asset_location where school_id = $1 order by building, room limit 1`),
    attachmentId: await one(`select id from asset_attachment where school_id = $1 order by id limit 1`),
  };
}

/** The school's latest inventory, its first line, and its latest loan. */
async function inventoryOf(
  one: (sql: string) => Promise<string>,
  has: boolean,
): Promise<Pick<Fixture, 'inventoryId' | 'lineId' | 'loanId'>> {
  if (!has) return { inventoryId: randomUUID(), lineId: randomUUID(), loanId: randomUUID() };
  return {
    inventoryId: await one(`select id from asset_inventory where school_id = $1 order by created_at desc limit 1`),
    lineId: await one(
      `select l.id from asset_inventory_line l where l.school_id = $1
        order by (select created_at from asset_inventory i where i.school_id = l.school_id and i.id = l.inventory_id) desc,
                 l.id limit 1`,
    ),
    loanId: await one(`select id from asset_loan where school_id = $1 order by created_at desc limit 1`),
  };
}
