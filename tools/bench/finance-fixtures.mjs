// What the finance scenarios arrange as the schema owner: an accountant who can sign in (the accountant role has no
// authenticator to answer), and the open year's second semester as a fee period of each school.

/** The open school year: its id, and the second semester's dates (Hưng Yên's: 19 January to 31 May). */
export async function openYear(owner) {
  const {
    rows: [year],
  } = await owner.query(
    `select id, semester2_start::text as starts_on, ends_on::text from school_year where status = 'OPEN'
      order by starts_on desc limit 1`,
  );
  return year;
}

/**
 * An accountant signed in, for each school: answers school id → access token. One account placed at the department
 * serves every school — the role gives the permissions, the unit the scope (the department's subtree) — so the
 * province's run costs one sign-in, not a thousand password checks before the clock starts.
 */
export async function accountantTokens(ctx, schoolIds, username) {
  const [{ password_hash: hash }] = (
    await ctx.owner.query(`select password_hash from app_user where role = 'TEACHER' limit 1`)
  ).rows;
  // One school: the account is that school's (the bank statements answer only a school's own accountant).
  const {
    rows: [unit],
  } =
    schoolIds.length === 1
      ? { rows: [{ id: schoolIds[0] }] }
      : await ctx.owner.query(`select id from org_unit where kind = 'DEPARTMENT' order by code limit 1`);
  await ctx.owner.query(
    `insert into app_user (username, password_hash, full_name, role, org_unit_id)
     values ($1, $2, 'Kế toán đo', 'ACCOUNTANT', $3) on conflict (username) do nothing`,
    [username, hash, unit.id],
  );
  const token = await ctx.login(username);
  return new Map(schoolIds.map((id) => [id, token]));
}

/**
 * The second semester as each school's fee period (created through the API, untimed), unless it has one: answers
 * school id → period id.
 */
export async function secondSemesters(ctx, tokens, year) {
  const periods = new Map();
  await inBatches([...tokens.keys()], 4, async (schoolId) => {
    const {
      rows: [existing],
    } = await ctx.owner.query(
      `select id from finance_period where school_id = $1 and school_year_id = $2 and code = 'HK2'`,
      [schoolId, year.id],
    );
    if (existing) return periods.set(schoolId, existing.id);
    const res = await call(ctx, tokens.get(schoolId), 'POST', `/api/schools/${schoolId}/fee-periods`, {
      schoolYearId: year.id,
      code: 'HK2',
      name: 'Học kì II',
      startsOn: year.starts_on,
      endsOn: year.ends_on,
      months: 5,
    });
    periods.set(schoolId, res.id);
  });
  return periods;
}

/** A JSON call with a bearer token; throws on a status outside 2xx. */
export async function call(ctx, token, method, url, body) {
  const res = await fetch(`${ctx.baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Runs `work` over `items`, `width` at a time. */
export async function inBatches(items, width, work) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  });
  await Promise.all(lanes);
}
