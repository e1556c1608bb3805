import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The school's decision document on year-end awards and titles (docs/domain/gradebook.md, "Year-end decisions"): a
 * principal confirms or rejects the proposals by a decision with a number and a date (quyết định khen thưởng số …
 * ngày …), kept on every pupil's decision it covers. Both or neither: decisions recorded before this column existed
 * keep neither.
 */
export class RecordRecognitionDecisionDocuments1765000001400 implements MigrationInterface {
  name = 'RecordRecognitionDecisionDocuments1765000001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table year_recognition
        add column decision_number text,
        add column decision_date date,
        add constraint year_recognition_document_check check ((decision_number is null) = (decision_date is null));
      comment on column year_recognition.decision_number is 'The number of the school''s decision (e.g. 45/QĐ-THCS).';
      comment on column year_recognition.decision_date is 'The date the decision was signed.';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table year_recognition
        drop constraint year_recognition_document_check,
        drop column decision_date,
        drop column decision_number;
    `);
  }
}
