// The rows that come before any school's people: the org-unit tree with its parent history, the school profiles,
// the two school years, and the province-level accounts. Then the one audit entry per school that the demo seed
// also writes (the profile's creation), through audit_append, so every school's chain starts and verifies.

const CREATED = '2026-08-20T08:00:00+07:00';
/** When the tree was first recorded, and the day district bureaus gave way to commune committees (docs/domain/organisation.md). */
const FOUNDING_RECORD = '2020-09-05T00:00:00+07:00';

/** 2025-2026 closed, 2026-2027 open: Hưng Yên's dates, as in the demo seed. */
const YEARS = [
  {
    code: '2025-2026',
    dates: ['2025-09-05', '2026-05-31', '2025-09-05', '2026-01-16', '2026-01-19', '2026-05-25'],
    status: 'CLOSED',
    closedAt: '2026-07-15T10:00:00+07:00',
  },
  {
    code: '2026-2027',
    dates: ['2026-09-05', '2027-05-31', '2026-09-05', '2027-01-16', '2027-01-19', '2027-05-25'],
    status: 'OPEN',
    closedAt: null,
  },
];

/** Fills `chunk` with the tree, profiles, years and accounts; returns the open year's id. */
export function foundationRows(rng, plan, passwordHash, chunk) {
  const { department, units, schools } = plan;
  chunk.org_unit.push([department.id, null, 'DEPARTMENT', department.code, department.name, [], null, true, CREATED]);
  for (const u of units) chunk.org_unit.push([u.id, department.id, 'UNIT', u.code, u.name, [], null, true, CREATED]);
  for (const s of schools)
    chunk.org_unit.push([s.id, s.parentId, 'SCHOOL', s.code, s.name, s.levels, s.ownership, true, CREATED]);
  for (const o of [...units, ...schools])
    chunk.org_unit_parent_history.push([o.id, o.parentId ?? department.id, FOUNDING_RECORD, null]);
  for (const s of schools) {
    chunk.school_profile.push([
      s.id,
      s.address,
      s.phone,
      `${s.code.toLowerCase()}@hungyen.edu.vn`,
      s.principal,
      s.founded,
      null,
      CREATED,
    ]);
  }
  const yearIds = YEARS.map(() => rng.uuid());
  YEARS.forEach((y, i) => chunk.school_year.push([yearIds[i], y.code, ...y.dates, y.status, y.closedAt]));
  // The demo's province-level accounts; unit officers for every commune committee (chuyenvien.ubnd-001 …).
  const accounts = [
    ['admin.so', 'Nguyễn Văn Hùng', 'DEPARTMENT_ADMIN', department.id],
    ['chuyenvien.so', 'Trần Thị Mai', 'DEPARTMENT_OFFICER', department.id],
    ...units.map((u) => [
      `chuyenvien.${u.code.toLowerCase()}`,
      `Chuyên viên ${u.name.replace('Ủy ban nhân dân ', '')}`,
      'UNIT_OFFICER',
      u.id,
    ]),
  ];
  for (const [username, name, role, unitId] of accounts)
    chunk.app_user.push([rng.uuid(), username, passwordHash, name, role, unitId, null, CREATED, CREATED]);
  return yearIds[1];
}

/**
 * One audit entry per school — the profile's creation, as the demo seed records it — appended with audit_append so
 * each chain head moves with its row. The bulk-loaded people and scores are a data load, not changes a user made:
 * they are not audited, as the demo seed's people are not.
 */
export async function sealAuditChains(client, schools) {
  await client.query(`select set_config('app.all_schools', 'on', false)`);
  await client.query(
    `select audit_append(s.id, $2::timestamptz, null, 'Khởi tạo dữ liệu quy mô tỉnh', null, 'school_profile', s.id::text, 'CREATE', null,
            jsonb_build_object('address', p.address, 'phone', p.phone, 'email', p.email, 'principalName', p.principal_name,
                               'foundedYear', p.founded_year, 'website', p.website), null)
       from unnest($1::uuid[]) with ordinality as s(id, n) join school_profile p on p.school_id = s.id order by s.n`,
    [schools.map((s) => s.id), CREATED],
  );
}

export const CREATED_AT = CREATED;
