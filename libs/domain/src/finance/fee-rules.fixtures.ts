import type { FeeLine, FeePeriodShape, FeePupil, ProvinceTuition } from './fee-rules';

/** A Vietnamese lower-secondary pupil of a public school in 2024-25, in no policy group; each spec states what differs. */
export function pupil(overrides: Partial<FeePupil> = {}): FeePupil {
  return {
    schoolYearStart: 2024,
    ownership: 'PUBLIC',
    schoolLevel: 'LOWER_SECONDARY',
    nationality: 'VN',
    policyGroups: [],
    exceptionPercent: null,
    ...overrides,
  };
}

/** The first semester (HK1, September to December): four months, the first period of the year. */
export const FIRST_SEMESTER: FeePeriodShape = { months: 4, firstOfYear: true };
/** The second semester (HK2, January to May): five months. */
export const SECOND_SEMESTER: FeePeriodShape = { months: 5, firstOfYear: false };

/** A province's rural lower-secondary levels: 155,000 đ a month of tuition, 155,000 đ of private-school support. */
export const RURAL_LOWER_SECONDARY: ProvinceTuition = { monthlyAmount: 155_000, privateSupportMonthly: 155_000 };

export function monthlyTuition(amount: number): FeeLine {
  return { feeKind: 'TUITION', billingUnit: 'MONTH', amount };
}
