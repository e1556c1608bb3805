import { GRADE_LEVELS } from '../calendar/grades';
import {
  FACILITY_LINES,
  QUALIFICATION_COLUMNS,
  SECTION_DEFINITIONS,
  STATISTICAL_FORMS,
  StatisticalFormKind,
  TOTAL_LINE,
} from './statistical-forms';

/** One line of a form: its values per column code (null: not applicable or not typed in). */
export interface FormLine {
  code: string;
  values: Record<string, number | null>;
}

export interface FormSection {
  code: string;
  columns: string[];
  lines: FormLine[];
}

/** Figures the school types in, by line code (FACILITY_LINES); null or absent: not typed in yet. */
export type ManualFigures = Record<string, number | null>;

/**
 * A school's facts for one school year, as the reporting fact tables hold them (class-grained rows summed by the
 * caller or not: the builder sums whatever it is given).
 */
export interface StatisticalFacts {
  /** The grades the school teaches (from its levels): every one gets a line, even with no class. */
  grades: readonly string[];
  classes: readonly { grade: string; pupils: number; ceiling: number | null }[];
  headcount: readonly { grade: string; gender: string; ethnicity: string; disabled: boolean; pupils: number }[];
  policy: readonly { policyGroup: string; gender: string; pupils: number }[];
  staff: readonly { position: string; qualification: string; contractType: string; gender: string; staff: number }[];
  movement: readonly { grade: string; kind: string; gender: string; pupils: number }[];
  /** The year's (CN) class summaries: measure pupils / missing (code '') and learning / training / award. */
  outcomes: readonly { grade: string; measure: string; code: string; pupils: number }[];
}

/** The GSO code of the Kinh majority; every other recorded code is an ethnic minority. */
const KINH = '01';

const MOVEMENT_COLUMNS: Record<string, string> = {
  PROMOTE: 'promoted',
  REPEAT: 'repeated',
  GRADUATE: 'graduated',
  DROPPED_OUT: 'droppedOut',
  TRANSFERRED_OUT: 'transferredOut',
  TRANSFERRED_IN: 'transferredIn',
};

/** The sections of a form filled from the school's facts and its typed-in figures. */
export function buildStatisticalSections(
  kind: StatisticalFormKind,
  facts: StatisticalFacts,
  manual: ManualFigures,
): FormSection[] {
  const grades = orderedGrades([
    ...facts.grades,
    ...facts.classes.map((c) => c.grade),
    ...facts.headcount.map((h) => h.grade),
  ]);
  const builders: Record<string, () => FormSection> = {
    SCHOOL: () => schoolSection(facts),
    CLASSES: () => classesSection(grades, facts),
    PUPILS: () => pupilsSection(grades, facts),
    POLICY: () => policySection(facts),
    STAFF: () => staffSection(facts),
    FACILITIES: () => facilitiesSection(manual),
    LEARNING: () => levelsSection('LEARNING', grades, facts, 'learning'),
    TRAINING: () => levelsSection('TRAINING', grades, facts, 'training'),
    AWARDS: () => awardsSection(grades, facts),
    PROMOTION: () => promotionSection(grades, facts),
  };
  return STATISTICAL_FORMS[kind].sections.map((code) => builders[code]());
}

/**
 * A unit's or the province's form: the sum of its schools' frozen sections, line by line and column by column.
 * Lines and columns are the union of the schools' (grades in grade order, columns in the form's order); a value is
 * null only when it is null in every school.
 */
export function sumStatisticalSections(kind: StatisticalFormKind, schools: readonly FormSection[][]): FormSection[] {
  return STATISTICAL_FORMS[kind].sections.map((code) => {
    const definition = SECTION_DEFINITIONS[code];
    const parts = schools.map((s) => s.find((section) => section.code === code)).filter((s): s is FormSection => !!s);
    const columnSet = new Set(parts.flatMap((p) => p.columns));
    const columns = [
      ...definition.columns.filter((c) => columnSet.has(c)),
      ...[...columnSet].filter((c) => !definition.columns.includes(c)),
    ];
    const lineCodes = [...new Set(parts.flatMap((p) => p.lines.map((l) => l.code)))];
    const lines =
      definition.lineSet === 'GRADES'
        ? [...orderedGrades(lineCodes.filter((c) => c !== TOTAL_LINE)), TOTAL_LINE]
        : definition.lines.filter((l) => lineCodes.includes(l));
    // A province sums about a thousand schools: index each school's lines once rather than search them per cell.
    const indexed = parts.map((p) => new Map(p.lines.map((l) => [l.code, l.values])));
    return {
      code,
      columns,
      lines: lines.map((line) => {
        const rows = indexed.map((byCode) => byCode.get(line)).filter((v) => !!v);
        return {
          code: line,
          values: Object.fromEntries(
            columns.map((column) => {
              const values = rows.map((v) => v[column]).filter((v): v is number => typeof v === 'number');
              return [column, values.length ? values.reduce((a, b) => a + b, 0) : null];
            }),
          ),
        };
      }),
    };
  });
}

export function orderedGrades(grades: readonly string[]): string[] {
  const order = GRADE_LEVELS as readonly string[];
  return [...new Set(grades)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

function sum<T>(rows: readonly T[], pick: (row: T) => number): number {
  return rows.reduce((total, row) => total + pick(row), 0);
}

/** Lines per grade and a total line that sums them, for every column. */
function gradeLines(
  grades: readonly string[],
  columns: readonly string[],
  value: (grade: string, column: string) => number,
): FormLine[] {
  const lines = grades.map((grade) => ({
    code: grade,
    values: Object.fromEntries(columns.map((c) => [c, value(grade, c)])) as Record<string, number | null>,
  }));
  const total = Object.fromEntries(columns.map((c) => [c, sum(lines, (l) => l.values[c] ?? 0)]));
  return [...lines, { code: TOTAL_LINE, values: total }];
}

function schoolSection(facts: StatisticalFacts): FormSection {
  const values: Record<string, number> = {
    SCHOOLS: 1,
    CLASSES: facts.classes.length,
    PUPILS: sum(facts.classes, (c) => c.pupils),
    ALL_STAFF: sum(facts.staff, (s) => s.staff),
    TEACHERS: sum(
      facts.staff.filter((s) => s.position === 'TEACHER'),
      (s) => s.staff,
    ),
  };
  return {
    code: 'SCHOOL',
    columns: ['value'],
    lines: SECTION_DEFINITIONS['SCHOOL'].lines.map((code) => ({ code, values: { value: values[code] } })),
  };
}

function classesSection(grades: readonly string[], facts: StatisticalFacts): FormSection {
  const columns = SECTION_DEFINITIONS['CLASSES'].columns;
  const lines = gradeLines(grades, columns, (grade, column) => {
    const classes = facts.classes.filter((c) => c.grade === grade);
    if (column === 'classes') return classes.length;
    if (column === 'pupils') return sum(classes, (c) => c.pupils);
    return classes.filter((c) => c.ceiling !== null && c.pupils > c.ceiling).length;
  });
  return { code: 'CLASSES', columns: [...columns], lines };
}

function pupilsSection(grades: readonly string[], facts: StatisticalFacts): FormSection {
  const columns = SECTION_DEFINITIONS['PUPILS'].columns;
  const minority = (h: StatisticalFacts['headcount'][number]) => h.ethnicity !== '' && h.ethnicity !== KINH;
  const lines = gradeLines(grades, columns, (grade, column) => {
    const rows = facts.headcount.filter((h) => h.grade === grade);
    const count = (keep: (h: StatisticalFacts['headcount'][number]) => boolean) =>
      sum(rows.filter(keep), (h) => h.pupils);
    switch (column) {
      // The total is the classes' enrolment (class_size), so a headcount that disagrees shows as a gender-sum error.
      case 'total':
        return sum(
          facts.classes.filter((c) => c.grade === grade),
          (c) => c.pupils,
        );
      case 'male':
        return count((h) => h.gender === 'MALE');
      case 'female':
        return count((h) => h.gender === 'FEMALE');
      case 'ethnicMinority':
        return count(minority);
      case 'ethnicMinorityFemale':
        return count((h) => minority(h) && h.gender === 'FEMALE');
      default:
        return count((h) => h.disabled);
    }
  });
  return { code: 'PUPILS', columns: [...columns], lines };
}

function policySection(facts: StatisticalFacts): FormSection {
  const { lines, columns } = SECTION_DEFINITIONS['POLICY'];
  return {
    code: 'POLICY',
    columns: [...columns],
    lines: lines.map((group) => {
      const rows = facts.policy.filter((p) => p.policyGroup === group);
      return {
        code: group,
        values: {
          total: sum(rows, (p) => p.pupils),
          female: sum(
            rows.filter((p) => p.gender === 'FEMALE'),
            (p) => p.pupils,
          ),
        },
      };
    }),
  };
}

function staffSection(facts: StatisticalFacts): FormSection {
  const { lines, columns } = SECTION_DEFINITIONS['STAFF'];
  const valuesOf = (rows: StatisticalFacts['staff']): Record<string, number | null> => {
    const count = (keep: (s: StatisticalFacts['staff'][number]) => boolean) => sum(rows.filter(keep), (s) => s.staff);
    const values: Record<string, number | null> = {
      total: count(() => true),
      female: count((s) => s.gender === 'FEMALE'),
      civilServant: count((s) => s.contractType === 'CIVIL_SERVANT'),
      contract: count((s) => s.contractType === 'CONTRACT'),
    };
    for (const [qualification, column] of Object.entries(QUALIFICATION_COLUMNS))
      values[column] = count((s) => s.qualification === qualification);
    return values;
  };
  return {
    code: 'STAFF',
    columns: [...columns],
    lines: lines.map((position) => ({
      code: position,
      values: valuesOf(position === TOTAL_LINE ? facts.staff : facts.staff.filter((s) => s.position === position)),
    })),
  };
}

function facilitiesSection(manual: ManualFigures): FormSection {
  return {
    code: 'FACILITIES',
    columns: ['value'],
    lines: FACILITY_LINES.map((line) => ({ code: line, values: { value: manual[line] ?? null } })),
  };
}

/** Learning or training levels per grade, with the pupils assessed and (learning) those whose result is missing. */
function levelsSection(
  code: 'LEARNING' | 'TRAINING',
  grades: readonly string[],
  facts: StatisticalFacts,
  measure: 'learning' | 'training',
): FormSection {
  const present = new Set(facts.outcomes.filter((o) => o.measure === measure).map((o) => o.code));
  const columns = SECTION_DEFINITIONS[code].columns.filter((c) => c === 'pupils' || c === 'missing' || present.has(c));
  const lines = gradeLines(grades, columns, (grade, column) => {
    const rows = facts.outcomes.filter((o) => o.grade === grade);
    if (column === 'pupils' || column === 'missing')
      return sum(
        rows.filter((o) => o.measure === column),
        (o) => o.pupils,
      );
    return sum(
      rows.filter((o) => o.measure === measure && o.code === column),
      (o) => o.pupils,
    );
  });
  return { code, columns, lines };
}

function awardsSection(grades: readonly string[], facts: StatisticalFacts): FormSection {
  const columns = SECTION_DEFINITIONS['AWARDS'].columns;
  const lines = gradeLines(grades, columns, (grade, column) =>
    sum(
      facts.outcomes.filter((o) => o.grade === grade && o.measure === 'award' && o.code === column),
      (o) => o.pupils,
    ),
  );
  return { code: 'AWARDS', columns: [...columns], lines };
}

function promotionSection(grades: readonly string[], facts: StatisticalFacts): FormSection {
  const columns = SECTION_DEFINITIONS['PROMOTION'].columns;
  const lines = gradeLines(grades, columns, (grade, column) => {
    const rows = facts.movement.filter((m) => m.grade === grade);
    if (column === 'droppedOutFemale')
      return sum(
        rows.filter((m) => m.kind === 'DROPPED_OUT' && m.gender === 'FEMALE'),
        (m) => m.pupils,
      );
    return sum(
      rows.filter((m) => MOVEMENT_COLUMNS[m.kind] === column),
      (m) => m.pupils,
    );
  });
  return { code: 'PROMOTION', columns: [...columns], lines };
}
