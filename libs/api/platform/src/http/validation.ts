import { ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors, ValidationProblem } from './problem';

/** Whitelist, reject unknown fields, transform: one pipe for every request body and query. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new ValidationProblem(flattenValidationErrors(errors)),
  });
}
