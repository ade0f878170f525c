import { expect, type Page } from '@playwright/test';
import type { KandidatServer } from './fixtures.ts';

export const PASSPHRASE = 'fire tilfeldige ord i snøen';
export const OWNER = { name: 'Ingrid Rekrutterer', email: 'ingrid@byraa.example' };

/** Open the app, create a vault and acknowledge the recovery key; returns the key. */
export async function createVault(page: Page, kandidat: KandidatServer, passphrase = PASSPHRASE): Promise<string> {
  await page.goto(kandidat.launchUrl);
  await expect(page.getByRole('heading', { name: 'Opprett hvelvet' })).toBeVisible();
  await page.getByLabel('Ditt navn').fill(OWNER.name);
  await page.getByLabel('Din e-postadresse').fill(OWNER.email);
  await page.getByLabel('Passordfrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Gjenta passordfrasen', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Opprett hvelv' }).click();

  await expect(page.getByRole('heading', { name: 'Skriv ned gjenopprettingsnøkkelen' })).toBeVisible();
  const key = (await page.locator('output.recovery-key').textContent()) ?? '';
  expect(key).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  const continueButton = page.getByRole('button', { name: 'Fortsett' });
  await expect(continueButton).toBeDisabled();
  await page.getByLabel('Jeg har skrevet ned gjenopprettingsnøkkelen').check();
  await continueButton.click();
  await expect(page.getByRole('heading', { name: 'Kandidater', level: 1 })).toBeVisible();
  return key;
}

export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByLabel('Passordfrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Lås opp', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kandidater', level: 1 })).toBeVisible();
}

/** The register's row for a candidate (its accessible name holds the cells' text). */
export const row = (page: Page, name: string | RegExp) =>
  page.getByRole('grid', { name: 'Kandidater' }).getByRole('row', { name: typeof name === 'string' ? new RegExp(name) : name });

/** The side panel. */
export const panel = (page: Page) => page.getByRole('complementary', { name: 'Kandidat' });
