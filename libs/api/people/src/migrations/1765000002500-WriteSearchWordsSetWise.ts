import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People: what a pupil's record costs to write, lowered for every writer (docs/benchmarks.md, "Where a COPY of pupils
 * spends its time"). Measured on a province of 350,000 pupils, the words of the province-wide search
 * (student_search_word, migration 1765000000800) were some 70 % of a `COPY` into `student` (41 % of a pupil's whole
 * load with guardians, enrolment and audit), and one index of `student` served no query.
 *
 * 1. The search-word trigger may be skipped by a writer that writes the words itself, set-wise: with the
 *    transaction-local setting `emis.search_words = 'set-wise'` the trigger does not fire on the rows that writer
 *    inserts, and the writer inserts their words with one statement (`ON CONFLICT DO NOTHING`, so a row the trigger
 *    did write is not written twice; the sort name from `student_sort_name`, the generated name parts' expressions
 *    over the full name). The student import does (StudentStagingRepository.insertStudents): its
 *    200,000 pupils cost one INSERT of their words instead of one per pupil, each with its own row-level security
 *    check and seal. Every other writer (the form, transfers, seeds, a bare COPY) leaves the setting unset and keeps
 *    the words through the trigger as before. The setting gives the application role nothing it did not have: it may
 *    insert and delete the words of its schools' pupils directly. It is set with `SET LOCAL`, the form Citus forwards
 *    to the workers that run the shards' triggers (docs/scaling.md).
 * 2. `student_name_idx` (school, given name, middle name, family name in the database's collation) is dropped: every
 *    name order of the application sorts in the Vietnamese collation and reads `student_list_name_idx` (migration
 *    1765000000500), and no query compares those columns in the database's collation.
 */
export class WriteSearchWordsSetWise1765000002500 implements MigrationInterface {
  name = 'WriteSearchWordsSetWise1765000002500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      drop trigger student_search_word_sync on student;
      -- Skipped only for a writer that writes the words itself (the setting is transaction-local: SET LOCAL).
      create trigger student_search_word_sync after insert or update of full_name on student
        for each row when (current_setting('emis.search_words', true) is distinct from 'set-wise')
        execute function student_search_word_sync();

      -- The sort name the trigger writes (given name, middle names, family name), from a full name: the expressions of
      -- student's generated name parts (migration 1764200000030), for a writer that has the name but not the record.
      create function student_sort_name(full_name text) returns text
        language sql immutable parallel safe strict as $fn$
          select concat_ws(' ', regexp_replace(btrim(full_name), '^.*\\s', ''),
                           nullif(btrim(regexp_replace(regexp_replace(btrim(full_name), '\\s*\\S+$', ''), '^\\S+', '')), ''),
                           split_part(btrim(full_name), ' ', 1))
        $fn$;
      grant execute on function student_sort_name(text) to emis_app;

      drop index student_name_idx;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      create index student_name_idx on student (school_id, given_name, middle_name, family_name);
      drop function student_sort_name(text);
      drop trigger student_search_word_sync on student;
      create trigger student_search_word_sync after insert or update of full_name on student
        for each row execute function student_search_word_sync();
    `);
  }
}
