import type { CompletionCondition } from '@emis/domain';
import { COMPLETION_CERTIFICATION_TEXT } from '@emis/domain';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { label, viDate } from '../results.labels';
import type { CouncilRecord, DecisionRecord } from './completion.repository';

/** The printed words of the unmet conditions (Vietnamese: the list is an official document). */
export const CONDITION_LABELS: Record<CompletionCondition, string> = {
  TRAINING: 'Rèn luyện cả năm chưa đạt',
  LEARNING: 'Học tập cả năm chưa đạt',
  ABSENCES: 'Nghỉ quá 45 buổi',
  AGE: 'Ngoài độ tuổi quy định',
  RECORDS: 'Hồ sơ chưa đầy đủ',
};

/**
 * The council's decision list (danh sách công nhận hoàn thành chương trình trung học cơ sở, Circular 31/2023): the
 * school, the year and sitting, the date, the chair and members, one row per pupil with the decision and its reason,
 * and the chair's signature. From 2025-26 the completion is certified by the principal in the học bạ, and the list
 * says so; before, it is the diploma-era decision.
 */
export function councilDocument(
  schoolName: string,
  council: CouncilRecord,
  decisions: DecisionRecord[],
  certified: boolean,
): TDocumentDefinitions {
  const completed = decisions.filter((d) => d.completes).length;
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 32, 36, 32],
    info: { title: `Hội đồng xét hoàn thành THCS ${council.schoolYearCode} lần ${council.sitting}` },
    defaultStyle: { font: 'Roboto', fontSize: 9.5 },
    styles: { title: { fontSize: 13, bold: true, alignment: 'center' }, th: { bold: true, alignment: 'center' } },
    content: [
      {
        columns: [
          { text: schoolName.toUpperCase(), bold: true, width: '*' },
          {
            stack: [{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true }, 'Độc lập - Tự do - Hạnh phúc'],
            alignment: 'center',
            width: 'auto',
          },
        ],
      },
      {
        text: 'DANH SÁCH HỌC SINH ĐƯỢC XÉT CÔNG NHẬN HOÀN THÀNH CHƯƠNG TRÌNH TRUNG HỌC CƠ SỞ',
        style: 'title',
        margin: [0, 16, 0, 2],
      },
      {
        text: `Năm học ${council.schoolYearCode} — Lần xét thứ ${council.sitting} — Ngày ${viDate(council.heldOn)}`,
        alignment: 'center',
      },
      {
        text: `Chủ tịch hội đồng: ${council.chairName}. Thành viên: ${council.members.join(', ')}.`,
        margin: [0, 8, 0, 8],
      },
      decisionTable(decisions),
      {
        text: `Tổng số: ${decisions.length} học sinh; hoàn thành chương trình: ${completed}; chưa hoàn thành: ${decisions.length - completed}.`,
        margin: [0, 8, 0, 4],
      },
      {
        text: certified
          ? `Hiệu trưởng xác nhận "${COMPLETION_CERTIFICATION_TEXT}" vào học bạ của từng học sinh hoàn thành (không cấp bằng tốt nghiệp trung học cơ sở).`
          : 'Quyết định của hội đồng theo Thông tư 31/2023/TT-BGDĐT (năm học còn cấp bằng tốt nghiệp trung học cơ sở).',
        italics: true,
      },
      signature(council),
    ],
  };
}

function decisionTable(decisions: DecisionRecord[]): Content {
  const body = decisions.map((d, i): TableCell[] => {
    const s = d.snapshot;
    return [
      { text: String(i + 1), alignment: 'center' },
      s.fullName,
      { text: s.dateOfBirth ? viDate(s.dateOfBirth) : '', alignment: 'center' },
      { text: s.className ?? '', alignment: 'center' },
      { text: label(s.learning), alignment: 'center' },
      { text: label(s.training), alignment: 'center' },
      { text: String(s.absences), alignment: 'center' },
      s.proposal.unmet.map((c) => CONDITION_LABELS[c]).join('; '),
      { text: d.completes ? 'Hoàn thành' : 'Chưa hoàn thành', bold: true },
      d.reason ?? '',
    ];
  });
  return {
    table: {
      headerRows: 1,
      widths: [22, '*', 56, 34, 48, 48, 34, 110, 64, 110],
      body: [
        [
          'STT',
          'Họ và tên',
          'Ngày sinh',
          'Lớp',
          'Học tập',
          'Rèn luyện',
          'Số buổi nghỉ',
          'Điều kiện chưa đạt (đề nghị)',
          'Quyết định',
          'Lý do',
        ].map((text) => ({ text, style: 'th' })),
        ...body,
      ],
    },
  };
}

function signature(council: CouncilRecord): Content {
  return {
    margin: [0, 14, 0, 0],
    columns: [
      { text: '', width: '*' },
      {
        width: 220,
        alignment: 'center',
        stack: [
          { text: `Ngày ${viDate(council.heldOn)}`, italics: true },
          { text: 'CHỦ TỊCH HỘI ĐỒNG', bold: true },
          { text: 'HIỆU TRƯỞNG', bold: true },
          { text: '(Ký tên, đóng dấu)', italics: true },
          { text: council.chairName, margin: [0, 42, 0, 0] },
        ],
      },
    ],
  };
}
