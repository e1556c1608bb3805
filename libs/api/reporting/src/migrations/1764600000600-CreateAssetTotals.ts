import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The assets' fact table of the reporting read model (docs/adr/reporting-read-model.md): each school's public assets
 * on the books per class × kind × funding source, in whole đồng (Circular 23/2023/TT-BTC Art. 5.1), as the assets
 * context computes them (AssetsFacts). School-owned like every fact table: school_id first in the key, row-level
 * security on emis_in_scope. The dirty marks gain the topic 'assets' (from the assets.changed event).
 */
export class CreateAssetTotals1764600000600 implements MigrationInterface {
  name = 'CreateAssetTotals1764600000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Assets on the books (not disposed of or transferred away) of one class, kind and funding source: records,
      -- quantity, original cost, accumulated wear (brought from paper books + posted) and remaining value (Art. 16).
      create table reporting.asset_total (
        school_id uuid not null,
        asset_class text not null,
        kind text not null check (kind in ('FIXED', 'TOOL')),
        funding_source text not null check (funding_source in ('STATE_BUDGET', 'TUITION', 'AID', 'DONATION', 'OTHER')),
        assets integer not null,
        quantity bigint not null,
        cost bigint not null,
        accumulated_wear bigint not null,
        remaining_value bigint not null,
        primary key (school_id, asset_class, kind, funding_source)
      );
      alter table reporting.asset_total enable row level security;
      alter table reporting.asset_total force row level security;
      -- A school's facts are read and written only under a scope that includes the school (the refresher runs with
      -- the school's scope; the department's reports with the province's).
      create policy asset_total_scope on reporting.asset_total
        using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));
      grant select, insert, update, delete on reporting.asset_total to emis_app;

      alter table reporting.dirty drop constraint dirty_topic_check;
      alter table reporting.dirty add constraint dirty_topic_check
        check (topic in ('grades', 'people', 'classes', 'attendance', 'staff', 'assets'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      delete from reporting.dirty where topic = 'assets';
      alter table reporting.dirty drop constraint dirty_topic_check;
      alter table reporting.dirty add constraint dirty_topic_check
        check (topic in ('grades', 'people', 'classes', 'attendance', 'staff'));
      drop table reporting.asset_total;
    `);
  }
}
