import { expect, test } from './fixtures.ts';
import { createVault, panel, row, unlock } from './helpers.ts';

test('everything in the register works from the keyboard', async ({ page, kandidat }) => {
  await createVault(page, kandidat);

  // Ctrl+N: a new candidate, the name field has focus; Ctrl+S saves.
  await page.keyboard.press('Control+N');
  await expect(panel(page).getByRole('heading', { name: 'Ny kandidat' })).toBeVisible();
  await expect(panel(page).getByLabel('Navn')).toBeFocused();
  await page.keyboard.type('Siri Solberg');
  await panel(page).getByLabel('Telefon', { exact: true }).fill('400 00 000');
  await page.keyboard.press('Control+S');
  await expect(panel(page).getByRole('heading', { name: 'Siri Solberg' })).toBeFocused();

  // Ctrl+E edits the open candidate; Escape on an untouched form goes back to reading.
  await page.keyboard.press('Control+E');
  await expect(panel(page).getByRole('heading', { name: 'Rediger kandidat' })).toBeVisible();
  await expect(panel(page).getByLabel('Navn')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel(page).getByRole('heading', { name: 'Siri Solberg' })).toBeVisible();

  // Escape with unsaved changes asks first.
  await page.keyboard.press('Control+E');
  await panel(page).getByLabel('Poststed').fill('Molde');
  await page.keyboard.press('Escape');
  await expect(panel(page).getByRole('button', { name: 'Fortsett å redigere' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(panel(page).getByRole('button', { name: 'Forkast endringene' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('heading', { name: 'Siri Solberg' })).toBeVisible();
  await expect(panel(page)).not.toContainText('Molde');

  // Another screen (a header shortcut) with unsaved changes asks the same: nothing typed is lost unasked.
  await page.keyboard.press('Control+E');
  await panel(page).getByLabel('Poststed').fill('Molde');
  await page.keyboard.press('Alt+K');
  await expect(panel(page).getByRole('button', { name: 'Fortsett å redigere' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByLabel('Poststed')).toHaveValue('Molde');
  await page.keyboard.press('Alt+K');
  await panel(page).getByRole('button', { name: 'Forkast endringene' }).click();
  await expect(page.getByRole('heading', { name: 'Kunder', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Kandidater', exact: true }).click();
  await expect(panel(page).getByRole('heading', { name: 'Siri Solberg' })).toBeVisible();
  await expect(panel(page)).not.toContainText('Molde');

  // Escape closes the panel and gives the list the focus.
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
  const grid = page.getByRole('grid', { name: 'Kandidater' });
  await expect(grid).toBeFocused();

  // A second candidate, then move with the arrows and open with Enter.
  await page.keyboard.press('Control+N');
  await page.keyboard.type('Anders Aas');
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('heading', { name: 'Anders Aas' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(grid).toBeFocused();
  await expect(row(page, 'Anders Aas')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 'Siri Solberg')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('heading', { name: 'Siri Solberg' })).toBeFocused();

  // Another candidate picked from the list while this one has unsaved changes: asked first too.
  await page.keyboard.press('Control+E');
  await panel(page).getByLabel('Poststed').fill('Hamar');
  await row(page, 'Anders Aas').click();
  await expect(panel(page).getByRole('button', { name: 'Fortsett å redigere' })).toBeFocused();
  await panel(page).getByRole('button', { name: 'Forkast endringene' }).click();
  await expect(panel(page).getByRole('heading', { name: 'Anders Aas' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('heading', { name: 'Siri Solberg' })).toBeFocused();
  await expect(panel(page)).not.toContainText('Hamar');
  await page.keyboard.press('Escape');

  // "/" goes to the quick filter; typing filters, Enter opens the first match.
  await page.keyboard.press('/');
  await expect(page.getByLabel('Hurtigfilter')).toBeFocused();
  await page.keyboard.type('siri');
  await expect(row(page, 'Anders Aas')).toHaveCount(0);
  await expect(page.getByText('1 kandidat', { exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('heading', { name: 'Siri Solberg' })).toBeFocused();

  // F1 lists the shortcuts; Escape closes the list and nothing else.
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Hurtigtaster' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Ctrl+L');
  await expect(help).toContainText('Gå til personvern');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(panel(page)).toBeVisible();

  // Alt and a letter reach the other screens: Alt+P privacy, Alt+D sharing, Alt+L back to the list.
  await page.keyboard.press('Alt+P');
  await expect(page.getByRole('heading', { name: 'Personvern', level: 1 })).toBeVisible();
  await page.keyboard.press('Alt+D');
  await expect(page.getByRole('heading', { name: 'Deling med kunder', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Kandidater', exact: true }).click();
  await expect(panel(page)).toBeVisible();

  // Ctrl+L locks.
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Lås opp Kandidat' })).toBeVisible();
  await expect(page.getByLabel('Passordfrase', { exact: true })).toBeFocused();

  // Unlocked again, the list has the focus: the arrows work at once.
  await unlock(page);
  await expect(grid).toBeFocused();
  await page.keyboard.press('End');
  await expect(row(page, 'Siri Solberg')).toHaveAttribute('aria-selected', 'true');
});
