import fc from 'fast-check';
import type { Response, Test } from 'supertest';
import { encodePart, FuzzCase, jsonBody, multipartBody, pathJunk, queryOf, RAW_QUERY_VALUES } from './fuzz-inputs';
import { bearer, TestApp } from './harness';
import { Operation, paramValue } from './openapi-operations';
import { Fixture, SampleRequest } from './role-matrix';
import { HANG_GUARD_MS } from './test-env';

/** A generated request: the case plus headers that are read on every request. */
export interface FuzzRequest extends FuzzCase {
  language: string;
  orgUnit?: string;
}

const LANGUAGES = ['vi', 'en', '*', 'en-US,en;q=0.9', 'xx-YY;q=abc', ',,,', 'vi'.repeat(2_000)];
const ORG_UNITS = ['not-a-uuid', '00000000-0000-0000-0000-000000000000', 'x'.repeat(3_000), "'", '%00'];

/**
 * The cases for one operation. Most garble one part of the request and keep the rest as the role matrix's
 * well-formed sample on the fixture's objects, so that the garbled part is what the API meets deep inside: the body
 * mutated, or the query, or one path parameter; a few garble everything at once.
 */
export function casesFor(op: Operation, f: Fixture, sample: SampleRequest): fc.Arbitrary<FuzzRequest> {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const real = Object.fromEntries(names.map((n) => [n, encodeURIComponent(paramValue(n, f))]));
  const pathWith = (values: Record<string, string>) => op.path.replace(/\{(\w+)\}/g, (_, n: string) => values[n]);
  const baseQuery = {
    ...Object.fromEntries(
      op.parameters
        .filter((p) => p.in === 'query' && ['schoolId', 'unitId'].includes(p.name))
        .map((p) => [p.name, f.schoolId]),
    ),
    ...sample.query,
  };
  const hasBody = !['get', 'delete'].includes(op.method);
  const body: fc.Arbitrary<Pick<FuzzCase, 'body' | 'rawJson' | 'multipart'>> = !hasBody
    ? fc.constant({})
    : op.body?.mediaType === 'multipart/form-data'
      ? multipartBody
      : jsonBody(op.body?.schema, sample.body);
  const sampleBody = hasBody && op.body?.mediaType !== 'multipart/form-data' ? { body: sample.body ?? {} } : {};
  const garbledPath = names.length
    ? fc
        .nat({ max: names.length - 1 })
        .chain((i) => pathJunk(real[names[i]]).map((v) => pathWith({ ...real, [names[i]]: v })))
    : fc.constant(pathWith(real));
  const query = queryOf(op.parameters, baseQuery);
  const keptQuery = Object.entries(baseQuery);
  const headers = fc.record({
    language: fc.oneof(
      { weight: 5, arbitrary: fc.constant('vi') },
      { weight: 1, arbitrary: fc.constantFrom(...LANGUAGES) },
    ),
    orgUnit: fc.oneof(
      { weight: 9, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom(...ORG_UNITS) },
    ),
  });
  const request = (
    path: fc.Arbitrary<string>,
    q: fc.Arbitrary<[string, string][]>,
    b: fc.Arbitrary<Partial<FuzzCase>>,
  ) => fc.tuple(path, q, b, headers).map(([p, qq, bb, h]) => ({ path: p, query: qq, ...bb, ...h }));
  return fc.oneof(
    { weight: hasBody ? 6 : 0, arbitrary: request(fc.constant(pathWith(real)), fc.constant(keptQuery), body) },
    { weight: 3, arbitrary: request(fc.constant(pathWith(real)), query, fc.constant(sampleBody)) },
    { weight: names.length ? 2 : 0, arbitrary: request(garbledPath, fc.constant(keptQuery), fc.constant(sampleBody)) },
    { weight: 1, arbitrary: request(names.length ? garbledPath : fc.constant(pathWith(real)), query, body) },
  );
}

/** Sends a case as a client would: JSON (or malformed JSON text), or multipart, with a bounded wait. */
export async function send(t: TestApp, op: Operation, c: FuzzRequest, token: string | undefined): Promise<Response> {
  const qs = c.query.map(([k, v]) => `${encodePart(k)}=${RAW_QUERY_VALUES.has(v) ? v : encodePart(v)}`).join('&');
  let req = (t.http() as unknown as Record<string, (u: string) => Test>)[op.method](qs ? `${c.path}?${qs}` : c.path);
  req = req.timeout({ response: HANG_GUARD_MS, deadline: HANG_GUARD_MS }).set('Accept-Language', c.language);
  if (token) req = req.set(bearer(token));
  if (c.orgUnit) req = req.set('X-Org-Unit', c.orgUnit);
  if (c.multipart) {
    for (const [name, value] of c.multipart.fields) req = req.field(headerSafe(name), value);
    for (const file of c.multipart.files) {
      req = req.attach(file.field, Buffer.from(file.bytes), {
        filename: file.name,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    }
    return req;
  }
  if (c.rawJson !== undefined) return req.set('Content-Type', 'application/json').send(c.rawJson);
  if (c.body !== undefined) return req.set('Content-Type', 'application/json').send(JSON.stringify(c.body));
  return req;
}

/** Multipart part names go into a header line: no line breaks or quotes (the client library would refuse them). */
function headerSafe(name: string): string {
  return name.replace(/[\r\n"\\]/g, '_') || '_';
}

/** A case as text short enough for a test report: long strings and arrays are cut, with their length. */
export function describeCase(c: unknown): string {
  const depths = new Map<unknown, number>([[c, 0]]);
  const text = JSON.stringify(c, function (this: unknown, _key, value: unknown) {
    const depth = (depths.get(this) ?? 0) + 1;
    if (value && typeof value === 'object') {
      if (depth > 12) return `…(nested deeper)`;
      depths.set(value, depth);
    }
    if (typeof value === 'string' && value.length > 80) return `${value.slice(0, 40)}…(${value.length} chars)`;
    if (Array.isArray(value) && value.length > 8) return [...value.slice(0, 3), `…(${value.length} items)`];
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    return value;
  });
  return text.length > 2_000 ? `${text.slice(0, 2_000)}…` : text;
}

/**
 * What a refusal must look like: RFC 9457 problem+json with its status and a code. Node's own HTTP parser answers
 * 431 for a request line or headers over 16 KB before the application sees the request, so that answer has no body.
 */
export function refusalProblem(res: Response): string | undefined {
  if (res.status < 400 || res.status >= 500 || res.status === 431) return undefined;
  const type = String(res.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json'))
    return `a ${res.status} answered as "${type}": ${String(res.text).slice(0, 300)}`;
  if (res.body?.status !== res.status || typeof res.body?.code !== 'string')
    return `a ${res.status} problem without its status and code: ${String(res.text).slice(0, 300)}`;
  return undefined;
}
