import { APIRequestContext, expect, Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { AssetDetail, AssetInventory, AssetLocation, AssetInput, AuthUser } from '@emis/contracts';
import { screenshot, signIn } from './session';

/** A serial unique to this run, so names and the inventory's title never meet an earlier run's. */
const SERIAL = String(Date.now()).slice(-6);
const ROOM = `Kho E2E ${SERIAL}`;
const ADMIN = 'hieutruong.nhuquynh';

interface Api {
  request: APIRequestContext;
  headers: Record<string, string>;
  school: string;
}

/**
 * The signed-in page's own bearer token, read from a request it makes (the token lives only in memory), so the
 * test can set the stage through the API as the same user.
 */
async function apiOf(page: Page): Promise<Api> {
  const authorised = page.waitForRequest((r) => r.url().includes('/api/') && !!r.headers()['authorization']);
  await page.goto('/assets/inventories');
  const headers = { authorization: (await authorised).headers()['authorization'] };
  const me = await page.request.get('/api/auth/me', { headers });
  expect(me.ok()).toBe(true);
  const user = (await me.json()) as AuthUser;
  return { request: page.request, headers, school: `/api/schools/${user.orgUnitId}` };
}

async function post<T>(api: Api, path: string, data: object): Promise<T> {
  const response = await api.request.post(`${api.school}${path}`, { headers: api.headers, data });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

async function get<T>(api: Api, path: string): Promise<T> {
  const response = await api.request.get(`${api.school}${path}`, { headers: api.headers });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** Four assets in a room of their own: three will be found, the laptop will not. */
async function registerRoom(api: Api): Promise<Record<'projector' | 'laptop' | 'speaker' | 'desks', AssetDetail>> {
  const room = await post<AssetLocation>(api, '/asset-locations', { building: 'Nhà E2E', room: ROOM });
  const asset = (input: Omit<AssetInput, 'fundingSource' | 'inUseOn' | 'locationId'>) =>
    post<AssetDetail>(api, '/assets', {
      ...input,
      fundingSource: 'STATE_BUDGET',
      inUseOn: '2024-09-05',
      locationId: room.id,
    });
  return {
    projector: await asset({
      name: `Máy chiếu E2E ${SERIAL}`,
      categoryCode: 'OFFICE_EQUIPMENT',
      quantity: 1,
      unit: 'chiếc',
      unitCost: 15_600_000,
    }),
    laptop: await asset({
      name: `Máy tính xách tay E2E ${SERIAL}`,
      categoryCode: 'OFFICE_EQUIPMENT',
      quantity: 1,
      unit: 'chiếc',
      unitCost: 18_900_000,
    }),
    speaker: await asset({
      name: `Loa hội trường E2E ${SERIAL}`,
      categoryCode: 'TEACHING_EQUIPMENT',
      quantity: 1,
      unit: 'bộ',
      unitCost: 12_000_000,
    }),
    desks: await asset({
      name: `Bàn học sinh E2E ${SERIAL}`,
      categoryCode: 'TEACHING_EQUIPMENT',
      quantity: 10,
      unit: 'chiếc',
      unitCost: 1_450_000,
    }),
  };
}

/** The downloaded checklist with `count` in the "SL thực tế" cell of the asset's row, as a committee fills it. */
async function filledChecklist(path: string, code: string, count: number | string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Kiểm kê') ?? workbook.worksheets[0];
  let codeColumn = 0;
  let countColumn = 0;
  let assetRow = 0;
  sheet.eachRow((row, rowNumber) => {
    row.eachCell((cell, column) => {
      if (cell.text === 'Mã tài sản') codeColumn = column;
      if (cell.text === 'SL thực tế') countColumn = column;
      if (codeColumn && column === codeColumn && cell.text === code) assetRow = rowNumber;
    });
  });
  expect(assetRow * countColumn, `${code} and the count column in the checklist`).toBeGreaterThan(0);
  sheet.getRow(assetRow).getCell(countColumn).value = count;
  return {
    name: 'phieu-kiem-ke.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

test('the school admin counts an inventory with one asset missing and approves it: the missing asset is written off as a loss', async ({
  page,
}) => {
  await signIn(page, ADMIN);
  const api = await apiOf(page);
  const assets = await registerRoom(api);

  // Open the year's inventory: every asset on the books becomes a line to count.
  await page.goto('/assets/inventories');
  await page.getByTestId('inventory-open').click();
  await page.getByTestId('inventory-title').fill(`Kiểm kê E2E ${SERIAL}`);
  await page.getByTestId('inventory-open-dialog-confirm').click();
  await expect(page.getByTestId('inventory-title')).toHaveText(`Kiểm kê E2E ${SERIAL}`);
  const inventoryId = page.url().split('/').pop() ?? '';

  // The rest of the school's register (the demo seed's rooms) is counted as found, through the API: this test is
  // about the room below, counted on screen.
  const opened = await get<AssetInventory>(api, `/asset-inventories/${inventoryId}`);
  for (const line of opened.lines ?? []) {
    if (line.location?.room === ROOM) continue;
    const response = await api.request.put(`${api.school}/asset-inventories/${inventoryId}/lines/${line.id}`, {
      headers: api.headers,
      data: { countedQuantity: line.bookQuantity },
    });
    expect(response.ok(), await response.text()).toBe(true);
  }

  // A phone scanning the projector's label lands on its record: one tap counts it.
  await page.goto(`/assets/${assets.projector.id}`);
  await page.getByTestId('inventory-seen-button').click();
  await expect(page.getByTestId('inventory-seen-done')).toContainText('1/1');

  // On the count screen, on a phone, in the room: the speaker by its code in the scan field, the desks typed in.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/assets/inventories/${inventoryId}`);
  const room = await page.getByTestId('inventory-room').locator('option', { hasText: ROOM }).getAttribute('value');
  await page.getByTestId('inventory-room').selectOption(room ?? '');
  await expect(page.getByTestId('inventory-line')).toHaveCount(4);
  await page.getByTestId('inventory-scan').fill(assets.speaker.code.toLowerCase());
  await page.getByTestId('inventory-scan').press('Enter');
  await expect(page.getByTestId('inventory-scan-counted')).toContainText(`${assets.speaker.code}`);
  await expect(page.getByTestId('inventory-scan-counted')).toContainText('1/1');
  const desks = page.locator(`[data-testid="inventory-line"][data-code="${assets.desks.code}"]`);
  await desks.getByTestId('inventory-line-counted').fill('10');
  await desks.getByTestId('inventory-line-counted').press('Enter');
  await expect(desks.getByTestId('inventory-line-saved')).toBeVisible();
  await expect(desks.getByTestId('inventory-line-difference')).toHaveText('0');
  // The laptop is not there: counted 0 (a line left uncounted proves nothing and changes nothing on approval).
  // The committee's paper checklist of the room comes back from Excel: first with a word where the count goes (an
  // error by row and column, nothing written), then with the laptop counted 0.
  const download = page.waitForEvent('download');
  await page.getByTestId('inventory-download-checklist.xlsx').click();
  const checklist = test.info().outputPath('checklist.xlsx');
  await (await download).saveAs(checklist);
  const laptopLine = page.locator(`[data-testid="inventory-line"][data-code="${assets.laptop.code}"]`);
  await page.getByTestId('checklist-file').setInputFiles(await filledChecklist(checklist, assets.laptop.code, 'không'));
  await page.getByTestId('checklist-upload').click();
  await expect(page.getByTestId('checklist-import-failed')).toBeVisible();
  await expect(page.getByTestId('checklist-import-error-row')).toHaveCount(1);
  await expect(page.getByTestId('checklist-import-error-row')).toContainText('SL thực tế');
  const marked = page.waitForEvent('download');
  await page.getByTestId('checklist-import-error-workbook').click();
  expect((await marked).suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(laptopLine.getByTestId('inventory-line-difference')).toContainText('Chưa đếm');
  await page.getByTestId('checklist-file').setInputFiles(await filledChecklist(checklist, assets.laptop.code, 0));
  await page.getByTestId('checklist-upload').click();
  await expect(page.getByTestId('checklist-import-done')).toBeVisible();
  await expect(laptopLine.getByTestId('inventory-line-difference')).toHaveText('-1');
  await page.getByTestId('inventory-show-UNCOUNTED').click();
  await expect(page.getByTestId('inventory-line')).toHaveCount(0);
  await page.getByTestId('inventory-show-DIFFERENCES').click();
  await expect(page.getByTestId('inventory-line')).toHaveCount(1);
  await expect(page.getByTestId('inventory-line')).toContainText(assets.laptop.name);
  await screenshot(page, 'assets-inventory-count-phone');
  await page.setViewportSize({ width: 1366, height: 800 });

  // Close with the committee, then approve: the confirmation lists the laptop as the one shortfall.
  await page.getByTestId('inventory-close-open').click();
  await page.getByTestId('inventory-committee').fill('Nguyễn Văn Hùng — Hiệu trưởng\nTrần Thị Mai — Kế toán');
  await page.getByTestId('inventory-close-confirm').click();
  await expect(page.getByTestId('inventory-status')).toHaveAttribute('data-status', 'CLOSED');
  await page.getByTestId('inventory-approve-open').click();
  await expect(page.getByTestId('inventory-approve-shortfall')).toHaveCount(1);
  await expect(page.getByTestId('inventory-approve-shortfall')).toContainText(assets.laptop.code);
  await page.getByTestId('inventory-decision').fill(`${SERIAL}/QĐ-THCS`);
  await screenshot(page, 'assets-inventory-approve');
  await page.getByTestId('inventory-approve-confirm').click();
  await expect(page.getByTestId('inventory-status')).toHaveAttribute('data-status', 'APPROVED');
  await expect(page.getByTestId('inventory-approved')).toContainText(`${SERIAL}/QĐ-THCS`);

  // The laptop has left the books as a loss; the projector found in the count is still in use.
  await page.goto(`/assets/${assets.laptop.id}`);
  await expect(page.getByTestId('asset-status')).toHaveText('Đã ghi giảm');
  await expect(page.locator('[data-testid="asset-history-entry"][data-kind="DISPOSED"]')).toBeVisible();
  await expect(page.getByTestId('asset-action-reason-offBooks')).toBeVisible();
  const laptop = await get<AssetDetail>(api, `/assets/${assets.laptop.id}`);
  expect(laptop.status).toBe('DISPOSED');
  expect(JSON.stringify(laptop.history.find((entry) => entry.kind === 'DISPOSED')?.details)).toContain('LOSS');
  const projector = await get<AssetDetail>(api, `/assets/${assets.projector.id}`);
  expect(projector.status).toBe('IN_USE');
  await screenshot(page, 'assets-inventory-loss');
});

test.describe.serial('an asset moves between rooms, is lent and comes back, then goes to another school', () => {
  const RECEIVER = 'hieutruong.lachong';
  let printer: AssetDetail;

  /** The value of the option whose words contain `text` (option labels carry the building and counts too). */
  async function optionValue(page: Page, testId: string, text: string): Promise<string> {
    return (await page.getByTestId(testId).locator('option', { hasText: text }).getAttribute('value')) ?? '';
  }

  test('the sending school moves, lends, takes back and releases the asset', async ({ page }) => {
    await signIn(page, ADMIN);
    const api = await apiOf(page);
    const from = await post<AssetLocation>(api, '/asset-locations', { building: 'Nhà E2E', room: `Phòng A ${SERIAL}` });
    await post<AssetLocation>(api, '/asset-locations', { building: 'Nhà E2E', room: `Phòng B ${SERIAL}` });
    printer = await post<AssetDetail>(api, '/assets', {
      name: `Máy in laser E2E ${SERIAL}`,
      categoryCode: 'OFFICE_EQUIPMENT',
      quantity: 1,
      unit: 'chiếc',
      unitCost: 11_200_000,
      fundingSource: 'STATE_BUDGET',
      inUseOn: '2025-01-10',
      locationId: from.id,
    } satisfies AssetInput);

    await page.goto(`/assets/${printer.id}`);
    await page.getByTestId('asset-action-move').click();
    await page
      .getByTestId('asset-move-location')
      .selectOption(await optionValue(page, 'asset-move-location', `Phòng B ${SERIAL}`));
    await expect(page.getByTestId('asset-move-summary')).toContainText(`Phòng A ${SERIAL}`);
    await expect(page.getByTestId('asset-move-summary')).toContainText(`Phòng B ${SERIAL}`);
    await page.getByTestId('asset-move-confirm').click();
    await expect(page.getByTestId('asset-actions-done')).toBeVisible();
    await expect(page.getByTestId('asset-location')).toContainText(`Phòng B ${SERIAL}`);

    await page.getByTestId('asset-action-lend').click();
    await page.getByTestId('asset-lend-borrower').fill('Tổ Toán – Tin');
    await expect(page.getByTestId('asset-lend-summary')).toContainText('Tổ Toán – Tin');
    await page.getByTestId('asset-lend-confirm').click();
    await expect(page.getByTestId('asset-open-loan')).toContainText('Tổ Toán – Tin');
    // Lent: it comes back before it can be moved, disposed of or transferred.
    await expect(page.getByTestId('asset-action-transfer')).toBeDisabled();
    await expect(page.getByTestId('asset-action-reason-lent')).toBeVisible();

    await page.getByTestId('asset-action-return').click();
    await page.getByTestId('asset-return-confirm').click();
    await expect(page.getByTestId('asset-open-loan')).toHaveCount(0);

    await page.getByTestId('asset-action-transfer').click();
    await page.getByTestId('asset-transfer-search').fill('THCS Lac Hong');
    // The list shows every school until the debounced search answers: pick Lạc Hồng's own row, not the first one.
    await page.locator('label', { hasText: 'THCS Lạc Hồng' }).getByTestId('asset-transfer-school').check();
    await page.getByTestId('asset-transfer-decision').fill(`${SERIAL}/QĐ-UBND`);
    await expect(page.getByTestId('asset-transfer-summary')).toContainText('Lạc Hồng');
    await screenshot(page, 'assets-transfer-out');
    await page.getByTestId('asset-transfer-confirm').click();
    await expect(page.getByTestId('asset-pending-transfer')).toBeVisible();
    await expect(page.getByTestId('asset-action-reason-pendingTransfer')).toBeVisible();

    await page.getByTestId('nav-assets').click();
    await page.getByTestId('assets-transfers-link').click();
    await page.getByTestId('asset-transfers-tab-OUT').click();
    const row = page.getByTestId('asset-transfer-row').filter({ hasText: printer.code });
    await expect(row.getByTestId('asset-transfer-status')).toHaveAttribute('data-status', 'PENDING');
  });

  test('the receiving school accepts it into one of its rooms', async ({ page }) => {
    await signIn(page, RECEIVER);
    await page.goto('/assets/transfers');
    const row = page.getByTestId('asset-transfer-row').filter({ hasText: printer.name });
    await row.getByTestId('asset-transfer-accept').click();
    await expect(page.getByTestId('asset-transfer-decision-text')).toContainText('11.200.000');
    await page.getByTestId('asset-transfer-decision-submit').click();
    await expect(page.getByTestId('asset-transfers-message')).toBeVisible();
    await expect(row.getByTestId('asset-transfer-status')).toHaveAttribute('data-status', 'ACCEPTED');
    await screenshot(page, 'assets-transfer-accepted');
  });
});
