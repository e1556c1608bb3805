import { isRealDate } from '@emis/domain';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
} from 'class-validator';

/**
 * The field rules every finance DTO shares: whole đồng, real dates, trimmed text. Money stays below 2^53 so JSON
 * carries it exactly (the design's rule: integers in đồng from the column to the JSON field).
 */
export const MAX_DONG = 9_000_000_000_000_000;

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFC').trim().replace(/\s+/g, ' ') : value;

/** A positive amount of whole đồng. */
export function PositiveDong() {
  return (object: object, propertyName: string) => {
    IsInt()(object, propertyName);
    Min(1)(object, propertyName);
    Max(MAX_DONG)(object, propertyName);
  };
}

/** A calendar date yyyy-MM-dd that exists (the rule 'isRealDate' words the error). */
export function IsRealDate() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isRealDate',
      target: object.constructor,
      propertyName,
      validator: { validate: (value: unknown) => isRealDate(value) },
    });
}

/** Optional text: absent, null, or a non-empty string after trimming (blank becomes null). */
export function OptionalText(max: number) {
  return (object: object, propertyName: string) => {
    Transform(({ value }) => (typeof value === 'string' && value.trim() === '' ? null : trimmed({ value })))(
      object,
      propertyName,
    );
    IsOptional()(object, propertyName);
    ValidateIf((_, v) => v !== null)(object, propertyName);
    IsString()(object, propertyName);
    MaxLength(max)(object, propertyName);
  };
}

/** Required text, trimmed, not blank. */
export function RequiredText(max: number) {
  return (object: object, propertyName: string) => {
    Transform(trimmed)(object, propertyName);
    IsString()(object, propertyName);
    IsNotEmpty()(object, propertyName);
    MaxLength(max)(object, propertyName);
  };
}
