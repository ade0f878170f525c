import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore } from '../testing/harness.ts';

let t: ReturnType<typeof makeTestCore>;
afterEach(async () => {
  await t?.cleanup();
});

async function ready() {
  t = makeTestCore({ retention: { firstDelayMs: 1e13 } });
  await t.createVault();
}

const warehouse = {
  name: 'Lager og logistikk',
  questions: [
    { competence: 'Samarbeid', text: 'Fortell om en gang du hjalp en kollega på lageret.' },
    { competence: 'HMS', text: 'Hva gjør du når du ser en pall som står farlig?' },
  ],
};

describe('interview templates', () => {
  it('a new vault has the standard template; a created one is listed by name with ids given to its questions', async () => {
    await ready();
    expect((await t.call('activity.interviewTemplates.list', {})).map((x) => x.name)).toEqual(['Standardintervju']);
    const created = await t.call('activity.interviewTemplates.save', warehouse);
    expect(created.questions.map((q) => [q.competence, q.text])).toEqual(warehouse.questions.map((q) => [q.competence, q.text]));
    expect(new Set(created.questions.map((q) => q.id)).size).toBe(2);
    const list = await t.call('activity.interviewTemplates.list', {});
    expect(list.map((x) => x.name)).toEqual(['Lager og logistikk', 'Standardintervju']);
    expect(list[0]).toEqual(created);
  });

  it('an edit renames, reorders and adds questions; kept questions keep their ids, and an interview started before keeps its copy', async () => {
    await ready();
    const c = await t.call('candidates.create', { name: 'Åse Ødegård' });
    const created = await t.call('activity.interviewTemplates.save', warehouse);
    const before = await t.call('activity.interviews.start', { candidateId: c.id, templateId: created.id });
    const [first, second] = created.questions;
    const edited = await t.call('activity.interviewTemplates.save', {
      id: created.id,
      name: '  Lager, kveldsskift ',
      questions: [second!, { competence: 'Motivasjon', text: 'Hvorfor kveld?' }, first!],
    });
    expect(edited.name).toBe('Lager, kveldsskift');
    expect(edited.questions.map((q) => q.competence)).toEqual(['HMS', 'Motivasjon', 'Samarbeid']);
    expect(edited.questions[0]!.id).toBe(second!.id);
    expect(edited.questions[2]!.id).toBe(first!.id);
    expect((await t.call('activity.interviewTemplates.list', {})).find((x) => x.id === created.id)).toEqual(edited);

    const after = await t.call('activity.interviews.start', { candidateId: c.id, templateId: created.id });
    expect(after.questions.map((q) => q.competence)).toEqual(['HMS', 'Motivasjon', 'Samarbeid']);
    expect((await t.call('activity.interviews.get', { id: before.id })).questions.map((q) => q.competence)).toEqual(['Samarbeid', 'HMS']);
  });

  it('deletes a template: gone from the list, interviews from it keep their questions, starting from it is NOT_FOUND', async () => {
    await ready();
    const c = await t.call('candidates.create', { name: 'Åse Ødegård' });
    const created = await t.call('activity.interviewTemplates.save', warehouse);
    const iv = await t.call('activity.interviews.start', { candidateId: c.id, templateId: created.id });
    expect(await t.call('activity.interviewTemplates.delete', { id: created.id })).toEqual({ id: created.id });
    expect((await t.call('activity.interviewTemplates.list', {})).map((x) => x.name)).toEqual(['Standardintervju']);
    const kept = await t.call('activity.interviews.get', { id: iv.id });
    expect(kept.questions.map((q) => q.text)).toEqual(warehouse.questions.map((q) => q.text));
    expect(kept.title).toBe('Lager og logistikk');
    expect((await t.fail('activity.interviews.start', { candidateId: c.id, templateId: created.id })).code).toBe('NOT_FOUND');
    // A stale editor saving the deleted template does not bring it back.
    expect((await t.fail('activity.interviewTemplates.save', { id: created.id, ...warehouse })).code).toBe('NOT_FOUND');
    expect((await t.fail('activity.interviewTemplates.delete', { id: created.id })).code).toBe('NOT_FOUND');
  });

  it('keeps the last template; the standard one, once deleted, does not come back', async () => {
    await ready();
    const [standard] = await t.call('activity.interviewTemplates.list', {});
    const last = await t.fail('activity.interviewTemplates.delete', { id: standard!.id });
    expect(last).toMatchObject({ code: 'CONFLICT', details: { reason: 'lastTemplate' } });
    const own = await t.call('activity.interviewTemplates.save', warehouse);
    await t.call('activity.interviewTemplates.delete', { id: standard!.id });
    expect((await t.call('activity.interviewTemplates.list', {})).map((x) => x.id)).toEqual([own.id]);
    expect((await t.fail('activity.interviewTemplates.delete', { id: own.id })).code).toBe('CONFLICT');
  });

  it('refuses an empty name, a question without text or competence, no questions, too many or too long, and a name in use', async () => {
    await ready();
    const q = { competence: 'Samarbeid', text: 'Fortell om et team.' };
    const refused = [
      { name: '   ', questions: [q] },
      { name: 'Lager', questions: [{ competence: 'Samarbeid', text: '  ' }] },
      { name: 'Lager', questions: [{ competence: '', text: 'Fortell om et team.' }] },
      { name: 'Lager', questions: [] },
      { name: 'Lager', questions: Array.from({ length: 101 }, () => q) },
      { name: 'x'.repeat(201), questions: [q] },
      { name: 'Lager', questions: [{ competence: 'Samarbeid', text: 'x'.repeat(2001) }] },
      { name: 'Lager', questions: [{ id: 'a', ...q }, { id: 'a', ...q }] },
      { name: 'Lager', questions: [{ ...q, score: 3 }] },
    ];
    for (const input of refused) expect((await t.fail('activity.interviewTemplates.save', input)).code, JSON.stringify(input).slice(0, 80)).toBe('VALIDATION');

    expect((await t.call('activity.interviewTemplates.save', { name: 'Lager', questions: Array.from({ length: 100 }, () => q) })).questions).toHaveLength(100);
    const taken = await t.fail('activity.interviewTemplates.save', { name: 'standardINTERVJU', questions: [q] });
    expect(taken).toMatchObject({ code: 'VALIDATION', details: { field: 'name', reason: 'duplicateName' } });
    // Its own name is not taken by itself.
    const [standard] = (await t.call('activity.interviewTemplates.list', {})).filter((x) => x.name === 'Standardintervju');
    expect((await t.call('activity.interviewTemplates.save', { id: standard!.id, name: 'Standardintervju', questions: [q] })).questions).toHaveLength(1);
    expect((await t.call('activity.interviewTemplates.list', {})).map((x) => x.name)).toEqual(['Lager', 'Standardintervju']);

    // Two saves of one new name at once: one of them gets it.
    const both = await Promise.allSettled([
      t.call('activity.interviewTemplates.save', { name: 'Kveld', questions: [q] }),
      t.call('activity.interviewTemplates.save', { name: 'kveld', questions: [q] }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await t.call('activity.interviewTemplates.list', {})).map((x) => x.name)).toEqual(['Kveld', 'Lager', 'Standardintervju']);
  });
});
