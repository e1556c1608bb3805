import { Injectable } from '@nestjs/common';
import type { AssetClass, DisposalMethod } from '@emis/domain';
import { sqlRow, sqlRows } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/** How a record left (part of) the books: a disposal of some quantity, or an accepted transfer of the whole. */
export interface BookDecrease {
  on: string;
  /** null: the whole record (a transfer). */
  quantity: number | null;
  documentNumber: string;
  documentDate: string;
  reason: DisposalMethod | 'TRANSFER';
}

/** A register record with what the books of one year need about it (dates yyyy-MM-dd, money in đồng). */
export interface BookRecord {
  id: string;
  code: string;
  name: string;
  assetClass: AssetClass;
  unit: string;
  quantity: number;
  unitCost: number;
  originalCost: number;
  inUseOn: string;
  documentNumber: string | null;
  documentDate: string | null;
  building: string | null;
  room: string | null;
  openingWear: number;
  openingWearYear: number | null;
  /** The category's wear configuration (the province's override and the shipped default). */
  category: {
    worn: boolean;
    defaultLifeYears: number | null;
    defaultRateBasisPoints: number | null;
    lifeYears: number | null;
    rateBasisPoints: number | null;
  };
  costChanges: { effectiveOn: string; costAfter: number }[];
  wear: { year: number; amount: number }[];
  decreases: BookDecrease[];
}

interface BookRecordRow {
  id: string;
  code: string;
  name: string;
  asset_class: AssetClass;
  unit: string;
  quantity: number;
  unit_cost: string;
  original_cost: string;
  in_use_on: string;
  document_number: string | null;
  document_date: string | null;
  building: string | null;
  room: string | null;
  opening_wear: string;
  opening_wear_year: number | null;
  worn: boolean;
  default_life_years: number | null;
  default_rate_bp: number | null;
  life_years: number | null;
  rate_bp: number | null;
  cost_changes: { effectiveOn: string; costAfter: number | string }[];
  wear: { year: number; amount: number | string }[];
  decreases: BookDecrease[];
}

/**
 * The reads of the books: every record of one kind put into use by the end of the year, with its cost changes, wear
 * rows and decreases gathered as JSON per record (a school's register is a few hundred records: one statement).
 * Records that left before the year are dropped by the book, which knows the year's bounds.
 */
@Injectable()
export class AssetBooksRepository {
  async schoolName(em: EntityManager, schoolId: string): Promise<string> {
    const row = await sqlRow<{ name: string }>(em, `select name from tenancy_org_unit where id = $1`, [schoolId]);
    return row?.name ?? '';
  }

  async records(em: EntityManager, schoolId: string, kind: 'FIXED' | 'TOOL', year: number): Promise<BookRecord[]> {
    const rows = await sqlRows<BookRecordRow>(
      em,
      `select a.id, a.code, a.name, c.asset_class, a.unit, a.quantity, a.unit_cost, a.original_cost,
              to_char(a.in_use_on, 'YYYY-MM-DD') as in_use_on, a.document_number,
              to_char(a.document_date, 'YYYY-MM-DD') as document_date, l.building, l.room, a.opening_wear,
              a.opening_wear_year, c.worn, c.default_life_years, c.default_rate_bp, c.life_years, c.rate_bp,
              coalesce((select jsonb_agg(jsonb_build_object('effectiveOn', to_char(e.effective_on, 'YYYY-MM-DD'),
                                                            'costAfter', e.cost_after)
                                         order by e.effective_on, e.recorded_at)
                          from asset_event e
                         where e.school_id = a.school_id and e.asset_id = a.id and e.kind = 'COST_CHANGED'
                           and e.cost_after is not null), '[]') as cost_changes,
              coalesce((select jsonb_agg(jsonb_build_object('year', w.year, 'amount', w.amount) order by w.year)
                          from asset_wear w where w.school_id = a.school_id and w.asset_id = a.id), '[]') as wear,
              coalesce((select jsonb_agg(d.decrease order by d.decrease->>'on')
                          from (select jsonb_build_object('on', to_char(x.disposed_on, 'YYYY-MM-DD'), 'quantity', x.quantity,
                                         'documentNumber', x.decision_number,
                                         'documentDate', to_char(x.decision_date, 'YYYY-MM-DD'), 'reason', x.method) as decrease
                                  from asset_disposal x where x.school_id = a.school_id and x.asset_id = a.id
                                union all
                                select jsonb_build_object('on', to_char(t.effective_on, 'YYYY-MM-DD'), 'quantity', null,
                                         'documentNumber', t.decision_number,
                                         'documentDate', to_char(t.effective_on, 'YYYY-MM-DD'), 'reason', 'TRANSFER')
                                  from asset_transfer t
                                 where t.school_id = a.school_id and t.asset_id = a.id and t.direction = 'OUT'
                                   and t.status = 'ACCEPTED') as d), '[]') as decreases
         from asset a
         join asset_category c on c.code = a.category_code
         left join asset_location l on l.school_id = a.school_id and l.id = a.location_id
        where a.school_id = $1 and a.kind = $2 and a.in_use_on <= make_date($3, 12, 31)
        order by l.building nulls last, l.room nulls last, a.code`,
      [schoolId, kind, year],
    );
    return rows.map(toRecord);
  }
}

function toRecord(r: BookRecordRow): BookRecord {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    assetClass: r.asset_class,
    unit: r.unit,
    quantity: r.quantity,
    unitCost: Number(r.unit_cost),
    originalCost: Number(r.original_cost),
    inUseOn: r.in_use_on,
    documentNumber: r.document_number,
    documentDate: r.document_date,
    building: r.building,
    room: r.room,
    openingWear: Number(r.opening_wear),
    openingWearYear: r.opening_wear_year,
    category: {
      worn: r.worn,
      defaultLifeYears: r.default_life_years,
      defaultRateBasisPoints: r.default_rate_bp,
      lifeYears: r.life_years,
      rateBasisPoints: r.rate_bp,
    },
    // jsonb carries bigint as a JSON number; money stays below 2^53 (docs/domain/assets.md).
    costChanges: r.cost_changes.map((c) => ({ effectiveOn: c.effectiveOn, costAfter: Number(c.costAfter) })),
    wear: r.wear.map((w) => ({ year: w.year, amount: Number(w.amount) })),
    decreases: r.decreases,
  };
}
