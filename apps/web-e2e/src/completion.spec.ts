import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './session';

/**
 * Grade 9 completion (Circular 31/2023, docs/domain/completion.md) as the principal of THCS Lạc Hồng: the grade 9
 * pupils with the proposal (the demo holds semester I scores only, so every record is incomplete), a council sitting
 * opened, a decision refused without a reason and then saved, the certification shown on the page and on the
 * student's page, the decision list printed, and the second sitting the last one allowed.
 */
const PRINCIPAL = 'hieutruong.lachong';
const CERTIFICATION = 'Hoàn thành chương trình trung học cơ sở';

test('the principal runs the completion council: proposals, a sitting, decisions with reasons, the certification, the printed list', async ({
  page,
}) => {
  await signIn(page, PRINCIPAL);
  await page.getByTestId('nav-grades').click();
  await page.getByTestId('completion-link').click();
  await expect(page.getByTestId('completion-title')).toHaveText('Xét hoàn thành chương trình THCS');
  const rows = page.getByTestId('completion-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(1);
  const firstName = (await rows.first().getByTestId('completion-student').innerText()).trim();
  const secondName = (await rows.nth(1).getByTestId('completion-student').innerText()).trim();
  // Only semester I is scored in the demo: the year results cannot be computed, so the records are incomplete.
  await expect(rows.first().getByTestId('completion-proposal')).toHaveText(/Chưa hoàn thành:\s*hồ sơ chưa đủ/);

  // The first sitting.
  await page.locator('#council-held-on').fill('05/06/2027');
  await page.locator('#council-chair').fill('Trần Văn Lạc');
  await page.locator('#council-members').fill('Phó hiệu trưởng, Thư ký hội đồng');
  await page.getByTestId('council-open').click();
  await expect(page.getByTestId('completion-status')).toContainText('Đã mở lần xét mới');
  await expect(page.getByTestId('completion-council')).toHaveCount(1);
  await expect(page.getByTestId('completion-council')).toContainText('Lần 1');

  // Completing against the proposal needs a reason: refused with the field's message, nothing saved.
  const first = rows.first();
  const second = rows.nth(1);
  await first.getByTestId('completion-choice').selectOption('yes');
  await second.getByTestId('completion-choice').selectOption('no');
  await second.getByTestId('completion-reason').fill('Chưa có kết quả học kỳ II');
  await page.getByTestId('completion-save').click();
  await expect(page.getByRole('alert')).toContainText('cần ghi lý do');
  await expect(first.getByTestId('completion-decision')).toHaveText('');

  await first.getByTestId('completion-reason').fill('Hội đồng đã đối chiếu hồ sơ giấy đầy đủ');
  await page.getByTestId('completion-save').click();
  await expect(page.getByTestId('completion-status')).toContainText('Đã lưu quyết định của hội đồng');
  const decided = rows.filter({ hasText: firstName });
  await expect(decided.getByTestId('completion-certification')).toContainText(CERTIFICATION);
  await expect(decided.getByTestId('completion-certification')).toContainText('Trần Văn Lạc');
  await expect(rows.filter({ hasText: secondName }).getByTestId('completion-decision')).toContainText(
    'Chưa hoàn thành (Chưa có kết quả học kỳ II)',
  );
  await expect(page.getByTestId('completion-council')).toContainText('2 học sinh đã xét, 1 hoàn thành');
  await screenshot(page, 'completion-decided');

  // The printed decision list.
  const download = page.waitForEvent('download');
  await page.getByTestId('completion-pdf').click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

  // The second sitting is the last one: after it, no form to open another.
  await page.locator('#council-held-on').fill('10/08/2027');
  await page.locator('#council-chair').fill('Trần Văn Lạc');
  await page.locator('#council-members').fill('Thư ký hội đồng');
  await page.getByTestId('council-open').click();
  await expect(page.getByTestId('completion-council')).toHaveCount(2);
  await expect(page.getByTestId('completion-limit')).toHaveText('Hội đồng đã họp đủ 2 lần trong năm học.');
  await expect(page.getByTestId('council-open')).toHaveCount(0);

  // The student's page shows the certification written to the record.
  await decided.getByTestId('completion-student').click();
  await expect(page.getByTestId('student-completion')).toBeVisible();
  await expect(page.getByTestId('student-certification')).toHaveText(CERTIFICATION);
  await expect(page.getByTestId('student-completion')).toContainText('Hiệu trưởng Trần Văn Lạc');
  await screenshot(page, 'completion-student');
});
