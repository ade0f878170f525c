import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from '../../electron/main/electron-binary.mjs';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const electronBinary = findElectronBinary(repoRoot);

export const PASSPHRASE = 'fire tilfeldige ord i snøen';
export const OWNER = { name: 'Ingrid Rekrutterer', email: 'ingrid@byraa.example' };

export interface Launched {
  app: ElectronApplication;
  window: Page;
}

/** A temp KANDIDAT_HOME (the app's user-data folder), removed by the returned function. */
export function tempHome(): { home: string; remove: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'kandidat-e2e-electron-'));
  return { home, remove: () => rmSync(home, { recursive: true, force: true }) };
}

/** Start the built app as `npm start` would, on the given user-data folder. */
export async function launchApp(home: string): Promise<Launched> {
  if (!electronBinary.ok) throw new Error(electronBinary.reason);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  env.KANDIDAT_HOME = home;
  delete env.ELECTRON_RUN_AS_NODE;
  // Chromium refuses to run as root with its OS sandbox (CI containers); the
  // renderer stays isolated and Node-free (webPreferences) either way.
  const switches = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await _electron.launch({ executablePath: electronBinary.path, args: [...switches, repoRoot], env, cwd: repoRoot });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return { app, window };
}

export async function createVault(window: Page): Promise<void> {
  await expect(window.getByRole('heading', { name: 'Opprett hvelvet' })).toBeVisible();
  await window.getByLabel('Ditt navn').fill(OWNER.name);
  await window.getByLabel('Din e-postadresse').fill(OWNER.email);
  await window.getByLabel('Passordfrase', { exact: true }).fill(PASSPHRASE);
  await window.getByLabel('Gjenta passordfrasen', { exact: true }).fill(PASSPHRASE);
  await window.getByRole('button', { name: 'Opprett hvelv' }).click();
  await expect(window.getByRole('heading', { name: 'Skriv ned gjenopprettingsnøkkelen' })).toBeVisible();
  await window.getByLabel('Jeg har skrevet ned gjenopprettingsnøkkelen').check();
  await window.getByRole('button', { name: 'Fortsett' }).click();
  await expect(window.getByRole('heading', { name: 'Kandidater', level: 1 })).toBeVisible();
}

export async function unlock(window: Page): Promise<void> {
  await window.getByLabel('Passordfrase', { exact: true }).fill(PASSPHRASE);
  await window.getByRole('button', { name: 'Lås opp', exact: true }).click();
  await expect(window.getByRole('heading', { name: 'Kandidater', level: 1 })).toBeVisible();
}

export async function addCandidate(window: Page, name: string): Promise<void> {
  await window.getByRole('button', { name: 'Ny kandidat' }).first().click();
  await window.getByLabel('Navn', { exact: true }).fill(name);
  await window.getByRole('button', { name: 'Legg til kandidat' }).click();
}

export const row = (window: Page, name: string) =>
  window.getByRole('grid', { name: 'Kandidater' }).getByRole('row', { name: new RegExp(name) });
