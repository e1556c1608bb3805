import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public assets (Circular 23/2023/TT-BTC; docs/domain/assets.md): the province's categories and threshold, each
 * school's register, its history, attachments, wear, loans, disposals, transfers and inventories.
 * school_id comes first in every key of a school-owned table (Citus distribution column), and every one of them has
 * row-level security on emis_in_scope(school_id).
 */
export class CreateAssets1764600000000 implements MigrationInterface {
  name = 'CreateAssets1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The province's configuration: wear categories with the appendix's defaults and the province's override
      -- (Art. 13.1.a: a rate within ±20 % of the default; Art. 13.2: intangible assets get a life of 4–50 years).
      -- One table for the whole province (a Citus reference table): every school reads it, the department edits it.
      create table asset_category (
        code text primary key,
        asset_class text not null check (asset_class in ('BUILDING', 'STRUCTURE', 'CAR', 'OTHER_VEHICLE',
          'MACHINERY', 'PLANT_ANIMAL', 'OTHER_TANGIBLE', 'LAND_USE_RIGHT', 'COPYRIGHT', 'INDUSTRIAL_PROPERTY',
          'PLANT_VARIETY', 'SOFTWARE', 'BRAND')),
        name_vi text not null,
        name_en text not null,
        sort_order integer not null,
        worn boolean not null default true,
        -- Shipped defaults (our reading of Appendix 01; editable, see docs/domain/assets.md) and the override.
        default_life_years integer check (default_life_years between 1 and 100),
        default_rate_bp integer check (default_rate_bp between 1 and 10000),
        life_years integer check (life_years between 1 and 100),
        rate_bp integer check (rate_bp between 1 and 10000),
        updated_at timestamptz,
        updated_by uuid
      );
      insert into asset_category
        (code, asset_class, name_vi, name_en, sort_order, worn, default_life_years, default_rate_bp) values
        ('SCHOOL_BUILDING', 'BUILDING', 'Nhà học, nhà làm việc, nhà trẻ, mẫu giáo', 'School and office buildings', 10, true, 50, 200),
        ('OTHER_BUILDING', 'BUILDING', 'Nhà khác (nhà kho, nhà xe, nhà bảo vệ…)', 'Other buildings', 20, true, 25, 400),
        ('STRUCTURE', 'STRUCTURE', 'Vật kiến trúc (tường rào, giếng, bể nước…)', 'Structures (fences, wells, tanks…)', 30, true, 10, 1000),
        ('SPORTS_GROUND', 'STRUCTURE', 'Sân chơi, sân thể thao, bể bơi', 'Yards, sports grounds and pools', 40, true, 20, 500),
        ('CAR', 'CAR', 'Xe ô tô', 'Cars', 50, true, 10, 1000),
        ('OTHER_VEHICLE', 'OTHER_VEHICLE', 'Phương tiện vận tải khác', 'Other vehicles', 60, true, 8, 1250),
        ('OFFICE_EQUIPMENT', 'MACHINERY', 'Máy vi tính, máy in, máy photocopy, thiết bị văn phòng', 'Computers, printers, photocopiers, office equipment', 70, true, 5, 2000),
        ('AIR_CONDITIONER', 'MACHINERY', 'Máy điều hòa không khí', 'Air conditioners', 80, true, 8, 1250),
        ('TEACHING_EQUIPMENT', 'MACHINERY', 'Thiết bị dạy học chuyên dùng', 'Specialised teaching equipment', 90, true, 8, 1250),
        ('OTHER_MACHINERY', 'MACHINERY', 'Máy móc, thiết bị khác', 'Other machines and equipment', 100, true, 8, 1250),
        ('PLANT_ANIMAL', 'PLANT_ANIMAL', 'Cây lâu năm, súc vật làm việc', 'Perennial plants and working animals', 110, true, 8, 1250),
        ('OTHER_TANGIBLE', 'OTHER_TANGIBLE', 'Tài sản cố định hữu hình khác', 'Other tangible fixed assets', 120, true, 8, 1250),
        ('LAND_USE_RIGHT', 'LAND_USE_RIGHT', 'Quyền sử dụng đất', 'Land-use rights', 130, false, null, null),
        ('SOFTWARE', 'SOFTWARE', 'Phần mềm ứng dụng', 'Application software', 140, true, 5, null),
        ('COPYRIGHT', 'COPYRIGHT', 'Quyền tác giả', 'Copyright', 150, true, 5, null),
        ('INDUSTRIAL_PROPERTY', 'INDUSTRIAL_PROPERTY', 'Quyền sở hữu công nghiệp', 'Industrial property rights', 160, true, 5, null),
        ('PLANT_VARIETY', 'PLANT_VARIETY', 'Quyền đối với giống cây trồng', 'Plant variety rights', 170, true, 5, null),
        ('BRAND', 'BRAND', 'Thương hiệu của đơn vị', 'The unit''s brand', 180, true, 5, null);

      -- The province's threshold of a fixed asset (Art. 3.2; Art. 3.3 for self-financing units). One row.
      create table asset_policy (
        id boolean primary key default true check (id),
        fixed_asset_threshold bigint not null check (fixed_asset_threshold > 0),
        updated_at timestamptz,
        updated_by uuid
      );
      insert into asset_policy (fixed_asset_threshold) values (10000000);

      -- Rooms and other places where a school's assets stand.
      create table asset_location (
        school_id uuid not null references org_unit (id),
        id uuid not null default gen_random_uuid(),
        building text not null,
        room text not null,
        created_at timestamptz not null default now(),
        primary key (school_id, id),
        unique (school_id, building, room)
      );

      -- The register: one row per fixed asset, or per lot of tools and instruments (tracked by quantity).
      -- cost is the current original cost (nguyên giá) of the record after cost changes; original_cost what it was
      -- when registered (unit_cost × quantity). Money is whole đồng (Art. 5.1).
      create table asset (
        school_id uuid not null references org_unit (id),
        id uuid not null default gen_random_uuid(),
        code text not null,
        name text not null,
        category_code text not null references asset_category (code),
        kind text not null check (kind in ('FIXED', 'TOOL')),
        quantity integer not null check (quantity > 0),
        unit text not null,
        unit_cost bigint not null check (unit_cost >= 0),
        original_cost bigint not null check (original_cost >= 0),
        cost bigint not null check (cost >= 0),
        funding_source text not null check (funding_source in ('STATE_BUDGET', 'TUITION', 'AID', 'DONATION', 'OTHER')),
        in_use_on date not null,
        document_number text,
        document_date date,
        location_id uuid,
        responsible text,
        condition text not null default 'GOOD' check (condition in ('GOOD', 'FAIR', 'POOR', 'BROKEN')),
        status text not null default 'IN_USE' check (status in ('IN_USE', 'IDLE', 'UNDER_REPAIR', 'LENT',
          'AWAITING_DISPOSAL', 'DISPOSED', 'TRANSFERRED')),
        -- Wear accumulated before the asset came into Emis (paper books), through opening_wear_year.
        opening_wear bigint not null default 0 check (opening_wear >= 0),
        opening_wear_year integer,
        -- Wear posted in Emis (sum of asset_wear), kept with the row so lists need no sum.
        posted_wear bigint not null default 0 check (posted_wear >= 0),
        disposed_on date,
        note text,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (school_id, id),
        unique (school_id, code),
        foreign key (school_id, location_id) references asset_location (school_id, id)
      );
      create index asset_location_idx on asset (school_id, location_id);
      create index asset_status_idx on asset (school_id, status);

      -- The asset's life: registered, cost changes, moves, loans, transfers, wear posted, disposal.
      create table asset_event (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        asset_id uuid not null,
        kind text not null check (kind in ('REGISTERED', 'UPDATED', 'COST_CHANGED', 'MOVED', 'STATUS_CHANGED', 'LENT',
          'RETURNED', 'TRANSFER_OUT', 'TRANSFER_IN', 'DISPOSED', 'WEAR_POSTED', 'INVENTORY_ADJUSTED',
          'ATTACHMENT_ADDED', 'ATTACHMENT_REMOVED')),
        effective_on date not null,
        details jsonb not null default '{}',
        -- For COST_CHANGED: the cost from effective_on on (the wear of later years follows it).
        cost_after bigint,
        recorded_at timestamptz not null default now(),
        recorded_by uuid,
        primary key (school_id, id),
        foreign key (school_id, asset_id) references asset (school_id, id)
      );
      create index asset_event_asset_idx on asset_event (school_id, asset_id, effective_on);

      -- Invoices, photos, decisions: small files kept in the database (limits in the API).
      create table asset_attachment (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        asset_id uuid not null,
        kind text not null check (kind in ('INVOICE', 'PHOTO', 'DECISION', 'OTHER')),
        file_name text not null,
        content_type text not null,
        size integer not null check (size > 0 and size <= 5242880),
        content bytea not null,
        uploaded_at timestamptz not null default now(),
        uploaded_by uuid,
        primary key (school_id, id),
        foreign key (school_id, asset_id) references asset (school_id, id)
      );

      -- Wear runs: a school's year (school_id = the school), or the province's (school_id = the department's unit,
      -- one child run per school with parent_id set). Progress is read by polling any API instance.
      create table asset_wear_run (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        parent_id uuid,
        year integer not null check (year between 1990 and 2200),
        scope text not null check (scope in ('SCHOOL', 'PROVINCE')),
        status text not null default 'QUEUED' check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        total integer,
        done integer not null default 0,
        posted_rows integer not null default 0,
        posted_amount bigint not null default 0,
        message text,
        requested_by uuid,
        created_at timestamptz not null default now(),
        finished_at timestamptz,
        primary key (school_id, id)
      );

      -- One wear row per asset and year (Art. 12.1.a: once a year, in December): the key makes a run idempotent.
      create table asset_wear (
        school_id uuid not null,
        asset_id uuid not null,
        year integer not null,
        cost_basis bigint not null,
        amount bigint not null check (amount > 0),
        accumulated_after bigint not null,
        run_id uuid,
        posted_at timestamptz not null default now(),
        primary key (school_id, asset_id, year),
        foreign key (school_id, asset_id) references asset (school_id, id)
      );

      create table asset_loan (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        asset_id uuid not null,
        borrower text not null,
        lent_on date not null,
        due_on date,
        returned_on date,
        note text,
        created_at timestamptz not null default now(),
        primary key (school_id, id),
        foreign key (school_id, asset_id) references asset (school_id, id)
      );

      create table asset_disposal (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        asset_id uuid not null,
        method text not null check (method in ('SALE', 'LIQUIDATION', 'DESTRUCTION', 'LOSS')),
        decision_number text not null,
        decision_date date not null,
        disposed_on date not null,
        quantity integer not null default 1 check (quantity > 0),
        proceeds bigint not null default 0 check (proceeds >= 0),
        costs bigint not null default 0 check (costs >= 0),
        -- The book values when it left: cost and accumulated wear.
        cost bigint not null,
        accumulated_wear bigint not null,
        note text,
        created_at timestamptz not null default now(),
        primary key (school_id, id),
        foreign key (school_id, asset_id) references asset (school_id, id)
      );

      -- One side of a transfer between two schools (like student_transfer): the sender's OUT row and the receiver's
      -- IN row share the id; each school sees its own side, the two-scope service writes both.
      create table asset_transfer (
        school_id uuid not null,
        id uuid not null,
        asset_id uuid not null,
        direction text not null check (direction in ('IN', 'OUT')),
        other_school_id uuid not null references org_unit (id),
        status text not null default 'PENDING' check (status in ('PENDING', 'ACCEPTED', 'REJECTED', 'CANCELLED')),
        effective_on date not null,
        decision_number text not null,
        snapshot jsonb not null,
        reason text,
        created_at timestamptz not null default now(),
        decided_at timestamptz,
        primary key (school_id, id, direction)
      );
      create index asset_transfer_asset_idx on asset_transfer (school_id, asset_id);

      create table asset_inventory (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        year integer not null,
        title text not null,
        count_date date not null,
        status text not null default 'OPEN' check (status in ('OPEN', 'CLOSED', 'APPROVED')),
        committee text[] not null default '{}',
        decision_number text,
        closed_at timestamptz,
        approved_at timestamptz,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        primary key (school_id, id)
      );
      -- At most one inventory open at a time in a school.
      create unique index asset_inventory_open_idx on asset_inventory (school_id) where status = 'OPEN';

      -- A line: an asset on the books (asset_id) or a surplus found in the count (asset_id null, description).
      create table asset_inventory_line (
        school_id uuid not null,
        id uuid not null default gen_random_uuid(),
        inventory_id uuid not null,
        asset_id uuid,
        description text,
        location_id uuid,
        book_quantity integer not null default 0 check (book_quantity >= 0),
        book_value bigint not null default 0,
        counted_quantity integer check (counted_quantity >= 0),
        unit_cost bigint,
        condition text check (condition in ('GOOD', 'FAIR', 'POOR', 'BROKEN')),
        note text,
        counted_at timestamptz,
        counted_by uuid,
        primary key (school_id, id),
        unique (school_id, inventory_id, asset_id),
        foreign key (school_id, inventory_id) references asset_inventory (school_id, id),
        foreign key (school_id, asset_id) references asset (school_id, id),
        foreign key (school_id, location_id) references asset_location (school_id, id),
        check (asset_id is not null or description is not null)
      );

      grant select, update on asset_category, asset_policy to emis_app;
    `);
    const schoolOwned: [string, string, string][] = [
      ['asset_location', 'rooms of schools in scope', 'select, insert, update, delete'],
      ['asset', 'the asset registers of schools in scope', 'select, insert, update'],
      ['asset_event', 'the history of assets of schools in scope', 'select, insert'],
      ['asset_attachment', 'attachments of assets of schools in scope', 'select, insert, delete'],
      [
        'asset_wear_run',
        'wear runs of the org units in scope (a school, or the department for the province run)',
        'select, insert, update',
      ],
      ['asset_wear', 'wear posted for assets of schools in scope', 'select, insert'],
      ['asset_loan', 'loans of assets of schools in scope', 'select, insert, update'],
      ['asset_disposal', 'disposals of assets of schools in scope', 'select, insert'],
      [
        'asset_transfer',
        'each school sees its own side of an asset transfer; the other side is written by the two-scope service',
        'select, insert, update',
      ],
      ['asset_inventory', 'inventories of schools in scope', 'select, insert, update'],
      ['asset_inventory_line', 'inventory lines of schools in scope', 'select, insert, update, delete'],
    ];
    for (const [table, why, grants] of schoolOwned) {
      await q.query(`
        alter table ${table} enable row level security;
        alter table ${table} force row level security;
        create policy ${table}_scope on ${table} using (emis_in_scope(school_id)) with check (emis_in_scope(school_id));
        comment on policy ${table}_scope on ${table} is '${why.replace(/'/g, "''")}';
        grant ${grants} on ${table} to emis_app;
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table if exists asset_inventory_line, asset_inventory, asset_transfer, asset_disposal, asset_loan,
        asset_wear, asset_wear_run, asset_attachment, asset_event, asset, asset_location, asset_policy,
        asset_category;
    `);
  }
}
