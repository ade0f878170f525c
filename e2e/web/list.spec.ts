import { expect, test } from './fixtures.ts';
import { createVault, panel, row } from './helpers.ts';

const COUNT = 1200;

test('thousands of rows: the list pages in what is scrolled to, sorts and filters', async ({ page, kandidat }) => {
  await createVault(page, kandidat);
  const failures = await page.evaluate(async (count) => {
    const call = (method: string, input: unknown) =>
      fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method, input }) }).then(
        (r) => r.json() as Promise<{ ok: boolean }>,
      );
    let failed = 0;
    for (let start = 1; start <= count; start += 50) {
      const batch = [];
      for (let i = start; i < start + 50 && i <= count; i++) {
        const n = String(i).padStart(4, '0');
        batch.push(call('candidates.create', { name: `Kandidat ${n}`, address: { city: i % 2 ? 'Oslo' : 'Bergen' } }));
      }
      failed += (await Promise.all(batch)).filter((r) => !r.ok).length;
    }
    return failed;
  }, COUNT);
  expect(failures).toBe(0);

  await expect(page.getByText(/^1\s200 kandidater$/)).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Kandidater' });
  await expect(row(page, 'Kandidat 0001')).toBeVisible();
  // Virtualised: only the rows in view (and a few beyond) exist.
  expect(await grid.getByRole('row').count()).toBeLessThan(60);

  // End jumps to the last row, which lives on a page not fetched yet.
  await grid.focus();
  await page.keyboard.press('End');
  await expect(row(page, 'Kandidat 1200')).toBeVisible();
  await expect(row(page, 'Kandidat 1200')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(row(page, 'Kandidat 0001')).toBeVisible();

  // Scrolling by wheel loads the rows in between.
  await grid.hover();
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 4000);
  await expect(grid.getByRole('row', { name: /Kandidat 0[2-9]\d\d/ }).first()).toBeVisible();
  await expect(grid.getByText('Laster …')).toHaveCount(0);

  // Sort by name, descending.
  await page.getByRole('button', { name: 'Navn' }).click();
  await expect(page.getByRole('columnheader', { name: 'Navn' })).toHaveAttribute('aria-sort', 'descending');
  await expect(grid.getByRole('row').nth(1)).toContainText('Kandidat 1200');

  // Sort by city: Bergen (even numbers) before Oslo.
  await page.getByRole('button', { name: 'Sted' }).click();
  await expect(page.getByRole('columnheader', { name: 'Sted' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(grid.getByRole('row').nth(1)).toContainText('Bergen');

  // Quick filter.
  await page.getByLabel('Hurtigfilter').fill('0999');
  await expect(page.getByText('1 kandidat', { exact: true })).toBeVisible();
  await expect(row(page, 'Kandidat 0999')).toBeVisible();

  // Deactivated candidates leave the default view and appear under "Inaktive".
  await row(page, 'Kandidat 0999').click();
  await panel(page).getByRole('button', { name: 'Deaktiver' }).click();
  await expect(page.getByText('0 kandidater', { exact: true })).toBeVisible();
  await page.getByLabel('Hurtigfilter').fill('');
  await page.getByRole('combobox', { name: 'Vis' }).selectOption('inactive');
  await expect(page.getByText('1 kandidat', { exact: true })).toBeVisible();
  await expect(row(page, 'Kandidat 0999')).toContainText('Inaktiv');
  await page.getByRole('combobox', { name: 'Vis' }).selectOption('all');
  await expect(page.getByText(/^1\s200 kandidater$/)).toBeVisible();
});
