/**
 * Vietnamese and English labels of every grading code (levels, rankings, outcomes, awards, ratings, schemes), for
 * the UI and the Excel/PDF books. Codes shared between sets (TOT, KHA, DAT, TB, YEU) mean the same word in each.
 */
export const GRADING_LABELS: Record<string, { vi: string; en: string }> = {
  // Schemes
  C22: { vi: 'Thông tư 22/2021/TT-BGDĐT', en: 'Circular 22/2021' },
  C58: { vi: 'Thông tư 58/2011/TT-BGDĐT', en: 'Circular 58/2011' },
  C27: { vi: 'Thông tư 27/2020/TT-BGDĐT', en: 'Circular 27/2020' },
  // Cell ratings
  D: { vi: 'Đạt', en: 'Pass' },
  CD: { vi: 'Chưa đạt', en: 'Not yet passed' },
  T: { vi: 'Hoàn thành tốt', en: 'Completed well' },
  H: { vi: 'Hoàn thành', en: 'Completed' },
  C: { vi: 'Chưa hoàn thành', en: 'Not yet completed' },
  // Circular 22 learning and training levels; Circular 27 quality ratings; Circular 58 conduct
  TOT: { vi: 'Tốt', en: 'Good' },
  KHA: { vi: 'Khá', en: 'Fair' },
  DAT: { vi: 'Đạt', en: 'Pass' },
  CHUA_DAT: { vi: 'Chưa đạt', en: 'Not yet passed' },
  CAN_CO_GANG: { vi: 'Cần cố gắng', en: 'Needs more effort' },
  // Circular 58 academic ranking and conduct
  GIOI: { vi: 'Giỏi', en: 'Very good' },
  TB: { vi: 'Trung bình', en: 'Average' },
  YEU: { vi: 'Yếu', en: 'Weak' },
  KEM: { vi: 'Kém', en: 'Poor' },
  // Promotion proposals
  PROMOTE: { vi: 'Lên lớp', en: 'Promoted' },
  RETEST: { vi: 'Kiểm tra lại', en: 'Summer re-test' },
  SUMMER_TRAINING: { vi: 'Rèn luyện trong hè', en: 'Summer training' },
  RETEST_AND_TRAINING: { vi: 'Rèn luyện trong hè và kiểm tra lại', en: 'Summer training and re-test' },
  REPEAT: { vi: 'Ở lại lớp', en: 'Repeats the year' },
  // Awards and titles (Circular 22 and 27; Circular 58 titles)
  EXCELLENT: { vi: 'Học sinh Xuất sắc', en: 'Outstanding student' },
  GOOD: { vi: 'Học sinh Giỏi', en: 'Excellent student' },
  ADVANCED: { vi: 'Học sinh tiên tiến', en: 'Advanced student' },
  EXEMPLARY: { vi: 'Học sinh tiêu biểu', en: 'Exemplary student' },
  // Circular 27 programme completion
  GRADE_COMPLETED: { vi: 'Hoàn thành chương trình lớp học', en: 'Completed the grade' },
  PRIMARY_COMPLETED: { vi: 'Hoàn thành chương trình tiểu học', en: 'Completed primary education' },
  NOT_COMPLETED: { vi: 'Chưa hoàn thành chương trình lớp học', en: 'Grade not yet completed' },
  // Circular 27 year-end classification
  HTXS: { vi: 'Hoàn thành xuất sắc', en: 'Completed with distinction' },
  HTT: { vi: 'Hoàn thành tốt', en: 'Completed well' },
  HT: { vi: 'Hoàn thành', en: 'Completed' },
  CHT: { vi: 'Chưa hoàn thành', en: 'Not yet completed' },
};
