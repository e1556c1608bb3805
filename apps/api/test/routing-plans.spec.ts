import { distributedTables, PlanNode, scansWithoutSchool, taskCounts } from './routing-plans';

const SCHOOL = "'0b7e4f8e-2f0a-4c1e-9a57-3d2b8f6c1a90'::uuid";
const scan = (
  table: string,
  conditions: Partial<Record<'Index Cond' | 'Filter', string>>,
  alias = table,
): PlanNode => ({
  'Node Type': 'Index Scan',
  'Relation Name': table,
  Alias: alias,
  ...conditions,
});

describe('routing plans', () => {
  const tables = new Set(['student', 'enrolment']);

  it('reads the distributed tables of the table plan, reporting tables by their bare name', () => {
    const planned = distributedTables();
    expect(planned).toContain('student');
    expect(planned).toContain('grade_entry');
    expect(planned).toContain('headcount');
    expect(planned).not.toContain('org_unit');
  });

  it('accepts scans naming one school by a constant or a parameter', () => {
    const plan: PlanNode = {
      'Node Type': 'Nested Loop',
      Plans: [
        scan('student', { 'Index Cond': `((school_id = ${SCHOOL}) AND (id = $2))` }),
        scan('enrolment', { Filter: '(school_id = $1)' }),
        scan('org_unit', {}),
      ],
    };
    expect(scansWithoutSchool(plan, tables)).toEqual([]);
  });

  it('flags a correlated scan naming the school through another row, and one with no school at all', () => {
    const plan: PlanNode = {
      'Node Type': 'Nested Loop Left Join',
      Plans: [
        scan('student', { 'Index Cond': `(school_id = ${SCHOOL})` }, 's'),
        {
          'Node Type': 'Limit',
          Plans: [scan('enrolment', { 'Index Cond': '((school_id = s.school_id) AND (student_id = s.id))' }, 'e')],
        },
        { 'Node Type': 'Seq Scan', 'Relation Name': 'student', Alias: 'x', Filter: "(status = 'STUDYING'::text)" },
      ],
    };
    expect(scansWithoutSchool(plan, tables)).toEqual(['Index Scan on enrolment e', 'Seq Scan on student x']);
  });

  it("takes a bitmap heap scan's school from its index scans", () => {
    const plan: PlanNode = {
      'Node Type': 'Bitmap Heap Scan',
      'Relation Name': 'student',
      Alias: 'student',
      Plans: [{ 'Node Type': 'Bitmap Index Scan', 'Index Cond': `(school_id = ${SCHOOL})` }],
    };
    expect(scansWithoutSchool(plan, tables)).toEqual([]);
  });

  it('collects every Task Count of a Citus plan', () => {
    const explained = [
      {
        Plan: {
          'Node Type': 'Custom Scan',
          'Distributed Query': { Job: { 'Task Count': 1, Tasks: [{ 'Remote Plan': [{ Plan: {} }] }] } },
          Plans: [{ 'Distributed Query': { Job: { 'Task Count': 16 } } }],
        },
      },
    ];
    expect(taskCounts(explained)).toEqual([1, 16]);
  });
});
