import { MessageCatalogue } from '@emis/api/platform';

/** The words of gradebooks, corrections, conduct and results, Vietnamese first; registered with platform's message lookup by the app. */
export const GRADING_MESSAGES: MessageCatalogue = {
  problems: {
    grade_conflict: {
      vi: 'Người khác vừa lưu điểm của học sinh này; kiểm tra các ô bị đánh dấu rồi lưu lại',
      en: 'Someone else has just saved scores of these students; check the marked cells and save again',
    },
    gradebook_locked: {
      vi: 'Sổ điểm học kì đã khoá: cần gửi yêu cầu sửa điểm',
      en: 'The semester gradebook is locked: send a correction request',
    },
    request_reused: {
      vi: 'Mã yêu cầu đã dùng cho một sổ điểm khác',
      en: 'The request id was already used for another gradebook',
    },
    gradebook_not_locked: {
      vi: 'Sổ điểm học kì chưa khoá: giáo viên sửa trực tiếp',
      en: 'The semester is not locked: teachers edit scores directly',
    },
    correction_not_pending: {
      vi: 'Yêu cầu sửa điểm đã được xử lý',
      en: 'The correction request has already been decided',
    },
    correction_outdated: {
      vi: 'Điểm đã thay đổi kể từ khi gửi yêu cầu; cần gửi yêu cầu mới',
      en: 'The score has changed since the request was made; a new request is needed',
    },
    no_assessment_scheme: { vi: 'Khối lớp này không có sổ điểm', en: 'This grade has no gradebook' },
    recompute_not_needed: {
      vi: 'Quy định đánh giá của năm học chưa được thay đổi: kết quả đã lưu đã được tính theo quy định hiện hành',
      en: 'The school year’s assessment rules have not been changed: the stored results already follow them',
    },
    gradebook_column_locked: {
      vi: 'Cột điểm này đã bị khoá: cần gửi yêu cầu sửa điểm',
      en: 'This assessment column is locked: send a correction request',
    },
    completion_sittings_exhausted: {
      vi: 'Hội đồng xét hoàn thành chương trình THCS đã họp đủ 2 lần trong năm học, không thể mở thêm lần xét',
      en: 'The lower-secondary completion council has already sat twice this school year; no further sitting is allowed',
    },
  },
  rules: {
    notANumber: { vi: '{field}: điểm phải là một số', en: '{field}: the score must be a number' },
    outOfRange: {
      vi: '{field}: điểm phải trong khoảng {0} – {1}',
      en: '{field}: the score must be between {0} and {1}',
    },
    tooManyDecimals: {
      vi: '{field}: điểm có nhiều nhất {0} chữ số thập phân',
      en: '{field}: the score has at most {0} decimal places',
    },
    notWholeScore: {
      vi: '{field}: điểm bài kiểm tra định kì ở tiểu học là số nguyên từ {0} đến {1}',
      en: '{field}: a primary periodic test score is a whole number from {0} to {1}',
    },
    notARating: { vi: '{field}: phải là một trong: {0}', en: '{field}: must be one of: {0}' },
    unknownColumn: { vi: '{field} không phải một cột của sổ điểm', en: '{field} is not a column of this gradebook' },
    notInClass: { vi: '{field}: học sinh không thuộc lớp', en: '{field}: the student is not in the class' },
    noChange: { vi: '{field}: không có thay đổi nào', en: '{field}: nothing changes' },
    unknownQuality: {
      vi: '{field} không phải một phẩm chất hay năng lực cần đánh giá',
      en: '{field} is not a quality or competency that is rated',
    },
    notForScheme: {
      vi: '{field} không dùng cho lớp đánh giá theo {0}',
      en: '{field} does not apply to a class assessed under {0}',
    },
    noProposal: {
      vi: '{field}: chưa đủ kết quả cả năm để xét',
      en: '{field}: the year results are not complete yet',
    },
    notProposed: {
      vi: '{field}: không phù hợp với kết quả cả năm (đề xuất: {0})',
      en: '{field}: the year results do not support it (proposed: {0})',
    },
    reasonRequired: {
      vi: '{field}: cần ghi lý do (Học sinh tiêu biểu cần được tập thể lớp công nhận; quyết định khác đề xuất cần lý do)',
      en: '{field}: a reason is required (Học sinh tiêu biểu needs the class’s recognition; a decision other than the proposal needs one)',
    },
    notInGrade9: {
      vi: '{field}: học sinh không thuộc khối 9 của năm học',
      en: '{field}: the pupil is not in grade 9 of the school year',
    },
    alreadyCompleted: {
      vi: '{field}: học sinh đã được công nhận hoàn thành ở lần xét {0}',
      en: '{field}: the pupil was already recognised as completing at sitting {0}',
    },
    completionReasonRequired: {
      vi: '{field}: cần ghi lý do khi học sinh chưa hoàn thành hoặc quyết định khác đề nghị',
      en: '{field}: a reason is required when the pupil does not complete or the decision differs from the proposal',
    },
    completionNotInYear: {
      vi: '{field}: năm học {0} chưa xét hoàn thành chương trình THCS theo Thông tư 31/2023',
      en: '{field}: school year {0} is not under Circular 31/2023 completion',
    },
    lockClassNotInYear: {
      vi: '{field}: lớp không thuộc năm học của trường',
      en: '{field}: not a class of the school’s year',
    },
    lockGradeNotClass: { vi: '{field}: lớp thuộc khối {0}', en: '{field}: the class is in grade {0}' },
  },
  fields: {
    training: { vi: 'Kết quả rèn luyện', en: 'Training result' },
    qualities: { vi: 'Phẩm chất, năng lực', en: 'Qualities and competencies' },
    period: { vi: 'Kì đánh giá', en: 'Period' },
    decision: { vi: 'Quyết định', en: 'Decision' },
    heldOn: { vi: 'Ngày họp hội đồng', en: 'Council date' },
    chairName: { vi: 'Chủ tịch hội đồng', en: 'Council chair' },
    members: { vi: 'Thành viên hội đồng', en: 'Council members' },
    decisions: { vi: 'Quyết định', en: 'Decisions' },
    completes: { vi: 'Hoàn thành chương trình', en: 'Completes' },
    reason: { vi: 'Lý do', en: 'Reason' },
    classId: { vi: 'Lớp', en: 'Class' },
    grade: { vi: 'Khối', en: 'Grade' },
    subjectCode: { vi: 'Môn học', en: 'Subject' },
    columnKey: { vi: 'Cột điểm', en: 'Assessment column' },
    decisionNumber: { vi: 'Số quyết định', en: 'Decision number' },
    decisionDate: { vi: 'Ngày quyết định', en: 'Decision date' },
  },
};
