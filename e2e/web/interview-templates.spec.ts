import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, rpc, test } from './fixtures.ts';
import { createVault, panel, row } from './helpers.ts';

/** Screens for a person to look at, when asked (KANDIDAT_E2E_SCREENSHOTS=/tmp/dir). */
async function snap(page: Page, name: string, target?: Locator): Promise<void> {
  const dir = process.env.KANDIDAT_E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  if (target) await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

test('a template is made with two questions, reordered by keyboard, used for an interview in that order, then deleted', async ({ page, kandidat }) => {
  await createVault(page, kandidat);
  const c = await rpc<{ id: string }>(page, 'candidates.create', { name: 'Åse Ødegård' });
  await page.getByRole('button', { name: 'Innstillinger' }).click();
  const section = page.getByRole('region', { name: 'Intervjumaler' });
  const list = section.getByRole('list', { name: 'Intervjumaler' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByText('Standardintervju')).toBeVisible();
  // The only template cannot be deleted, and the screen says why.
  await expect(section.getByRole('button', { name: 'Slett Standardintervju' })).toBeDisabled();
  await expect(section.getByText('Den siste malen kan ikke slettes.')).toBeVisible();

  await section.getByRole('button', { name: 'Ny mal' }).click();
  const form = section.getByRole('form', { name: 'Ny intervjumal' });
  await expect(form.getByLabel('Navn på malen')).toBeFocused();

  // Saving an empty template says what is missing, next to each field, and saves nothing.
  await form.getByRole('button', { name: 'Lagre malen' }).click();
  await expect(form.getByText('Gi malen et navn.')).toBeVisible();
  await expect(form.getByText('Skriv selve spørsmålet.')).toBeVisible();
  await expect(form.getByRole('alert')).toHaveText('Malen er ikke lagret. Rett feltene som er merket.');
  await expect(form.getByLabel('Navn på malen')).toBeFocused();
  await snap(page, 'interview-template-invalid', section);

  await form.getByLabel('Navn på malen').fill('Lager og logistikk');
  const first = form.getByRole('group', { name: 'Spørsmål 1' });
  await first.getByLabel('Kompetanse', { exact: true }).fill('Samarbeid');
  await first.getByLabel('Spørsmål', { exact: true }).fill('Fortell om en gang du hjalp en kollega på lageret.');
  await expect(form.getByText('Gi malen et navn.')).toBeHidden();

  // A new question takes focus in its first field, so typing goes on from the keyboard.
  await form.getByRole('button', { name: 'Legg til spørsmål' }).click();
  const second = form.getByRole('group', { name: 'Spørsmål 2' });
  await expect(second.getByLabel('Kompetanse', { exact: true })).toBeFocused();
  await page.keyboard.type('HMS');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Hva gjør du når du ser en pall som står farlig?');

  // Move the second question up with the keyboard; focus follows it to its new place.
  await form.getByRole('button', { name: 'Flytt spørsmål 2 opp' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('group', { name: 'Spørsmål 1' }).getByLabel('Kompetanse', { exact: true })).toHaveValue('HMS');
  await expect(form.getByRole('group', { name: 'Spørsmål 2' }).getByLabel('Kompetanse', { exact: true })).toHaveValue('Samarbeid');
  await expect(form.getByRole('button', { name: 'Flytt spørsmål 1 ned' })).toBeFocused();
  await snap(page, 'interview-template-editor', section);

  await form.getByRole('button', { name: 'Lagre malen' }).click();
  await expect(page.getByRole('status').getByText('Malen «Lager og logistikk» er lagret.')).toBeVisible();
  await expect(form).toBeHidden();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('Lager og logistikk');
  await expect(list.getByRole('listitem').first()).toContainText('2 spørsmål');
  await expect(section.getByRole('button', { name: 'Rediger Lager og logistikk' })).toBeFocused();
  await snap(page, 'interview-template-list', section);

  // A second template with the same name (case aside) is refused by name.
  await section.getByRole('button', { name: 'Ny mal' }).click();
  const again = section.getByRole('form', { name: 'Ny intervjumal' });
  await again.getByLabel('Navn på malen').fill('lager OG logistikk');
  await again.getByRole('group', { name: 'Spørsmål 1' }).getByLabel('Kompetanse', { exact: true }).fill('Ansvar');
  await again.getByRole('group', { name: 'Spørsmål 1' }).getByLabel('Spørsmål', { exact: true }).fill('Beskriv et ansvar du tok.');
  await again.getByRole('button', { name: 'Lagre malen' }).click();
  await expect(again.getByText('Det finnes allerede en mal med dette navnet.')).toBeVisible();
  // Cancelling typed work asks first; Esc keeps editing (and does not leave the settings), then discard.
  await again.getByRole('button', { name: 'Avbryt' }).click();
  const discard = again.getByRole('alertdialog', { name: 'Forkaste endringene i malen?' });
  await expect(discard.getByRole('button', { name: 'Fortsett å redigere' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(discard).toBeHidden();
  await expect(again.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await page.keyboard.press('Escape');
  // Leaving the screen by the header asks too, and keeping on editing stays.
  await page.getByRole('button', { name: 'Kandidater', exact: true }).click();
  await expect(discard.getByRole('button', { name: 'Fortsett å redigere' })).toBeFocused();
  await discard.getByRole('button', { name: 'Fortsett å redigere' }).click();
  await expect(again.getByLabel('Navn på malen')).toHaveValue('lager OG logistikk');
  await page.keyboard.press('Escape');
  await discard.getByRole('button', { name: 'Forkast endringene' }).click();
  await expect(again).toBeHidden();
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // The interview on the candidate screen starts from the template, its questions in the order set.
  await page.getByRole('button', { name: 'Kandidater', exact: true }).click();
  await row(page, 'Åse Ødegård').click();
  await panel(page).getByLabel('Mal', { exact: true }).selectOption({ label: 'Lager og logistikk' });
  await snap(page, 'interview-template-choose', panel(page).locator('#sec-interviews'));
  await panel(page).getByRole('button', { name: 'Start intervju' }).click();
  const interview = panel(page).getByRole('form', { name: 'Lager og logistikk' });
  await expect(interview.locator('fieldset.question legend strong')).toHaveText(['HMS', 'Samarbeid']);
  await interview.getByLabel('HMS: Svar og inntrykk').fill('Sier fra og sperrer av.');
  await expect(interview.getByText(/^Lagret/)).toBeVisible();

  // "Rediger maler" beside the interviews leads to the templates in the settings.
  await interview.getByRole('button', { name: 'Lukk intervjuet' }).click();
  await panel(page).getByRole('button', { name: 'Rediger maler' }).click();
  await expect(section.getByRole('heading', { name: 'Intervjumaler' })).toBeFocused();

  // Deleting asks first, saying the interview keeps its questions; "keep" is the safe default.
  await section.getByRole('button', { name: 'Slett Lager og logistikk' }).click();
  const confirm = section.getByRole('alertdialog', { name: 'Slette malen «Lager og logistikk»?' });
  await expect(confirm).toContainText('beholder sine egne spørsmål');
  await expect(confirm.getByRole('button', { name: 'Behold malen' })).toBeFocused();
  await snap(page, 'interview-template-delete', section);
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(list.getByRole('listitem')).toHaveCount(2);

  await section.getByRole('button', { name: 'Slett Lager og logistikk' }).click();
  await confirm.getByRole('button', { name: 'Slett malen' }).click();
  await expect(page.getByRole('status').getByText('Malen «Lager og logistikk» er slettet.')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByText('Lager og logistikk')).toBeHidden();
  await expect(section.getByRole('button', { name: 'Slett Standardintervju' })).toBeDisabled();

  // The interview held from it keeps its questions and its answer.
  const interviews = await rpc<{ questions: { competence: string }[]; answers: Record<string, { text: string }> }[]>(page, 'activity.interviews.list', { candidateId: c.id });
  expect(interviews[0]!.questions.map((q) => q.competence)).toEqual(['HMS', 'Samarbeid']);
  expect(Object.values(interviews[0]!.answers).map((a) => a.text)).toEqual(['Sier fra og sperrer av.']);
  const templates = await rpc<{ name: string }[]>(page, 'activity.interviewTemplates.list', {});
  expect(templates.map((x) => x.name)).toEqual(['Standardintervju']);
});

test('editing a template renames it and removes a question; the English screen has the same controls', async ({ page, kandidat }) => {
  await createVault(page, kandidat);
  await page.getByRole('button', { name: 'Innstillinger' }).click();
  await page.getByLabel('Språk').selectOption('en');
  const section = page.getByRole('region', { name: 'Interview templates' });
  // Esc on an unchanged form just closes it, back to the template's edit button.
  await section.getByRole('button', { name: 'Edit Standardintervju' }).click();
  await expect(section.getByLabel('Template name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(section.getByRole('button', { name: 'Edit Standardintervju' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.keyboard.press('Enter');
  const form = section.getByRole('form', { name: 'Edit the template “Standardintervju”' });
  await form.getByLabel('Template name').fill('Warehouse interview');
  await expect(form.getByRole('group')).toHaveCount(5);
  await form.getByRole('button', { name: 'Remove question 1' }).click();
  await expect(form.getByRole('group')).toHaveCount(4);
  // Focus goes to what took the removed question's place.
  await expect(form.getByRole('group', { name: 'Question 1' }).getByLabel('Competence', { exact: true })).toBeFocused();
  await expect(form.getByRole('group', { name: 'Question 1' }).getByLabel('Competence', { exact: true })).toHaveValue('Samarbeid');
  await form.getByRole('group', { name: 'Question 2' }).getByLabel('Question', { exact: true }).fill('');
  await form.getByRole('button', { name: 'Save the template' }).click();
  await expect(form.getByText('Write the question itself.')).toBeVisible();
  await expect(form.getByRole('group', { name: 'Question 2' }).getByLabel('Question', { exact: true })).toBeFocused();
  await page.keyboard.type('Describe a task you owned from start to finish.');
  await form.getByRole('button', { name: 'Save the template' }).click();
  await expect(page.getByRole('status').getByText('The template “Warehouse interview” was saved.')).toBeVisible();
  const templates = await rpc<{ name: string; questions: { id: string; competence: string; text: string }[] }[]>(page, 'activity.interviewTemplates.list', {});
  expect(templates).toHaveLength(1);
  expect(templates[0]!.name).toBe('Warehouse interview');
  expect(templates[0]!.questions.map((q) => q.id)).toEqual(['cooperation', 'responsibility', 'adaptability', 'safety']);
  expect(templates[0]!.questions[1]!.text).toBe('Describe a task you owned from start to finish.');
});
