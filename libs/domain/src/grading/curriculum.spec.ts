import { CURRICULUM, curriculumOf } from './curriculum';

const CATALOGUE = [
  'TIENG_VIET',
  'TOAN',
  'NGU_VAN',
  'NGOAI_NGU_1',
  'DAO_DUC',
  'TU_NHIEN_XA_HOI',
  'KHOA_HOC',
  'LICH_SU_DIA_LY',
  'TIN_HOC',
  'CONG_NGHE',
  'KHTN',
  'GDCD',
  'LICH_SU',
  'DIA_LY',
  'VAT_LY',
  'HOA_HOC',
  'SINH_HOC',
  'GD_KT_PL',
  'GDQP_AN',
  'GIAO_DUC_THE_CHAT',
  'AM_NHAC',
  'MI_THUAT',
  'HDTN_HN',
  'GD_DIA_PHUONG',
];

const periods = (grade: Parameters<typeof curriculumOf>[0]) =>
  Object.fromEntries(curriculumOf(grade).map((e) => [e.subjectCode, e.periodsPerYear]));

describe('the 2018 programme curriculum', () => {
  it('uses only subject codes of the catalogue, once per grade, for grades 1–12', () => {
    expect(CURRICULUM.every((e) => CATALOGUE.includes(e.subjectCode))).toBe(true);
    const keys = CURRICULUM.map((e) => `${e.grade}/${e.subjectCode}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...new Set(CURRICULUM.map((e) => e.grade))]).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ]);
    expect(curriculumOf('MG5')).toEqual([]);
  });

  it('gives the periods per year of the programme', () => {
    expect(periods('1')).toMatchObject({ TIENG_VIET: 420, TOAN: 105 });
    expect(periods('6')).toMatchObject({
      TOAN: 140,
      NGU_VAN: 140,
      NGOAI_NGU_1: 105,
      KHTN: 140,
      LICH_SU_DIA_LY: 105,
      GDCD: 35,
      CONG_NGHE: 35,
      TIN_HOC: 35,
      HDTN_HN: 105,
      GD_DIA_PHUONG: 35,
    });
    expect(periods('8')).toMatchObject({ CONG_NGHE: 52 });
    expect(periods('11')).toMatchObject({
      TOAN: 105,
      NGU_VAN: 105,
      LICH_SU: 52,
      GDQP_AN: 35,
      VAT_LY: 70,
      GD_KT_PL: 70,
      TIN_HOC: 70,
    });
  });

  it('marks secondary comment subjects per Circular 22 and primary tested subjects per Circular 27', () => {
    const kind = (grade: '5' | '9', code: string) =>
      curriculumOf(grade).find((e) => e.subjectCode === code)?.assessment;
    expect(kind('9', 'AM_NHAC')).toBe('COMMENT');
    expect(kind('9', 'HDTN_HN')).toBe('COMMENT');
    expect(kind('9', 'GDCD')).toBe('SCORE');
    expect(kind('5', 'KHOA_HOC')).toBe('SCORE');
    expect(kind('5', 'DAO_DUC')).toBe('COMMENT');
  });
});
