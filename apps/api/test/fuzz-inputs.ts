import fc from 'fast-check';
import { JsonSchema, OperationParameter } from './openapi-operations';

/**
 * Bad inputs for the endpoint fuzzer (fuzz.int-spec.ts), derived from an operation's OpenAPI schema and from its
 * role-matrix sample: the sample is mutated so that most cases pass the earlier checks and reach deep into the
 * service, while the rest are junk from the first byte.
 */

/** One request as the fuzzer sends it: path parameters already substituted and URL-encoded. */
export interface FuzzCase {
  path: string;
  query: [string, string][];
  /** A JSON body (undefined: none), or raw text sent as JSON (malformed on purpose). */
  body?: unknown;
  rawJson?: string;
  /** A multipart body instead: fields and files. */
  multipart?: { fields: [string, string][]; files: { field: string; name: string; bytes: number[] }[] };
}

const LONG = 'A'.repeat(10_000);

/** Text that breaks naive parsers, collations, encoders and date or number readers. */
export const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\u202eevil\u202c',
  '\u200f\u200e\u200b',
  '😀👨‍👩‍👧‍👦',
  'e\u0301\u0301\u0301',
  'Ⅻ',
  'İı',
  'ß',
  '\ufeff',
  '\r\n',
  '\t',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x1F',
  '1_000',
  ' 12 ',
  '١٢٣',
  '𝟙𝟚',
  '9'.repeat(400),
  LONG,
  'Nguyễn'.repeat(2000),
  '../../etc/passwd',
  '..%2f..%2f',
  "' or 1=1 --",
  "'; drop table student; --",
  '%',
  '_',
  '\\',
  '"',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '+1',
  '@SUM(1)',
  '2025-02-30',
  '2025-13-01',
  '0000-00-00',
  '99999-01-01',
  '2025-10-15T25:61:00Z',
  '15/10/2025',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  '6a1e2e3c-0000-4000-8000-00000000000g',
  'true',
  'null',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'toString',
];

export const ODD_NUMBERS: readonly number[] = [
  -1,
  0,
  1,
  -0.0001,
  0.5,
  1.5,
  2.25,
  13,
  1e308,
  -1e308,
  5e-324,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 1,
  Number.MAX_VALUE,
  1900,
  3000,
  99999,
  Number.NaN,
  Number.POSITIVE_INFINITY,
];

const oddText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...ODD_STRINGS), fc.string({ maxLength: 8 })).map(([a, b]) => a + b),
  },
);
const oddNumber = fc.oneof(fc.constantFrom(...ODD_NUMBERS), fc.double(), fc.integer());

/** Objects whose keys attack prototypes, built by JSON.parse so the keys are own properties. */
const POLLUTERS = [
  '{"__proto__":{"isAdmin":true,"schoolId":"x"}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"toString":1,"valueOf":"x","hasOwnProperty":null}',
].map((text) => JSON.parse(text) as unknown);

/** Nested junk, arrays of 10,000 items, and nesting deep enough to strain recursive validators. */
export const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 10, arbitrary: oddText },
    { weight: 5, arbitrary: oddNumber },
    { weight: 2, arbitrary: fc.constantFrom(true, false, null) },
    { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 2, arbitrary: fc.dictionary(oddText, tie('value'), { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom(...POLLUTERS) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(Array(10_000).fill('x'), Array(10_000).fill(7), Array(10_000).fill({})),
    },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 3_000 }).map((depth) => nest(depth)) },
  ),
})).value;

function nest(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** A value of the wrong kind for `schema`, or one just outside what it allows. */
function wrongFor(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const near: unknown[] = [];
  if (schema?.minimum !== undefined) near.push(schema.minimum - 1, schema.minimum - 0.5, -schema.minimum);
  if (schema?.maximum !== undefined) near.push(schema.maximum + 1, schema.maximum + 0.01);
  if (schema?.enum)
    near.push(...schema.enum.map((v) => (typeof v === 'string' ? v.toLowerCase() : String(v))), `${schema.enum[0]} `);
  if (schema?.type === 'array') near.push(Array(10_000).fill(schema.items?.enum?.[0] ?? 'x'), [null], [[]]);
  if (schema?.type === 'string' || schema?.format === 'uuid') near.push(123, ['x'], { x: 1 }, LONG);
  if (schema?.type === 'number' || schema?.type === 'integer') near.push('1', '1e309', 'NaN', true, [1], 1.000001);
  return near.length ? fc.oneof(fc.constantFrom(...near), junk) : junk;
}

/** A plausible value for a schema with no sample value. */
function plausible(schema: JsonSchema): unknown {
  if (schema.enum) return schema.enum[0];
  if (schema.type === 'number' || schema.type === 'integer') return schema.minimum ?? 1;
  if (schema.type === 'array') return [];
  if (schema.type === 'boolean') return true;
  if (schema.properties)
    return Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, plausible(v)]));
  return 'x';
}

/** A body built field by field from the schema: each field kept, dropped, or given a wrong value; junk keys added. */
function schemaBody(schema: JsonSchema, base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const fields = Object.entries(schema.properties ?? {});
  const choices = fields.map(([key, s]) =>
    fc
      .oneof(
        { weight: 6, arbitrary: fc.constant({ keep: key in base ? base[key] : plausible(s) }) },
        { weight: 1, arbitrary: fc.constant({ drop: true }) },
        { weight: 1, arbitrary: wrongFor(s).map((keep) => ({ keep })) },
      )
      .map((choice) => [key, choice] as const),
  );
  return fc.tuple(fc.tuple(...choices), fc.dictionary(oddText, junk, { maxKeys: 2 })).map(([picked, extra]) => ({
    ...Object.fromEntries(picked.filter(([, c]) => !('drop' in c)).map(([k, c]) => [k, (c as { keep: unknown }).keep])),
    ...extra,
  }));
}

/** Every path into a JSON value ([] is the value itself). */
function pathsOf(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (prefix.length < 6 && value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

type Mutation = { at: number; action: 'replace' | 'drop' | 'extra' | 'wrap'; value: unknown; key: string };

/** Applies mutations to a deep copy of the sample: a value replaced, a key dropped, a junk key added, a value wrapped. */
function mutate(
  base: unknown,
  mutations: Mutation[],
  schemaAt: (path: (string | number)[]) => JsonSchema | undefined,
): unknown {
  return mutations.reduce((root, m) => mutateOnce(root, m, schemaAt), jsonCopy(base));
}

function mutateOnce(
  root: unknown,
  m: Mutation,
  schemaAt: (path: (string | number)[]) => JsonSchema | undefined,
): unknown {
  const paths = pathsOf(root);
  const path = paths[m.at % paths.length];
  // A copy: generated values are shared between cases, and a later mutation may reach inside this one.
  const value = jsonCopy(m.action === 'replace' && m.value === undefined ? wrongSample(schemaAt(path), m.at) : m.value);
  if (path.length === 0) {
    if (m.action === 'wrap') return [root];
    if (m.action === 'extra' && root && typeof root === 'object' && !Array.isArray(root))
      return setOwn({ ...root }, m.key, value);
    return m.action === 'drop' ? undefined : value;
  }
  const parent = path.slice(0, -1).reduce<unknown>((v, k) => own(v, k), root) as
    Record<string | number, unknown> | undefined;
  if (!parent || typeof parent !== 'object') return root;
  const last = path[path.length - 1];
  const current = own(parent, last);
  if (m.action === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (m.action === 'wrap') setOwn(parent, last, [current]);
  else if (m.action === 'extra')
    setOwn(
      current && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>) : parent,
      m.key,
      value,
    );
  else setOwn(parent, last, value);
  return root;
}

/** An own property only (a key such as "__proto__" or "constructor" must never reach the prototype). */
function own(value: unknown, key: string | number): unknown {
  return value && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string | number, unknown>)[key]
    : undefined;
}

function setOwn<T extends object>(target: T, key: string | number, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/**
 * A deep copy as the request will carry it (JSON; structuredClone recurses and overflows on the deepest junk).
 * NaN and Infinity become null here, as JSON.stringify makes them on the wire anyway.
 */
function jsonCopy(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** One wrong value for the schema at the mutated path (the path is only known once the mutation is applied). */
function wrongSample(schema: JsonSchema | undefined, seed: number): unknown {
  return fc.sample(wrongFor(schema), { numRuns: 1, seed })[0];
}

function schemaAtPath(schema: JsonSchema | undefined, path: (string | number)[]): JsonSchema | undefined {
  return path.reduce<JsonSchema | undefined>((s, k) => (typeof k === 'number' ? s?.items : s?.properties?.[k]), schema);
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  action: fc.constantFrom('replace', 'replace', 'replace', 'drop', 'extra', 'wrap'),
  value: fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: junk }),
  key: oddText,
});

const MALFORMED_JSON = [
  '{',
  '{"a":',
  '[1,2',
  '{"a":1}}',
  "{'a':1}",
  'NaN',
  '\u0000',
  '{"a":"\\ud800"}',
  '{"a":1,"a":2}',
  '"\\u0000"',
  ' ',
  '1e999999',
  `{"x":"${LONG}"`,
];

/** A request body for a JSON operation: mostly the sample mutated, else a schema-driven, wholly junk or malformed one. */
export function jsonBody(
  schema: JsonSchema | undefined,
  sample: unknown,
): fc.Arbitrary<Pick<FuzzCase, 'body' | 'rawJson'>> {
  const base = sample ?? {};
  const object = base && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(mutation, { minLength: 1, maxLength: 3 })
        .map((ms) => ({ body: mutate(base, ms, (p) => schemaAtPath(schema, p)) })),
    },
    { weight: schema?.properties ? 3 : 0, arbitrary: schemaBody(schema ?? {}, object).map((body) => ({ body })) },
    { weight: 1, arbitrary: junk.map((body) => ({ body })) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_JSON).map((rawJson) => ({ rawJson })) },
  );
}

const ODD_NAMES = [
  'danh-sach.xlsx',
  'a.XLSX',
  '.xlsx',
  `${'x'.repeat(1_000)}.xlsx`,
  '../../etc/passwd.xlsx',
  'a\u0000.xlsx',
  'Danh sách 😀.xlsx',
  'a.xlsx.exe',
  'a.csv',
  '',
];

/** Multipart junk for an upload operation: odd field names, odd file names, junk bytes, several files, text fields. */
export const multipartBody: fc.Arbitrary<Pick<FuzzCase, 'multipart'>> = fc
  .record({
    fields: fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom('file', 'files', 'kind'),
          oddText.filter((s) => s.length > 0 && s.length < 200),
        ),
        oddText.map((s) => s.slice(0, 2_000)),
      ),
      { maxLength: 3 },
    ),
    files: fc.array(
      fc.record({
        field: fc.constantFrom('file', 'file', 'files', 'upload', 'file[]'),
        name: fc.oneof(
          fc.constantFrom(...ODD_NAMES),
          oddText.map((s) => `${s.slice(0, 200)}.xlsx`),
        ),
        bytes: fc.oneof(
          fc.array(fc.nat({ max: 255 }), { maxLength: 64 }),
          fc.constant<number[]>([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
        ),
      }),
      { maxLength: 2 },
    ),
  })
  .map((multipart) => ({ multipart }));

/**
 * Query parameters: the sample's, with one of them (or, now and then, every one) replaced by garbage, repeated or
 * nested, plus unknown keys now and then. One at a time, so that the garbage meets the code behind the other checks.
 */
export function queryOf(
  parameters: OperationParameter[],
  base: Record<string, string>,
): fc.Arbitrary<[string, string][]> {
  const names = [...new Set([...parameters.filter((p) => p.in === 'query').map((p) => p.name), ...Object.keys(base)])];
  const kept = (name: string): [string, string][] => (name in base ? [[name, base[name]]] : []);
  const oddQueryText = fc.oneof(
    oddText,
    fc.constantFrom(
      '0',
      '-1',
      '1e309',
      '100000',
      '2.5',
      '-',
      ',,,',
      '-name,-name',
      'name;drop',
      'id)',
      ...RAW_QUERY_VALUES,
    ),
  );
  const garbled = (name: string): fc.Arbitrary<[string, string][]> =>
    fc.oneof(
      { weight: 3, arbitrary: oddQueryText.map((v): [string, string][] => [[name, v]]) },
      {
        weight: 1,
        arbitrary: fc.tuple(oddQueryText, oddQueryText).map(([a, b]): [string, string][] => [
          [name, a],
          [name, b],
        ]),
      },
      { weight: 1, arbitrary: oddQueryText.map((v): [string, string][] => [[`${name}[x]`, v]]) },
    );
  const extra = fc.array(
    fc.tuple(
      oddText.filter((s) => s.length > 0),
      oddText,
    ),
    { maxLength: 2 },
  );
  if (!names.length) return extra;
  const one = fc
    .nat({ max: names.length - 1 })
    .chain((i) => garbled(names[i]).map((g) => names.flatMap((n, j) => (j === i ? g : kept(n)))));
  const every = fc.tuple(...names.map((n) => fc.oneof(fc.constant(kept(n)), garbled(n)))).map((pairs) => pairs.flat());
  return fc.oneof(
    { weight: 6, arbitrary: one },
    { weight: 1, arbitrary: every },
    { weight: 1, arbitrary: extra.map((more) => [...names.flatMap(kept), ...more]) },
  );
}

/** A bad path parameter value: not-uuids, uuids of nothing, traversal, malformed percent-encoding, huge and odd text. */
export function pathJunk(real: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '..%2f..%2f',
        '%2e%2e',
        '..',
        '%ZZ',
        '%E0%A4%A',
        '%ED%A0%80',
        '%C0%AE',
        '%00',
        'x'.repeat(5_000),
        '0',
        '-1',
        '1.5',
        'NaN',
        '1e309',
        `${real}%00`,
        `${real}'`,
        `${real.toUpperCase()}`,
        ` ${real}`,
      ),
    },
    { weight: 2, arbitrary: oddText.filter((s) => s.length > 0).map(encodePart) },
  );
}

/** URL-encodes text; a lone surrogate (which has no UTF-8 form) is sent as its raw CESU bytes, which no decoder accepts. */
export function encodePart(text: string): string {
  return text
    .replace(/[\ud800-\udfff]/g, '\uffff')
    .split('\uffff')
    .map(encodeURIComponent)
    .join('%ED%A0%80');
}

/** Query values sent as they are (malformed percent-encoding); everything else is encoded by encodePart. */
export const RAW_QUERY_VALUES = new Set(['%ZZ', '%E0%A4%A', '%ED%A0%80']);
