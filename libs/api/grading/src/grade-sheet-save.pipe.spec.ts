import { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe, ruleMessage, ValidationProblem } from '@emis/api/platform';
import fc from 'fast-check';
import { acceptedSheetSave, GradeSheetSavePipe } from './grade-sheet-save.pipe';
import { GradeSheetSaveDto } from './gradebook.dto';

const BODY: ArgumentMetadata = { type: 'body', metatype: Object, data: undefined };
const pipe = new GradeSheetSavePipe();
/** The save's validation before the fast path: the application's pipe on the DTO. */
const dtoPipe = createValidationPipe();

const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const OTHER = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';

/** A copy as express.json would hand it on (structuredClone would make objects of another realm under Jest). */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** What a pipe answers: the body it hands on (as JSON) or the field errors it refuses with. */
async function outcome(run: () => Promise<unknown>): Promise<{ ok: unknown } | { refused: unknown }> {
  try {
    return { ok: JSON.parse(JSON.stringify(await run())) };
  } catch (error) {
    if (error instanceof ValidationProblem) return { refused: error.fieldErrors };
    return { refused: { thrown: (error as Error).constructor.name, message: (error as Error).message } };
  }
}

/** Before: the global pipe on the DTO. Now: the global pipe on the contract's interface (its shape guards), then this. */
const before = (body: unknown) =>
  outcome(() => dtoPipe.transform(clone(body), { ...BODY, metatype: GradeSheetSaveDto }));
const now = (body: unknown) => outcome(async () => pipe.transform(await dtoPipe.transform(clone(body), BODY), BODY));

async function refusal(body: unknown): Promise<{ field: string; rule: string; args: readonly unknown[] }[]> {
  try {
    await pipe.transform(body, BODY);
  } catch (error) {
    return (error as ValidationProblem).fieldErrors;
  }
  throw new Error('the pipe accepted the body');
}

describe('the grade save body pipe', () => {
  it('takes a well-formed sheet as it came, comments trimmed to null as the DTO does', async () => {
    const body = {
      requestId: ID,
      rows: [
        { studentId: OTHER, version: 3, cells: { TX1: 8, GK: '7,5', CK: null, DG: 'Đ' }, comment: '  Tiến bộ  ' },
        { studentId: ID, version: 0, comment: '   ' },
        { studentId: ID, version: 2_000_000_000, cells: null, comment: null },
      ],
    };
    expect(acceptedSheetSave(body)).toEqual({
      requestId: ID,
      rows: [
        { studentId: OTHER, version: 3, cells: { TX1: 8, GK: '7,5', CK: null, DG: 'Đ' }, comment: 'Tiến bộ' },
        { studentId: ID, version: 0, comment: null },
        { studentId: ID, version: 2_000_000_000, cells: null, comment: null },
      ],
    });
    expect(await now(body)).toEqual(await before(body));
  });

  it('leaves a missing comment missing (unchanged), not null (cleared)', () => {
    const [row] = acceptedSheetSave({ requestId: ID, rows: [{ studentId: ID, version: 1, cells: { TX1: 5 } }] })!.rows;
    expect(Object.hasOwn(row, 'comment')).toBe(false);
  });

  it('refuses a bad id, a negative version and an extra field with the same field errors as before, localized', async () => {
    const body = { requestId: 'abc', rows: [{ studentId: ID, version: -1, schoolId: OTHER }] };
    const errors = await refusal(body);
    expect(errors).toEqual([
      { field: 'requestId', rule: 'isUuid', args: [undefined] },
      { field: 'rows.0.schoolId', rule: 'whitelistValidation', args: [] },
      { field: 'rows.0.version', rule: 'min', args: [0] },
    ]);
    expect(await now(body)).toEqual(await before(body));
    expect(errors.map((e) => ruleMessage(e.rule, e.field, e.args, 'vi'))).toEqual([
      'requestId không đúng định dạng mã',
      'Trường schoolId không được phép',
      'Phiên bản phải lớn hơn hoặc bằng 0',
    ]);
    expect(errors.map((e) => ruleMessage(e.rule, e.field, e.args, 'en'))).toEqual([
      'requestId must be a valid id',
      'Field schoolId is not allowed',
      'Version must be at least 0',
    ]);
  });

  it('refuses more than 200 rows and a comment over 500 characters as before', async () => {
    const many = { requestId: ID, rows: Array.from({ length: 201 }, () => ({ studentId: ID, version: 0 })) };
    expect(await refusal(many)).toEqual([{ field: 'rows', rule: 'arrayMaxSize', args: [200] }]);
    const long = { requestId: ID, rows: [{ studentId: ID, version: 0, comment: ` ${'a'.repeat(501)} ` }] };
    const errors = await refusal(long);
    expect(errors).toEqual([{ field: 'rows.0.comment', rule: 'maxLength', args: [500] }]);
    expect(ruleMessage(errors[0].rule, errors[0].field, errors[0].args, 'vi')).toBe(
      'comment không được dài quá 500 ký tự',
    );
    // 500 characters after trimming pass, as they did.
    expect(
      acceptedSheetSave({ requestId: ID, rows: [{ studentId: ID, version: 0, comment: ` ${'a'.repeat(500)} ` }] }),
    ).toBeDefined();
  });

  it('hands a body with a key the validation pipe strips (constructor, __proto__) to that pipe', async () => {
    const body = JSON.parse(
      `{"requestId":"${ID}","rows":[{"studentId":"${ID}","version":0,"cells":{"constructor":1,"TX1":5}}]}`,
    );
    expect(acceptedSheetSave(body)).toBeUndefined();
    expect(await now(body)).toEqual(await before(body));
  });

  // Generated bodies, well-formed and not: the pipe answers each exactly as the DTO's validation did.
  const uuid = fc.oneof(
    fc.uuid(),
    fc.constantFrom(ID, ID.toUpperCase(), '00000000-0000-0000-0000-000000000000', 'abc', '', `${ID} `),
    fc.integer(),
    fc.constant(null),
  );
  const version = fc.oneof(
    fc.integer({ min: 0, max: 2_000_000_000 }),
    fc.constantFrom(-1, 1.5, 2_000_000_001, -0, '3', null, true),
  );
  const cellKey = fc.oneof(
    fc.constantFrom('TX1', 'TX2', 'GK', 'CK', 'DG', 'comment', 'constructor', '__proto__', 'a b', ''),
    fc.string({ maxLength: 3 }),
  );
  const cellValue = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -5, max: 15 }),
    fc.string({ maxLength: 4 }),
    fc.constantFrom(null, true, 'Đ', 'CĐ', '7,5'),
    fc.constant({ nested: 1 }),
    fc.constant([1, 2]),
  );
  const cells = fc.oneof(
    fc.dictionary(cellKey, cellValue, { maxKeys: 6 }),
    fc.constantFrom(null, [], 'TX1', 5, { toString: 1 }),
  );
  const comment = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom(null, '', '   ', 7, ['a'], `${'x'.repeat(500)}  `, 'y'.repeat(501), '\ud83d\ude00'.repeat(300)),
  );
  const row = fc.oneof(
    fc.record(
      { studentId: uuid, version, cells, comment, extra: fc.constant('x') },
      { requiredKeys: ['studentId', 'version'] },
    ),
    fc.record({ studentId: uuid, version, cells, comment }, { requiredKeys: [] }),
    fc.constantFrom(null, 5, 'row', [], [{ studentId: ID, version: 0 }]),
  );
  // A well-formed sheet, and any of the above: through JSON, as express.json hands a body on (own "__proto__" keys,
  // no null prototypes, no -0).
  const goodRow = fc.record(
    {
      studentId: fc.uuid({ version: 4 }),
      version: fc.integer({ min: 0, max: 2_000_000_000 }),
      cells: fc.dictionary(
        fc.constantFrom('TX1', 'TX2', 'GK', 'CK'),
        fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(null)),
      ),
      comment: fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null)),
    },
    { requiredKeys: ['studentId', 'version'] },
  );
  const body = fc
    .oneof(
      {
        weight: 3,
        arbitrary: fc.record({ requestId: fc.uuid({ version: 4 }), rows: fc.array(goodRow, { maxLength: 8 }) }),
      },
      {
        weight: 3,
        arbitrary: fc.record({ requestId: uuid, rows: fc.array(fc.oneof(goodRow, row), { maxLength: 6 }) }),
      },
      fc.record(
        { requestId: uuid, rows: fc.array(row, { maxLength: 3 }), other: fc.constant(1) },
        { requiredKeys: [] },
      ),
      fc.record({ requestId: uuid, rows: fc.oneof(row, fc.constantFrom(null, 'rows', 3, {})) }),
    )
    .map((b) => JSON.parse(JSON.stringify(b)) as unknown);

  it('answers generated bodies exactly as the DTO validation does', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        expect(await now(b)).toEqual(await before(b));
      }),
      { numRuns: 2000, seed: 20261206 },
    );
  });

  it('takes well-formed bodies on the fast path (the generator reaches it often)', () => {
    const taken = fc.sample(body, { numRuns: 2000, seed: 1 }).filter((b) => acceptedSheetSave(clone(b)) !== undefined);
    expect(taken.length).toBeGreaterThan(500);
  });
});
