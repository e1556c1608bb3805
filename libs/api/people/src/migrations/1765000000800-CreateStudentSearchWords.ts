import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People: the province-wide pupil search (docs/domain/records.md, "Finding a pupil across schools"). Each word of a
 * pupil's name, folded (no case, no diacritics, đ as d), is one row of student_search_word, kept by a trigger on
 * student so every writer (the form, imports, transfers, seeds) keeps it; a search asks for pupils holding every word
 * of the query, in any order. Each row also carries the pupil's sort name (given name, middle names, family name),
 * so the pupils holding one word are read in the search's order straight from the word index, and a page stops
 * after its rows.
 *
 * Why a word table and not a GIN index on an array or pg_trgm: under row-level security PostgreSQL uses an index only
 * for conditions whose operators are leakproof, and the array and trigram operators are not (`arraycontains`,
 * `textlike`), while text and uuid equality are. A word is looked up by equality on a btree index, so the search
 * starts from the pupils with the query's rarest word, in order, instead of reading every pupil of the province.
 *
 * On Citus the table is co-located with student by school_id and the trigger touches only its own school's rows
 * (the co-located case that `citus.enable_unsafe_triggers` admits, docs/scaling.md).
 */
export class CreateStudentSearchWords1765000000800 implements MigrationInterface {
  name = 'CreateStudentSearchWords1765000000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The folded words of a name: lower case (ICU, so Đ and Ư fold whatever the database's ctype), decomposed and
      -- stripped of every combining mark (tone and vowel marks, either Unicode form, old or new tone placement), đ as
      -- d, split on anything that is not a letter or a digit; distinct and sorted. The one definition, used by the
      -- trigger and by every search (the API asks the database to fold a query).
      create function student_search_words(name text) returns text[]
        language sql immutable parallel safe strict as $fn$
          select coalesce(array_agg(distinct w order by w), '{}')
            from regexp_split_to_table(
                   translate(regexp_replace(normalize(lower(name collate "vi-x-icu"), NFD), '[\\u0300-\\u036f]', '', 'g'), 'đ', 'd'),
                   '[^[:alnum:]]+') w
           where w <> ''
        $fn$;
      grant execute on function student_search_words(text) to emis_app;

      -- One row per word of a pupil's name at a school.
      create table student_search_word (
        school_id uuid not null,
        student_id uuid not null,
        word text collate "C" not null,
        -- Given name, middle names, family name: the Vietnamese name order ("Names" in docs/domain/records.md).
        sort_name text collate "vi-x-icu" not null,
        primary key (school_id, student_id, word),
        foreign key (school_id, student_id) references student (school_id, id) on delete cascade
      );
      -- The province's pupils holding a word, in the search's order (name, school, pupil: the keyset): the search's
      -- entry point (equality and comparisons on text and uuid are leakproof, so usable under RLS).
      create index student_search_word_idx on student_search_word (word, sort_name, school_id, student_id);

      alter table student_search_word enable row level security;
      alter table student_search_word force row level security;
      create policy student_search_word_scope on student_search_word
        using (emis_in_scope(school_id) and (select emis_scope_sealed()))
        with check (emis_in_scope(school_id) and (select emis_scope_sealed()));
      comment on policy student_search_word_scope on student_search_word is 'name words of pupils of schools in scope';
      grant select, insert, delete on student_search_word to emis_app;

      -- The word of a query fewest pupils hold, which the search reads in order: by the table's statistics (the most
      -- common words and their frequencies; a word not among them is rarer than all of them), the longest among
      -- equals. Security definer because pg_stats hides a table under row-level security from its readers; it answers
      -- one of the words it is given, nothing of any pupil.
      create function student_search_rarest_word(words text[]) returns text
        language sql stable security definer set search_path = pg_catalog, public as $fn$
          select w from unnest(words) w
            left join pg_stats s on s.schemaname = 'public' and s.tablename = 'student_search_word' and s.attname = 'word'
           order by coalesce(s.most_common_freqs[array_position(s.most_common_vals::text::text[], w)], 0),
                    length(w) desc, w
           limit 1
        $fn$;
      revoke execute on function student_search_rarest_word(text[]) from public;
      grant execute on function student_search_rarest_word(text[]) to emis_app;

      -- Runs as the writer (security invoker): the words are written under the same scope as the record.
      create function student_search_word_sync() returns trigger
        language plpgsql as $fn$
        begin
          if tg_op = 'UPDATE' then
            if new.full_name is not distinct from old.full_name then return null; end if;
            delete from student_search_word where school_id = old.school_id and student_id = old.id;
          end if;
          insert into student_search_word (school_id, student_id, word, sort_name)
            select new.school_id, new.id, w, concat_ws(' ', new.given_name, nullif(new.middle_name, ''), new.family_name)
              from unnest(student_search_words(new.full_name)) w;
          return null;
        end
        $fn$;
      create trigger student_search_word_sync after insert or update of full_name on student
        for each row execute function student_search_word_sync();

      insert into student_search_word (school_id, student_id, word, sort_name)
        select s.school_id, s.id, w, concat_ws(' ', s.given_name, nullif(s.middle_name, ''), s.family_name)
          from student s cross join lateral unnest(student_search_words(s.full_name)) w;

      -- An ID number asked province-wide (the school's unique key starts with school_id).
      create index student_personal_id_idx on student (personal_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index student_personal_id_idx;
      drop trigger student_search_word_sync on student;
      drop function student_search_word_sync();
      drop table student_search_word;
      drop function student_search_rarest_word(text[]);
      drop function student_search_words(text);
    `);
  }
}
