import { learningResult, SubjectOutcome } from '../c22/learning-result';
import {
  ageInYear,
  completionApplies,
  completionIsCertified,
  CompletionInput,
  completionProposal,
} from './lower-secondary-completion';

/** A grade 9 pupil of 2025-26 born in 2011 (15 in 2026) who meets every condition; each case changes one thing. */
const eligible: CompletionInput = {
  schoolYearCode: '2025-2026',
  learning: 'KHA',
  training: 'TOT',
  absences: 12,
  dateOfBirth: '2011-03-14',
  programme: 'GENERAL',
  missingRecords: [],
};

describe('Circular 31/2023 lower-secondary completion proposal', () => {
  it('completes when training and learning are at least Đạt, absences at most 45, age within the limit and records complete', () => {
    expect(completionProposal(eligible)).toEqual({ completes: true, unmet: [], age: 15 });
  });

  it('completes with one comment subject Chưa đạt when learning is still Đạt: there is no "no subject Chưa đạt" condition', () => {
    const subjects: SubjectOutcome[] = [
      ...['TOAN', 'NGU_VAN', 'NGOAI_NGU', 'KHTN', 'LS_DL', 'GDCD'].map((code) => ({
        code,
        assessment: 'SCORE' as const,
        average: 6.0,
        rating: null,
      })),
      { code: 'AM_NHAC', assessment: 'COMMENT', average: null, rating: 'CD' },
      { code: 'GDTC', assessment: 'COMMENT', average: null, rating: 'D' },
    ];
    const learning = learningResult(subjects);
    expect(learning).toBe('DAT');
    expect(completionProposal({ ...eligible, learning })).toEqual({ completes: true, unmet: [], age: 15 });
  });

  it('does not complete with the year training Chưa đạt', () => {
    expect(completionProposal({ ...eligible, training: 'CHUA_DAT' })).toMatchObject({
      completes: false,
      unmet: ['TRAINING'],
    });
  });

  it('completes with the year training exactly Đạt (the floor)', () => {
    expect(completionProposal({ ...eligible, training: 'DAT' }).completes).toBe(true);
  });

  it('does not complete with the year learning Chưa đạt', () => {
    expect(completionProposal({ ...eligible, learning: 'CHUA_DAT' })).toMatchObject({
      completes: false,
      unmet: ['LEARNING'],
    });
  });

  it('completes at exactly 45 sessions absent', () => {
    expect(completionProposal({ ...eligible, absences: 45 }).completes).toBe(true);
  });

  it('does not complete at 46 sessions absent', () => {
    expect(completionProposal({ ...eligible, absences: 46 })).toMatchObject({ completes: false, unmet: ['ABSENCES'] });
  });

  it('completes at 21 in the year on the general programme', () => {
    expect(completionProposal({ ...eligible, dateOfBirth: '2005-12-31' })).toEqual({
      completes: true,
      unmet: [],
      age: 21,
    });
  });

  it('does not complete at 22 in the year on the general programme', () => {
    expect(completionProposal({ ...eligible, dateOfBirth: '2004-01-01' })).toEqual({
      completes: false,
      unmet: ['AGE'],
      age: 22,
    });
  });

  it('does not complete a continuing-education pupil aged 14 in the year', () => {
    expect(completionProposal({ ...eligible, programme: 'CONTINUING', dateOfBirth: '2012-06-01' })).toEqual({
      completes: false,
      unmet: ['AGE'],
      age: 14,
    });
  });

  it('completes a continuing-education pupil aged 15, and one aged 30 (no upper limit there)', () => {
    expect(completionProposal({ ...eligible, programme: 'CONTINUING', dateOfBirth: '2011-06-01' }).completes).toBe(
      true,
    );
    expect(completionProposal({ ...eligible, programme: 'CONTINUING', dateOfBirth: '1996-06-01' }).completes).toBe(
      true,
    );
  });

  it('does not complete with missing records, and names them as RECORDS', () => {
    expect(completionProposal({ ...eligible, missingRecords: ['TOAN.HK2.CK'] })).toMatchObject({
      completes: false,
      unmet: ['RECORDS'],
    });
  });

  it('treats a result that cannot be computed, or a missing date of birth, as incomplete records', () => {
    expect(completionProposal({ ...eligible, learning: null }).unmet).toEqual(['RECORDS']);
    expect(completionProposal({ ...eligible, training: null }).unmet).toEqual(['RECORDS']);
    expect(completionProposal({ ...eligible, dateOfBirth: null })).toEqual({
      completes: false,
      unmet: ['RECORDS'],
      age: null,
    });
  });

  it('names every unmet condition at once, in order', () => {
    expect(
      completionProposal({
        ...eligible,
        training: 'CHUA_DAT',
        learning: 'CHUA_DAT',
        absences: 60,
        dateOfBirth: '2003-05-05',
        missingRecords: ['DATE'],
      }).unmet,
    ).toEqual(['TRAINING', 'LEARNING', 'ABSENCES', 'AGE', 'RECORDS']);
  });

  it('honours age limits given as configuration', () => {
    const limits = { generalMaxAge: 20, continuingMinAge: 15 };
    expect(completionProposal({ ...eligible, dateOfBirth: '2005-01-01', limits }).unmet).toEqual(['AGE']);
  });
});

describe('age in the year, certification and scope', () => {
  it('counts the age by the calendar year the school year ends in', () => {
    expect(ageInYear('2025-2026', '2011-12-31')).toBe(15);
    expect(ageInYear('2024-2025', '2011-01-01')).toBe(14);
    expect(ageInYear('2024-2025', null)).toBeNull();
  });

  it('certifies in the học bạ from 2025-26 on; 2024-25 is still the diploma era', () => {
    expect(completionIsCertified('2024-2025')).toBe(false);
    expect(completionIsCertified('2025-2026')).toBe(true);
    expect(completionIsCertified('2026-2027')).toBe(true);
  });

  it('applies to grade 9 from 2024-25 only', () => {
    expect(completionApplies('2024-2025', '9')).toBe(true);
    expect(completionApplies('2023-2024', '9')).toBe(false);
    expect(completionApplies('2025-2026', '8')).toBe(false);
  });
});
