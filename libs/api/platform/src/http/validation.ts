import { ArgumentMetadata, HttpStatus, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { flattenValidationErrors, ProblemException, ValidationProblem } from './problem';

/**
 * Deeper than any request of the API nests (a student's guardians are 3 levels down). class-transformer copies a body
 * recursively, and a body nested a few thousand levels deep overflowed its stack: a 500 for a 15 KB request.
 */
const MAX_DEPTH = 32;

/** Whitelist, reject unknown fields, transform: one pipe for every request body and query. */
export function createValidationPipe(): ValidationPipe {
  return new BoundedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new ValidationProblem(flattenValidationErrors(errors)),
  });
}

class BoundedValidationPipe extends ValidationPipe {
  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problem = metadata.type === 'custom' ? undefined : unreadable(value);
    if (problem) throw new ProblemException(HttpStatus.BAD_REQUEST, 'bad_request', problem);
    return super.transform(value, metadata);
  }
}

/** Half of a UTF-16 surrogate pair on its own: no UTF-8 form, and validator's isEmail threw on it (a 500). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The names JavaScript calls to turn an object into a number or text. A JSON object (or a query like
 * `?fiscalYear[toString]=`) may carry them as plain fields, and then converting it (class-transformer's `Number(value)`
 * for `@Type(() => Number)`) threw "Cannot convert object to primitive value": a 500. No request of the API names a
 * field so.
 */
const CONVERSION_KEYS = ['toString', 'valueOf'];

/** Walks the value without recursion (the point is not to overflow the stack). */
function unreadable(value: unknown): string | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string' && LONE_SURROGATE.test(v)) return 'Văn bản chứa ký tự Unicode không hợp lệ';
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_DEPTH) return `Dữ liệu lồng nhau quá sâu (tối đa ${MAX_DEPTH} cấp)`;
    const key = CONVERSION_KEYS.find((k) => Object.hasOwn(v, k));
    if (key) return `Tên trường không hợp lệ: ${key}`;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return undefined;
}
