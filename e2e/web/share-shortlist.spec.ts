import { expect, rpc, test } from './fixtures.ts';
import { createVault } from './helpers.ts';

// A loopback port nothing listens on: queued items wait in the outbox, nothing leaves the machine.
const ENDPOINT = 'https://127.0.0.1:9/kandidat';
const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

test('sharing a shortlist: each candidate shows what leaves or why not; the consented one is queued, the other blocked with the reason', async ({
  page,
  kandidat,
}) => {
  await createVault(page, kandidat);
  const client = await rpc<{ id: string }>(page, 'clients.create', { name: 'Fjordlager AS', orgNumber: '923609016' });
  await rpc(page, 'sharing.connections.save', { clientId: client.id, endpoint: ENDPOINT, secret: SECRET });
  const vacancy = await rpc<{ id: string }>(page, 'vacancies.create', { clientId: client.id, title: 'Lagermedarbeider, dagskift', postalCode: '5003' });
  const sigrid = await rpc<{ id: string }>(page, 'candidates.create', {
    name: 'Sigrid Tveitå',
    emails: ['sigrid@example.no'],
    address: { street: 'Bryggen 3', postalCode: '5003', city: 'Bergen', country: 'NO' },
    birthDate: '1991-02-03',
  });
  const per = await rpc<{ id: string }>(page, 'candidates.create', { name: 'Per Hansen', address: { postalCode: '5003', city: 'Bergen' } });
  for (const c of [sigrid, per]) await rpc(page, 'shortlists.add', { vacancyId: vacancy.id, candidateId: c.id });
  // Only Sigrid says yes to sharing with this client, for this vacancy.
  await rpc(page, 'privacy.consents.grant', {
    candidateId: sigrid.id,
    purpose: 'shareWithClient',
    clientId: client.id,
    vacancyId: vacancy.id,
    source: 'form',
    notice: { version: 'deling-1', text: 'Vi deler profilen din med Fjordlager AS for denne stillingen.' },
  });

  await page.getByRole('button', { name: 'Kunder', exact: true }).click();
  await page.getByRole('button', { name: /^Fjordlager AS/ }).click();
  await page.getByRole('button', { name: 'Åpne Lagermedarbeider, dagskift' }).click();
  const board = page.getByRole('region', { name: 'Kortliste' });
  await expect(board.getByRole('region', { name: /^Kortliste/ })).toContainText('Per Hansen');

  // By keyboard: the action, then what would leave for each.
  await board.getByRole('button', { name: 'Del kortlisten med kunden' }).focus();
  await page.keyboard.press('Enter');
  const share = board.getByRole('region', { name: 'Del kortlisten med Fjordlager AS' });
  await expect(share.getByRole('heading', { name: 'Del kortlisten med Fjordlager AS' })).toBeFocused();
  await expect(share).toContainText('Norge er i EU/EØS.');
  const list = share.getByRole('list', { name: 'Kandidater på kortlisten' });
  const sigridItem = list.getByRole('listitem').filter({ hasText: 'Sigrid Tveitå' });
  const perItem = list.getByRole('listitem').filter({ hasText: 'Per Hansen' });
  await expect(sigridItem).toContainText('Kan sendes');
  await expect(sigridItem.getByRole('checkbox', { name: 'Sigrid Tveitå' })).toBeChecked();
  await expect(perItem).toContainText('Sperret');
  await expect(perItem).toContainText('kandidaten har ikke samtykket til deling med denne kunden');
  await expect(perItem.getByRole('checkbox')).toHaveCount(0);

  // Exactly what leaves about Sigrid: the default selection, no birth date or street address.
  await sigridItem.getByText('Vis hva som sendes om Sigrid Tveitå').click();
  const document = sigridItem.locator('pre');
  await expect(document).toContainText('"name": "Sigrid Tveitå"');
  await expect(document).toContainText('"city": "Bergen"');
  await expect(document).toContainText(`"vacancyRef": "${vacancy.id}"`);
  await expect(document).not.toContainText('1991-02-03');
  await expect(document).not.toContainText('Bryggen');
  await expect(share).toContainText('Felt: Navn, E-post');
  if (process.env.SHARING_SCREENSHOTS) await share.screenshot({ path: `${process.env.SHARING_SCREENSHOTS}/shortlist-preview.png` });

  // Anonymised: initials and region instead of the name.
  await share.getByLabel('Profil').selectOption('anonymised');
  await sigridItem.getByText('Vis hva som sendes om Sigrid Tveitå').click();
  await expect(sigridItem.locator('pre')).toContainText('"mode": "anonymised"');
  await expect(sigridItem.locator('pre')).not.toContainText('Sigrid Tveitå');
  await share.getByLabel('Profil').selectOption('full');

  await share.getByRole('button', { name: 'Legg 1 profil i utboksen' }).click();
  const result = share.getByRole('status');
  await expect(result).toContainText('1 profil er lagt i utboksen til Fjordlager AS.');
  await expect(result).toContainText('1 ble ikke sendt:');
  await expect(result.getByRole('listitem').filter({ hasText: 'Sigrid Tveitå' })).toContainText('Venter');
  await expect(result.getByRole('listitem').filter({ hasText: 'Per Hansen' })).toContainText(
    'Kan ikke deles: kandidaten har ikke samtykket til deling med denne kunden',
  );
  await expect(result).toBeFocused();
  if (process.env.SHARING_SCREENSHOTS) await share.screenshot({ path: `${process.env.SHARING_SCREENSHOTS}/shortlist-result.png` });

  // Only Sigrid's profile is in the outbox, for this vacancy.
  const outbox = await rpc<{ items: { candidateId: string; vacancyId: string; status: string }[] }>(page, 'sharing.outbox.list', {});
  expect(outbox.items.map((i) => [i.candidateId, i.vacancyId, i.status])).toEqual([[sigrid.id, vacancy.id, 'queued']]);

  await share.getByRole('button', { name: 'Lukk' }).click();
  await expect(board.getByRole('button', { name: 'Del kortlisten med kunden' })).toBeFocused();
});

test('sharing a shortlist with a client in a country without a transfer basis: blocked for everyone, with the reason', async ({ page, kandidat }) => {
  await createVault(page, kandidat);
  const client = await rpc<{ id: string }>(page, 'clients.create', { name: 'Mumbai Staffing Pvt Ltd', country: 'IN' });
  await rpc(page, 'sharing.connections.save', { clientId: client.id, endpoint: ENDPOINT, secret: SECRET });
  const vacancy = await rpc<{ id: string }>(page, 'vacancies.create', { clientId: client.id, title: 'Lagerleder' });
  const kari = await rpc<{ id: string }>(page, 'candidates.create', { name: 'Kari Nordmann', address: { postalCode: '0150', city: 'Oslo' } });
  await rpc(page, 'shortlists.add', { vacancyId: vacancy.id, candidateId: kari.id });
  // Her consent does not make up for the missing basis.
  await rpc(page, 'privacy.consents.grant', {
    candidateId: kari.id,
    purpose: 'shareWithClient',
    clientId: client.id,
    source: 'form',
    notice: { version: 'deling-1', text: 'Vi deler profilen din med kunden.' },
  });

  await page.getByRole('button', { name: 'Kunder', exact: true }).click();
  await page.getByRole('button', { name: /^Mumbai Staffing/ }).click();
  await page.getByRole('button', { name: 'Åpne Lagerleder' }).click();
  const board = page.getByRole('region', { name: 'Kortliste' });
  await board.getByRole('button', { name: 'Del kortlisten med kunden' }).click();
  const share = board.getByRole('region', { name: 'Del kortlisten med Mumbai Staffing Pvt Ltd' });
  await expect(share.getByRole('alert')).toContainText('er utenfor EU/EØS og har ingen tilstrekkelighetsbeslutning');
  await expect(share.getByRole('listitem').filter({ hasText: 'Kari Nordmann' })).toContainText('Sperret');
  await expect(share.getByRole('button', { name: /i utboksen/ })).toBeDisabled();
  expect((await rpc<{ total: number }>(page, 'sharing.outbox.list', {})).total).toBe(0);
});
