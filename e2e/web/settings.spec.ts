import { expect, rpc, test } from './fixtures.ts';
import { createVault, PASSPHRASE, unlock } from './helpers.ts';

test('switching to English changes the labels, and the choice is kept', async ({ page, kandidat }) => {
  await createVault(page, kandidat);
  await page.getByRole('button', { name: 'Innstillinger' }).click();
  await page.getByLabel('Språk').selectOption('en');

  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Lock automatically after')).toBeVisible();
  await page.getByRole('button', { name: 'Candidates' }).click();
  await expect(page.getByRole('heading', { name: 'Candidates', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New candidate' })).toBeVisible();
  await expect(page.getByLabel('Quick filter')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'City' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Kept across a reload and on the unlock screen.
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Unlock Kandidat' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong passphrase');
});

test('idle lock minutes are saved; a lock from elsewhere shows the unlock screen at once', async ({ page, kandidat, context }) => {
  await createVault(page, kandidat);
  await page.getByRole('button', { name: 'Innstillinger' }).click();
  const general = page.getByRole('region', { name: 'Generelt' });
  await general.getByLabel('Lås automatisk etter').fill('5');
  await general.getByRole('button', { name: 'Lagre innstillingene' }).click();
  await expect(page.getByRole('status').getByText('Innstillingene er lagret.')).toBeVisible();
  expect(await rpc<{ idleLockMinutes: number }>(page, 'settings.get')).toMatchObject({ idleLockMinutes: 5 });

  // The core locks (as its idle timer would): the page hears vault.locked and hides the register.
  const other = await context.newPage();
  await other.goto(kandidat.origin);
  await rpc(other, 'vault.lock');
  await expect(page.getByRole('heading', { name: 'Lås opp Kandidat' })).toBeVisible();
  await other.close();
});

test('change the passphrase: the old one stops working, the new one unlocks', async ({ page, kandidat }) => {
  const next = 'nye ord for en ny vinter';
  await createVault(page, kandidat);
  await page.getByRole('button', { name: 'Innstillinger' }).click();

  await page.getByLabel('Nåværende passordfrase', { exact: true }).fill('ikke den riktige frasen');
  await page.getByLabel('Ny passordfrase', { exact: true }).fill(next);
  await page.getByLabel('Gjenta ny passordfrase', { exact: true }).fill(next);
  await page.getByRole('button', { name: 'Endre passordfrase' }).click();
  await expect(page.getByRole('alert')).toContainText('Feil passordfrase');

  await page.getByLabel('Nåværende passordfrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Endre passordfrase' }).click();
  await expect(page.getByRole('status').getByText('Passordfrasen er endret.')).toBeVisible();

  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Lås opp Kandidat' })).toBeVisible();
  await page.getByLabel('Passordfrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Lås opp', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Feil passordfrase');
  await unlock(page, next);
});
