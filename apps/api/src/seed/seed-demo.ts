import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-province.data';
import { seedAssets } from './seed-assets';
import { seedFinance } from './seed-finance';
import { seedPeople } from './seed-people';

/** District bureaus were abolished on 1 July 2025 (docs/domain/organisation.md); schools that moved keep their earlier parent. */
const REORGANISATION = new Date('2025-07-01T00:00:00+07:00');
const FOUNDING_RECORD = new Date('2020-09-05T00:00:00+07:00');

/**
 * Seeds the demo province into an empty database, as the schema owner, in one transaction.
 * Returns false when the database already has org units (a restart keeps its data).
 */
export async function seedDemoProvince(ownerUrl: string): Promise<boolean> {
  const ds = new DataSource({ type: 'postgres', url: ownerUrl });
  await ds.initialize();
  try {
    return await ds.transaction(async (em) => {
      const [{ count }] = await em.query(`select count(*)::int as count from org_unit`);
      if (count > 0) return false;
      const ids = new Map<string, string>();
      for (const u of DEMO_UNITS) {
        const [row] = await em.query(
          `insert into org_unit (parent_id, kind, code, name, levels, ownership, active, closed_on)
           values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
          [
            u.parent ? ids.get(u.parent) : null,
            u.kind,
            u.code,
            u.name,
            u.levels ?? [],
            u.kind === 'SCHOOL' ? (u.ownership ?? 'PUBLIC') : null,
            u.active ?? true,
            // A demo unit made inactive is a bureau abolished by the 2025 reorganisation.
            u.active === false ? '2025-07-01' : null,
          ],
        );
        ids.set(u.code, row.id);
      }
      const now = new Date();
      for (const u of DEMO_UNITS) {
        const id = ids.get(u.code)!;
        const parentId = u.parent ? ids.get(u.parent)! : null;
        if (u.formerParent) {
          await em.query(`insert into org_unit_parent_history values ($1, $2, $3, $4), ($1, $5, $4, null)`, [
            id,
            ids.get(u.formerParent),
            FOUNDING_RECORD,
            REORGANISATION,
            parentId,
          ]);
        } else {
          await em.query(`insert into org_unit_parent_history values ($1, $2, $3, null)`, [
            id,
            parentId,
            FOUNDING_RECORD,
          ]);
        }
        if (u.kind !== 'SCHOOL') continue;
        const profile = {
          address: u.address ?? null,
          phone: u.phone ?? null,
          email: `${u.code.toLowerCase()}@hungyen.edu.vn`,
          principalName: u.principal ?? null,
          foundedYear: u.founded ?? null,
          website: null,
        };
        await em.query(
          `insert into school_profile (school_id, address, phone, email, principal_name, founded_year, website, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            id,
            profile.address,
            profile.phone,
            profile.email,
            profile.principalName,
            profile.foundedYear,
            profile.website,
            now,
          ],
        );
        await em.query(
          `select audit_append($1, $2, null, 'Khởi tạo dữ liệu mẫu', null, 'school_profile', $3, 'CREATE', null, $4::jsonb, null)`,
          [id, now, id, JSON.stringify(profile)],
        );
      }
      const hash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
      for (const user of DEMO_USERS) {
        await em.query(
          `insert into app_user (username, password_hash, full_name, role, org_unit_id) values ($1, $2, $3, $4, $5)`,
          [user.username, hash, user.fullName, user.role, ids.get(user.unit)],
        );
      }
      await seedPeople(em, ids, now);
      await seedAssets(em, now);
      await seedFinance(em, now);
      return true;
    });
  } finally {
    await ds.destroy();
  }
}
