import { APIRequestContext, expect, test } from '@playwright/test';
import type { AuthUser, ClassSummary } from '@emis/contracts';
import { apiAccessToken, screenshot, signIn } from './session';

const TEACHER = 'giaovien.nhuquynh';
const PRINCIPAL = 'hieutruong.nhuquynh';

async function call(request: APIRequestContext, token: string, method: 'get' | 'post', url: string, data?: unknown) {
  const res = await request[method](url, { headers: { Authorization: `Bearer ${token}` }, data });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.json();
}

/**
 * Circular 58 Art. 3.2: in a historical year the homeroom teacher enters the year's conduct, reading the two semester
 * ratings beside it; nothing is derived from semester II. The class is arranged through the API: the department
 * adds the 2019-2020 school year, the principal a grade 6 class led by the demo teacher and a pupil in it.
 */
test('the homeroom teacher of a 2019-2020 class enters the year conduct beside the semester ratings (Circular 58)', async ({
  page,
  request,
}) => {
  await signIn(page, 'admin.so');
  const dept = await apiAccessToken(request, 'admin.so');
  const year = await call(request, dept, 'post', '/api/school-years', {
    code: '2019-2020',
    startsOn: '2019-09-05',
    endsOn: '2020-05-31',
    semester1Start: '2019-09-05',
    semester1End: '2020-01-16',
    semester2Start: '2020-01-19',
    semester2End: '2020-05-25',
  });

  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await signIn(page, PRINCIPAL);
  const principal = await apiAccessToken(request, PRINCIPAL);
  const me = (await call(request, principal, 'get', '/api/auth/me')) as AuthUser;
  const school = `/api/schools/${me.orgUnitId}`;
  const classes = (await call(request, principal, 'get', `${school}/classes?pageSize=100`)) as {
    items: ClassSummary[];
  };
  const homeroom = classes.items.find((c) => c.name === '6A')!.homeroomStaffId;
  const cls = await call(request, principal, 'post', `${school}/classes`, {
    schoolYearId: year.id,
    name: '6H',
    grade: '6',
    homeroomStaffId: homeroom,
  });
  const pupil = await call(request, principal, 'post', `${school}/students`, {
    personalId: `034308${String(Date.now() % 1000000).padStart(6, '0')}`,
    fullName: 'Ngô Thị Hạnh',
    dateOfBirth: '2008-04-12',
    gender: 'FEMALE',
    ethnicity: '01',
    classId: cls.id,
  });
  const teacher = await apiAccessToken(request, TEACHER);
  // Semester I Tốt, semester II Khá, entered as the teacher does on the semester sheets.
  for (const [semester, training] of [
    [1, 'TOT'],
    [2, 'KHA'],
  ] as const) {
    const res = await request.put(`${school}/classes/${cls.id}/conduct/${semester}`, {
      headers: { Authorization: `Bearer ${teacher}` },
      data: { rows: [{ studentId: pupil.id, version: 0, training }] },
    });
    expect(res.status()).toBe(200);
  }

  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await signIn(page, TEACHER);
  await page.goto(`/grades/${cls.id}/conduct/CN`);
  await expect(page.getByTestId('conduct-title')).toHaveText('Hạnh kiểm cả năm');
  const row = page.getByTestId('conduct-row').first();
  await expect(row).toContainText('Ngô Thị Hạnh');
  await expect(row.getByTestId('conduct-hint-hk1')).toHaveText('Tốt');
  await expect(row.getByTestId('conduct-hint-hk2')).toHaveText('Khá');
  // Not derived: the year is empty until the teacher enters it.
  await expect(row.getByTestId('conduct-training')).toHaveValue('');
  await row.getByTestId('conduct-training').selectOption({ label: 'Tốt' });
  await page.getByTestId('conduct-save').click();
  await expect(page.getByTestId('conduct-state')).toContainText('Đã lưu');
  await screenshot(page, 'grading-year-conduct');
  await page.reload();
  await expect(page.getByTestId('conduct-row').first().getByTestId('conduct-training')).toHaveValue('TOT');
  // The Circular 58 words: Trung bình and Yếu, not Đạt and Chưa đạt.
  await expect(page.getByTestId('conduct-row').first().getByTestId('conduct-training')).toContainText('Trung bình');
});
