import { createValidationPipe, ValidationProblem } from '@emis/api/platform';
import { StaffInputDto } from './staff.dto';

const valid = {
  personalId: '033088001234',
  fullName: 'Trần Văn Kiểm',
  dateOfBirth: '1988-04-12',
  gender: 'MALE',
  ethnicity: '01',
  position: 'TEACHER',
  contractType: 'CONTRACT',
  startDate: '2012-09-01',
};

async function fieldsRefused(body: Record<string, unknown>): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: StaffInputDto });
    return [];
  } catch (error) {
    if (!(error instanceof ValidationProblem)) throw error;
    return [...new Set(error.fieldErrors.map((e) => e.field))];
  }
}

describe('a staff record’s salary coefficient', () => {
  it('takes up to two decimals between 1 and 10', async () => {
    expect(await fieldsRefused({ ...valid, salaryCoefficient: 3.33 })).toEqual([]);
    expect(await fieldsRefused({ ...valid, salaryCoefficient: 10 })).toEqual([]);
  });

  it('refuses a third decimal and numbers JavaScript writes in exponent form, as a field error and not a crash', async () => {
    expect(await fieldsRefused({ ...valid, salaryCoefficient: 3.333 })).toEqual(['salaryCoefficient']);
    expect(await fieldsRefused({ ...valid, salaryCoefficient: 5e-324 })).toEqual(['salaryCoefficient']);
    expect(await fieldsRefused({ ...valid, salaryCoefficient: 1e21 })).toEqual(['salaryCoefficient']);
  });
});
