import { HttpException, HttpStatus, ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';

/** An error the API means to send: a stable code, a status, and optional detail. */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    readonly detail?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super({ code, detail }, status);
  }
}

/** A field-level failure before localization: the rule's name and its arguments, by field path. */
export interface RawFieldError {
  field: string;
  rule: string;
  args: readonly unknown[];
}

export class ValidationProblem extends HttpException {
  constructor(readonly fieldErrors: RawFieldError[]) {
    super({ code: 'validation_failed' }, HttpStatus.BAD_REQUEST);
  }
}

/** Flattens class-validator's error tree into field paths with the rule and its constraint arguments. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): RawFieldError[] {
  return errors.flatMap((error) => {
    // No property when the body itself is not an object (an array, a string): the error is the whole body's.
    const property = error.property ?? '';
    const field = prefix ? `${prefix}.${property}` : property;
    const own = Object.keys(error.constraints ?? {}).map((rule) => ({
      field,
      // A DTO may name a more precise message for a generic rule: @Matches(re, { context: { rule: 'isVnPhone' } }).
      rule: (error.contexts?.[rule] as { rule?: string } | undefined)?.rule ?? rule,
      args: constraintArgs(error, rule),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function constraintArgs(error: ValidationError, rule: string): readonly unknown[] {
  const target = error.target?.constructor;
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === rule || m.constraintCls?.name === rule));
  return (metadata?.constraints as unknown[] | undefined) ?? [];
}
