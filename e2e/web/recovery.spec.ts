import { expect, test } from './fixtures.ts';
import { createVault, PASSPHRASE, unlock } from './helpers.ts';

test('the recovery key unlocks and sets a new passphrase', async ({ page, kandidat }) => {
  const key = await createVault(page, kandidat);
  const next = 'en helt ny passordfrase her';
  await page.getByRole('button', { name: 'Lås', exact: true }).click();
  await page.getByRole('button', { name: 'Bruk gjenopprettingsnøkkel' }).click();

  await page.getByLabel('Gjenopprettingsnøkkel').fill('AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA');
  await page.getByLabel('Ny passordfrase', { exact: true }).fill(next);
  await page.getByLabel('Gjenta ny passordfrase', { exact: true }).fill(next);
  await page.getByRole('button', { name: 'Lås opp og lagre ny passordfrase' }).click();
  await expect(page.getByRole('alert')).toContainText('Feil gjenopprettingsnøkkel');

  // Typed the way people copy from paper: lower case, spaces instead of dashes.
  await page.getByLabel('Gjenopprettingsnøkkel').fill(key.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Lås opp og lagre ny passordfrase' }).click();
  await expect(page.getByRole('heading', { name: 'Kandidater', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Lås', exact: true }).click();
  await page.getByLabel('Passordfrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Lås opp', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Feil passordfrase');
  await unlock(page, next);
});
