// Loads generated rows into PostgreSQL in chunks of whole schools, one transaction per chunk, tables in
// foreign-key order, on a few connections while the generator prepares the next chunk. COPY FROM STDIN when
// pg-copy-streams is installed; otherwise one INSERT … SELECT FROM unnest($1::uuid[], …) per 20,000 rows, every
// column an array parameter (the demo seed's bulk insert, in larger batches).
import { once } from 'node:events';
import pg from 'pg';

/** Columns of every table the generator fills, in the order the rows carry them; tables in foreign-key order. */
export const TABLES = {
  org_unit: {
    id: 'uuid',
    parent_id: 'uuid',
    kind: 'text',
    code: 'text',
    name: 'text',
    levels: 'text[]',
    ownership: 'text',
    active: 'bool',
    created_at: 'timestamptz',
  },
  org_unit_parent_history: {
    org_unit_id: 'uuid',
    parent_id: 'uuid',
    valid_from: 'timestamptz',
    valid_to: 'timestamptz',
  },
  school_profile: {
    school_id: 'uuid',
    address: 'text',
    phone: 'text',
    email: 'text',
    principal_name: 'text',
    founded_year: 'int',
    website: 'text',
    updated_at: 'timestamptz',
  },
  school_year: {
    id: 'uuid',
    code: 'text',
    starts_on: 'date',
    ends_on: 'date',
    semester1_start: 'date',
    semester1_end: 'date',
    semester2_start: 'date',
    semester2_end: 'date',
    status: 'text',
    closed_at: 'timestamptz',
  },
  app_user: {
    id: 'uuid',
    username: 'text',
    password_hash: 'text',
    full_name: 'text',
    role: 'text',
    org_unit_id: 'uuid',
    staff_id: 'uuid',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  staff: {
    school_id: 'uuid',
    id: 'uuid',
    personal_id: 'text',
    full_name: 'text',
    date_of_birth: 'date',
    gender: 'text',
    ethnicity: 'text',
    phone: 'text',
    position: 'text',
    contract_type: 'text',
    rank_code: 'text',
    salary_coefficient: 'numeric',
    salary_step: 'int',
    qualifications: 'jsonb',
    subjects: 'text[]',
    start_date: 'date',
    status: 'text',
    party_member: 'bool',
    union_member: 'bool',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  staff_history: {
    school_id: 'uuid',
    id: 'uuid',
    staff_id: 'uuid',
    kind: 'text',
    effective_on: 'date',
    details: 'jsonb',
    recorded_at: 'timestamptz',
  },
  class: {
    school_id: 'uuid',
    id: 'uuid',
    school_year_id: 'uuid',
    name: 'text',
    grade: 'text',
    homeroom_staff_id: 'uuid',
    room: 'text',
    programme: 'text',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  teaching_assignment: {
    school_id: 'uuid',
    id: 'uuid',
    class_id: 'uuid',
    subject_code: 'text',
    semester: 'int',
    staff_id: 'uuid',
    assigned_at: 'timestamptz',
  },
  student: {
    school_id: 'uuid',
    id: 'uuid',
    personal_id: 'text',
    full_name: 'text',
    date_of_birth: 'date',
    gender: 'text',
    ethnicity: 'text',
    religion: 'text',
    place_of_birth: 'text',
    permanent_address: 'text',
    current_address: 'text',
    policy_groups: 'text[]',
    disability: 'text',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  guardian: {
    school_id: 'uuid',
    id: 'uuid',
    student_id: 'uuid',
    relation: 'text',
    full_name: 'text',
    phone: 'text',
    occupation: 'text',
    birth_year: 'int',
  },
  enrolment: {
    school_id: 'uuid',
    id: 'uuid',
    student_id: 'uuid',
    class_id: 'uuid',
    school_year_id: 'uuid',
    from_date: 'date',
  },
  gradebook: {
    school_id: 'uuid',
    id: 'uuid',
    class_id: 'uuid',
    subject_code: 'text',
    semester: 'int',
    scheme: 'text',
    scheme_version: 'text',
    assessment: 'text',
    periods_per_year: 'int',
    created_at: 'timestamptz',
  },
  grade_entry: {
    school_id: 'uuid',
    gradebook_id: 'uuid',
    student_id: 'uuid',
    cells: 'jsonb',
    average: 'numeric',
    rating: 'text',
    updated_at: 'timestamptz',
  },
  conduct_rating: {
    school_id: 'uuid',
    class_id: 'uuid',
    student_id: 'uuid',
    semester: 'int',
    training: 'text',
    qualities: 'jsonb',
    updated_at: 'timestamptz',
  },
};

const INSERT_BATCH = 20_000;

/**
 * Tables whose columns another module defines (the assets, from the demo seed's ASSET_TABLES in dist/), appended
 * after the others in their foreign-key order. Call before creating a BulkLoader.
 */
export function addTables(tables) {
  Object.assign(TABLES, tables);
}

/** A chunk of rows: table name → row arrays in TABLES column order. */
export function emptyChunk() {
  return Object.fromEntries(Object.keys(TABLES).map((t) => [t, []]));
}

export function rowsIn(chunk) {
  let n = 0;
  for (const rows of Object.values(chunk)) n += rows.length;
  return n;
}

export class BulkLoader {
  /**
   * @param {string} url owner connection string
   * @param {{ connections: number, copyStreams: object | null, skipForeignKeyTriggers: boolean }} options
   */
  constructor(url, { connections, copyStreams, skipForeignKeyTriggers }) {
    this.pool = new pg.Pool({ connectionString: url, max: connections });
    this.connections = connections;
    this.copy = copyStreams;
    this.inFlight = new Set();
    this.failure = null;
    /** table → { rows, ms }: rows written and time spent writing them (summed over connections). */
    this.stats = Object.fromEntries(Object.keys(TABLES).map((t) => [t, { rows: 0, ms: 0 }]));
    // A data load, not user changes: commits need not wait for the WAL flush, and the owner (who may be subject to
    // FORCE ROW LEVEL SECURITY) writes with the department's scope. A superuser also skips the foreign-key triggers
    // (as pg_restore --disable-triggers does): they cost half the load time, and run.mjs checks every foreign key
    // with one anti-join per constraint afterwards.
    const settings = ['set synchronous_commit = off', `select set_config('app.all_schools', 'on', false)`];
    if (skipForeignKeyTriggers) settings.push('set session_replication_role = replica');
    this.settings = settings.join('; ');
    this.prepared = new WeakSet();
  }

  get method() {
    return this.copy
      ? 'COPY FROM STDIN (pg-copy-streams)'
      : 'INSERT … SELECT FROM unnest(arrays), 20,000 rows a statement';
  }

  /** Queues a chunk; waits while every connection is busy, so at most `connections` chunks are held in memory. */
  async submit(chunk) {
    while (this.inFlight.size >= this.connections) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    const job = this.write(chunk)
      .catch((error) => {
        this.failure ??= error;
      })
      .finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }

  async drain() {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }

  async end() {
    await Promise.allSettled(this.inFlight);
    await this.pool.end();
  }

  /** One chunk in one transaction, tables in foreign-key order. */
  async write(chunk) {
    const client = await this.pool.connect();
    try {
      if (!this.prepared.has(client)) {
        await client.query(this.settings);
        this.prepared.add(client);
      }
      await client.query('begin');
      for (const table of Object.keys(TABLES)) {
        const rows = chunk[table];
        if (!rows?.length) continue;
        const started = performance.now();
        if (this.copy) await this.copyRows(client, table, rows);
        else await insertRows(client, table, rows);
        this.stats[table].rows += rows.length;
        this.stats[table].ms += performance.now() - started;
      }
      await client.query('commit');
    } catch (error) {
      // The statement's own error is the one to report; a failed rollback (connection gone) adds nothing.
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async copyRows(client, table, rows) {
    const columns = TABLES[table];
    const types = Object.values(columns);
    const stream = client.query(this.copy.from(`copy ${table} (${Object.keys(columns).join(', ')}) from stdin`));
    const done = new Promise((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    let text = '';
    for (const row of rows) {
      text += `${row.map((v, i) => copyValue(v, types[i])).join('\t')}\n`;
      if (text.length > 1 << 20) {
        if (!stream.write(text)) await once(stream, 'drain');
        text = '';
      }
    }
    stream.end(text);
    await done;
  }
}

/** INSERT … SELECT FROM unnest: every column one array parameter; jsonb and text[] travel as text. */
async function insertRows(client, table, rows) {
  const names = Object.keys(TABLES[table]);
  const types = Object.values(TABLES[table]);
  const params = types.map((t, i) => `$${i + 1}::${t === 'jsonb' || t === 'text[]' ? 'text' : t}[]`).join(', ');
  const selects = names.map((n, i) =>
    types[i] === 'jsonb'
      ? `x.${n}::jsonb`
      : types[i] === 'text[]'
        ? `coalesce(string_to_array(nullif(x.${n}, ''), '|'), '{}')`
        : `x.${n}`,
  );
  const sql = `insert into ${table} (${names.join(', ')}) select ${selects.join(', ')} from unnest(${params}) as x(${names.join(', ')})`;
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    await client.query(
      sql,
      types.map((t, i) => batch.map((r) => arrayValue(r[i], t))),
    );
  }
}

function arrayValue(value, type) {
  if (value === null || value === undefined) return null;
  if (type === 'jsonb') return typeof value === 'string' ? value : JSON.stringify(value);
  if (type === 'text[]') return value.join('|');
  return value;
}

/** One field of COPY's text format: \N for null, backslash escapes for backslash, tab, newline and carriage return. */
function copyValue(value, type) {
  if (value === null || value === undefined) return '\\N';
  let text;
  if (type === 'jsonb') text = typeof value === 'string' ? value : JSON.stringify(value);
  else if (type === 'text[]') text = `{${value.map((v) => `"${String(v).replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
  else if (type === 'bool') text = value ? 't' : 'f';
  else if (value instanceof Date) text = value.toISOString();
  else text = String(value);
  return text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]);
}
