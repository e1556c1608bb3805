import type { ClassResults, StudentResult } from '@emis/contracts';
import { reportCardDocument, reportCardFileName } from './report-card.document';

const row: StudentResult = {
  studentId: '0b8f6c1e-1111-4222-8333-944455556666',
  ordinal: 1,
  fullName: 'Nguyễn Thị Đào',
  dateOfBirth: '2014-03-02',
  gender: 'FEMALE',
  subjects: { TOAN: { average: 7.9, rating: null } },
  learning: 'T',
  training: 'T',
  overallAverage: null,
  absences: { excused: 1, unexcused: 0 },
  award: null,
  promotion: null,
  retestSubjects: [],
  missing: [],
} as unknown as StudentResult;

const results = {
  classId: 'c',
  className: '6A',
  grade: '6',
  schoolYearCode: '2096-2097',
  period: 'HK1',
  scheme: 'C22',
  subjects: [{ code: 'TOAN', name: 'Toán', assessment: 'SCORE' }],
  rows: [row],
  summary: { students: 1, learning: {}, training: {}, awards: {}, promotion: {}, incomplete: 0 },
  storedAt: null,
} as unknown as ClassResults;

/** Every text the document definition would print, in order. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') return Object.values(node as Record<string, unknown>).flatMap(texts);
  return [];
}

describe('report card (Phiếu báo kết quả học tập)', () => {
  const head = {
    governingBody: 'Sở Giáo dục và Đào tạo Hưng Yên',
    schoolName: 'Trường THCS Lê Lợi',
    principalName: 'Trần Văn Hiệu',
    homeroomName: 'Phạm Thu Hà',
  };

  it('heads the page with the governing body above the school, and signs with the homeroom teacher and the principal by name', () => {
    const all = texts(
      reportCardDocument(head, results, [
        { row, extras: { comments: {}, homeroomComment: 'Chăm ngoan', qualities: {} } },
      ]).content,
    );
    expect(all.indexOf('SỞ GIÁO DỤC VÀ ĐÀO TẠO HƯNG YÊN')).toBeGreaterThanOrEqual(0);
    expect(all.indexOf('SỞ GIÁO DỤC VÀ ĐÀO TẠO HƯNG YÊN')).toBeLessThan(all.indexOf('TRƯỜNG THCS LÊ LỢI'));
    expect(all).toEqual(expect.arrayContaining(['HIỆU TRƯỞNG', 'Trần Văn Hiệu', 'GIÁO VIÊN CHỦ NHIỆM', 'Phạm Thu Hà']));
    expect(all).toEqual(expect.arrayContaining(['Nhận xét của giáo viên chủ nhiệm: ', 'Chăm ngoan']));
  });

  it('keeps the homeroom comment line to be written by hand when none was entered, and leaves out an unknown governing body', () => {
    const all = texts(
      reportCardDocument({ ...head, governingBody: null, principalName: null }, results, [
        { row, extras: { comments: {}, homeroomComment: null, qualities: {} } },
      ]).content,
    );
    expect(all).toContain('Nhận xét của giáo viên chủ nhiệm: ');
    expect(all).not.toContain('SỞ GIÁO DỤC VÀ ĐÀO TẠO HƯNG YÊN');
    expect(all).toContain('TRƯỜNG THCS LÊ LỢI');
  });

  it('names the file Phieu-bao-ket-qua-<pupil>-<year>-<period>.pdf, ASCII only, with the prefix once', () => {
    expect(reportCardFileName('Nguyễn Thị Đào', '2096-2097', 'HK1')).toBe(
      'Phieu-bao-ket-qua-Nguyen-Thi-Dao-2096-2097-HKI.pdf',
    );
    expect(reportCardFileName('6A/1', '2096-2097', 'CN')).toBe('Phieu-bao-ket-qua-6A-1-2096-2097-CaNam.pdf');
    expect(reportCardFileName('Lê Hoàng Cường', '2096-2097', 'HK2')).toMatch(/^Phieu-bao-ket-qua-[A-Za-z0-9-]+\.pdf$/);
  });
});
