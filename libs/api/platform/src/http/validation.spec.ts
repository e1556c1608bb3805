import { ArgumentMetadata, HttpStatus } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ProblemException, ValidationProblem } from './problem';
import { createValidationPipe } from './validation';

class GuardianBody {
  @IsString() @MaxLength(5) fullName!: string;
}

class StudentBody {
  @IsString() fullName!: string;
  @IsOptional() @IsEmail() email?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(12) grade?: number;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => GuardianBody) guardians?: GuardianBody[];
}

const body: ArgumentMetadata = { type: 'body', metatype: StudentBody };
const pipe = createValidationPipe();

async function failure(value: unknown, metadata = body): Promise<unknown> {
  try {
    await pipe.transform(value, metadata);
  } catch (error) {
    return error;
  }
  throw new Error('the pipe accepted the value');
}

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) value = { child: value };
  return value;
}

describe('the validation pipe of every request', () => {
  it('turns a valid body into its DTO class, converting declared types', async () => {
    const result = await pipe.transform({ fullName: 'An', grade: '6', guardians: [{ fullName: 'Bố' }] }, body);
    expect(result).toBeInstanceOf(StudentBody);
    expect(result).toEqual({ fullName: 'An', grade: 6, guardians: [{ fullName: 'Bố' }] });
  });

  it('reports every failed rule by field path, nested fields included, with the rule’s arguments', async () => {
    const error = await failure({ fullName: 5, grade: 13, guardians: [{ fullName: 'Nguyễn Văn Bố' }] });
    expect(error).toBeInstanceOf(ValidationProblem);
    expect((error as ValidationProblem).getStatus()).toBe(HttpStatus.BAD_REQUEST);
    expect((error as ValidationProblem).fieldErrors).toEqual([
      { field: 'fullName', rule: 'isString', args: [] },
      { field: 'grade', rule: 'max', args: [12] },
      { field: 'guardians.0.fullName', rule: 'maxLength', args: [5] },
    ]);
  });

  it('rejects a field the DTO does not declare instead of dropping it silently', async () => {
    const error = (await failure({ fullName: 'An', schoolId: 'another-school' })) as ValidationProblem;
    expect(error.fieldErrors).toEqual([{ field: 'schoolId', rule: 'whitelistValidation', args: [] }]);
  });

  it('refuses a body nested deeper than 32 levels (the body itself is the first) with a 400, before class-transformer walks it', async () => {
    const deepest = nested(31);
    await expect(pipe.transform(deepest, { type: 'body' })).resolves.toBe(deepest);
    const error = await failure(nested(32), { type: 'body' });
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).getStatus()).toBe(HttpStatus.BAD_REQUEST);
    expect((error as ProblemException).code).toBe('bad_request');
    expect((error as ProblemException).detail).toBe('Dữ liệu lồng nhau quá sâu (tối đa 32 cấp)');
  });

  it('walks a body thousands of levels deep without overflowing the stack', async () => {
    const error = await failure(nested(100_000));
    expect((error as ProblemException).code).toBe('bad_request');
  });

  it('refuses text holding half of a surrogate pair (no UTF-8 form), wherever it sits', async () => {
    const error = await failure({ fullName: 'An', email: 'an\ud800@truong.edu.vn' });
    expect((error as ProblemException).detail).toBe('Văn bản chứa ký tự Unicode không hợp lệ');
    expect(await failure({ fullName: 'An', guardians: [{ fullName: '\udc00' }] })).toBeInstanceOf(ProblemException);
  });

  it('refuses an object carrying toString or valueOf as fields, which converting it to a number would throw on', async () => {
    const poisoned = { toString: '', valueOf: 'x', hasOwnProperty: null };
    expect(() => Number(poisoned)).toThrow(TypeError);
    const error = await failure({ fullName: 'An', grade: [poisoned] });
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).getStatus()).toBe(HttpStatus.BAD_REQUEST);
    expect((error as ProblemException).detail).toBe('Tên trường không hợp lệ: toString');
    const query = await failure({ grade: { valueOf: '1' } }, { type: 'query', metatype: StudentBody });
    expect((query as ProblemException).detail).toBe('Tên trường không hợp lệ: valueOf');
  });

  it('accepts a whole surrogate pair (an emoji) as ordinary text', async () => {
    await expect(pipe.transform({ fullName: 'An 😀' }, body)).resolves.toEqual({ fullName: 'An 😀' });
  });

  it('leaves custom parameters (decorators reading the request) unchecked', async () => {
    const custom = nested(40);
    await expect(pipe.transform(custom, { type: 'custom' })).resolves.toBe(custom);
  });
});
