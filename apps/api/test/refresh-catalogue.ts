import { FactsRefresher } from '@emis/api/reporting';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { gradingClass } from './grading-fixtures';
import { TestApp } from './harness';
import type { CapturedStatement } from './routing-catalogue';

/** Statements that are no query to plan: transaction control and the scope's own call. */
const NOT_PLANNED = /^(start transaction|begin|commit|rollback|savepoint|release|set |select emis_set_scope\()/i;

/**
 * Every plannable statement of one school's read-model refresh (docs/scaling.md, "Writing queries that distribute"):
 * the full rebuild of a fresh school of the spec's own (gradingClass: a class with three pupils), which runs every
 * topic's facts through the owners' ports — the same code the refresher runs after each grade save, attendance day,
 * import or payment, on a smaller plan. Captured on the API's connections with their parameters, first occurrence of
 * each text. The app must run with EVENT_WORKER off, so no background statement is mistaken for the refresh's.
 */
export async function captureSchoolRefresh(t: TestApp): Promise<{ schoolId: string; statements: CapturedStatement[] }> {
  const f = await gradingClass(t);
  const captured: CapturedStatement[] = [];
  const query = PostgresQueryRunner.prototype.query;
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
    this: PostgresQueryRunner,
    ...args: Parameters<typeof query>
  ) {
    const q = args[0] as unknown as string | { name: string; text: string };
    const text = (typeof q === 'string' ? q : q.text).trim();
    if (!NOT_PLANNED.test(text))
      captured.push({ request: 'refresh', text, params: [...((args[1] as unknown[] | undefined) ?? [])] });
    return query.apply(this, args);
  });
  try {
    await t.app.get(FactsRefresher).rebuildSchool(f.school.id);
  } finally {
    spy.mockRestore();
  }
  const seen = new Set<string>();
  return { schoolId: f.school.id, statements: captured.filter((s) => !seen.has(s.text) && seen.add(s.text)) };
}
