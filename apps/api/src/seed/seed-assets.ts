import { effectiveRate, WearRate } from '@emis/domain';
import { EntityManager } from 'typeorm';
import { REGISTER_FROM_YEAR, RegisterClass, RegisterSchool } from './asset-register-builder';
import { buildAssetRegister } from './asset-register';
import { ASSET_TABLES, AssetTableRows, assetRows, emptyAssetRows } from './asset-rows';
import { postSeedWear } from './asset-wear-history';
import { bulkInsert } from './bulk-insert';
import { SeededRandom } from './seeded-random';

/** The last December whose wear is posted: the demo's today is 25/11/2026, so 2026's run is still to be done. */
export const LAST_POSTED_YEAR = 2025;
/** The assets' own random stream: adding them changes nothing in the people the demo already names. */
const ASSETS_SEED = 20261201;

/** Runs a query and answers its rows: TypeORM's `em.query`, or a pg client's `query(…).rows` in the scale seed. */
export type SeedQuery = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface AssetSeedSchool {
  id: string;
  school: RegisterSchool;
  classes: RegisterClass[];
}

export interface AssetSeedInputs {
  threshold: number;
  rates: Map<string, WearRate | null>;
  schools: AssetSeedSchool[];
}

/**
 * What the registers are made from, read from a seeded province: the configured threshold and wear rates (the
 * migration's defaults, or the province's override), and every active school with the classes of the open year,
 * their rooms and pupils — in code order, so the same province gives the same registers.
 */
export async function loadAssetSeedInputs(query: SeedQuery): Promise<AssetSeedInputs> {
  const [policy] = await query(`select fixed_asset_threshold::text as threshold from asset_policy`);
  const categories = await query(
    `select code, worn, default_life_years, default_rate_bp, life_years, rate_bp from asset_category order by code`,
  );
  const rates = new Map(
    categories.map((c) => [
      c.code as string,
      effectiveRate({
        worn: c.worn as boolean,
        defaultLifeYears: c.default_life_years as number | null,
        defaultRateBasisPoints: c.default_rate_bp as number | null,
        lifeYears: c.life_years as number | null,
        rateBasisPoints: c.rate_bp as number | null,
      }),
    ]),
  );
  const units = await query(
    `select o.id, o.code, o.levels, o.ownership, p.founded_year
       from org_unit o left join school_profile p on p.school_id = o.id
      where o.kind = 'SCHOOL' and o.active order by o.code`,
  );
  const classRows = await query(
    `select c.school_id, c.name, c.grade, coalesce(c.room, c.name) as room, count(e.id)::int as pupils
       from class c
       join school_year y on y.id = c.school_year_id and y.status = 'OPEN'
       left join enrolment e on e.school_id = c.school_id and e.class_id = c.id
      group by c.school_id, c.id, c.name, c.grade, c.room
      order by c.school_id, c.name`,
  );
  const classes = new Map<string, RegisterClass[]>();
  for (const c of classRows) {
    const list = classes.get(c.school_id as string) ?? [];
    list.push({ name: c.name as string, grade: c.grade as string, room: c.room as string, pupils: c.pupils as number });
    classes.set(c.school_id as string, list);
  }
  return {
    threshold: Number(policy.threshold),
    rates,
    schools: units.map((u) => ({
      id: u.id as string,
      school: {
        code: u.code as string,
        levels: u.levels as RegisterSchool['levels'],
        foundedYear: u.founded_year as number | null,
        ownership: u.ownership as string,
      },
      classes: classes.get(u.id as string) ?? [],
    })),
  };
}

/** One school's register with its wear posted through LAST_POSTED_YEAR, appended to `out` as table rows. */
export function schoolAssetRows(
  rng: SeededRandom,
  inputs: Pick<AssetSeedInputs, 'threshold' | 'rates'>,
  school: AssetSeedSchool,
  out: AssetTableRows,
  now: Date | string,
): number {
  const register = buildAssetRegister(rng, school.school, school.classes, inputs.threshold);
  const firstYear = Math.max(REGISTER_FROM_YEAR, school.school.foundedYear ?? 0);
  const wear = postSeedWear(rng, register.assets, inputs.rates, LAST_POSTED_YEAR, firstYear);
  assetRows(out, school.id, register, wear, () => rng.uuid(), now);
  return register.assets.length;
}

/**
 * The demo province's public assets: every school's register (premises, classrooms or group rooms, computer rooms,
 * offices, teaching equipment, software, a car for some), ten years of wear posted by the domain's wearDue, and the
 * states a register always has (fully worn and still in use, awaiting disposal, liquidated by decision). Runs inside
 * the demo seed's transaction, after the people (it reads the classes' rooms); deterministic, bulk inserts.
 */
export async function seedAssets(em: EntityManager, now: Date): Promise<void> {
  await em.query(`select set_config('app.all_schools', 'on', true)`);
  const inputs = await loadAssetSeedInputs((sql, params) => em.query(sql, params));
  const rng = new SeededRandom(ASSETS_SEED);
  const rows = emptyAssetRows();
  for (const school of inputs.schools) schoolAssetRows(rng, inputs, school, rows, now);
  for (const table of Object.keys(ASSET_TABLES) as (keyof typeof ASSET_TABLES)[])
    await bulkInsert(em, table, ASSET_TABLES[table], rows[table]);
}
