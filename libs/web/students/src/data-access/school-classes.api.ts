import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, Signal } from '@angular/core';
import { ClassSummary, Page, SchoolYear } from '@emis/contracts';
import { Loaded, loadOnChange, toParams } from '@emis/web/core';
import { map, Observable } from 'rxjs';

/** A school has at most a few dozen classes a year: one page of the maximum size holds them all. */
const ALL_CLASSES = 200;

/** School years and classes, read from the academic context for the pickers of the students pages. */
@Injectable({ providedIn: 'root' })
export class SchoolClassesApi {
  private readonly http = inject(HttpClient);

  schoolYears(): Observable<SchoolYear[]> {
    return this.http
      .get<SchoolYear[] | Page<SchoolYear>>('/api/school-years')
      .pipe(map((answer) => (Array.isArray(answer) ? answer : answer.items)));
  }

  classes(schoolId: string, yearId: string | null): Observable<ClassSummary[]> {
    return this.http
      .get<Page<ClassSummary>>(`/api/schools/${encodeURIComponent(schoolId)}/classes`, {
        params: toParams({ yearId, pageSize: ALL_CLASSES, sort: 'grade' }),
      })
      .pipe(map((page) => page.items));
  }
}

/** The year a school works in by default: the open one, else the latest that started. */
export function currentYear(years: readonly SchoolYear[]): SchoolYear | null {
  const open = years.filter((y) => y.status === 'OPEN');
  const pool = open.length > 0 ? open : years;
  return [...pool].sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0] ?? null;
}

/**
 * The classes of the school's current year, reloaded when the school changes. Call in an injection context
 * (a page's field initialiser).
 */
export function loadCurrentClasses(schoolId: Signal<string | null>): {
  classes: Loaded<ClassSummary[]>;
  year: Signal<SchoolYear | null>;
} {
  const api = inject(SchoolClassesApi);
  const years = loadOnChange(
    () => (schoolId() ? { schoolId: schoolId() } : undefined),
    () => api.schoolYears(),
  );
  const year = computed(() => currentYear(years.value() ?? []));
  const classes = loadOnChange(
    () => {
      const id = schoolId();
      return id && years.value() ? { schoolId: id, yearId: year()?.id ?? null } : undefined;
    },
    ({ schoolId: id, yearId }) => api.classes(id, yearId),
  );
  return { classes, year };
}
