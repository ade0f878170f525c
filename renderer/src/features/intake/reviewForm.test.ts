import { describe, expect, it } from 'vitest';
import type { DraftFieldEvidence, IntakeJob, ResumeDocument } from '../../../../shared/contract/intake.ts';
import { resumeInput } from '../../../../shared/contract/intake.ts';
import {
  checkReview,
  emptyWork,
  formFromResume,
  formPathOfIssue,
  isLowConfidence,
  resumeFromForm,
  sourceOf,
} from './reviewForm.ts';
import { reviewQueue } from './store.ts';

const draft: ResumeDocument = {
  basics: {
    name: 'Kari Nordmann',
    email: 'kari@example.no',
    phone: '+4791234567',
    url: 'https://kari.example.no',
    location: { address: 'Storgata 1', postalCode: '0155', city: 'Oslo', countryCode: 'NO' },
    profiles: [{ network: 'LinkedIn', url: 'https://linkedin.example/kari' }],
  },
  work: [{ name: 'Oslo universitetssykehus', position: 'Sykepleier', startDate: '2019', highlights: ['Intensiv', 'Nattevakt'] }],
  education: [{ institution: 'OsloMet', studyType: 'Bachelor', area: 'sykepleie', startDate: '2015', endDate: '2018' }],
  skills: [{ name: 'Medisinering', level: 'Ekspert', keywords: ['legemidler'] }, { name: 'Sårstell' }],
  languages: [{ language: 'Norsk', fluency: 'morsmål' }],
  references: [{ name: 'Per Referanse', reference: 'Avdelingsleder' }],
};

describe('the review form', () => {
  it('round-trips a draft unchanged when nothing is corrected, keeping what the form does not show', () => {
    const form = formFromResume(draft);
    expect(form.basics.phone).not.toBe('+4791234567'); // shown as people write it
    expect(form.work[0]!.summary).toBe('• Intensiv\n• Nattevakt');
    const back = resumeFromForm(form, draft);
    expect(resumeInput.safeParse(back).success).toBe(true);
    expect(back.basics).toMatchObject({
      name: 'Kari Nordmann',
      email: 'kari@example.no',
      url: 'https://kari.example.no',
      location: { address: 'Storgata 1', postalCode: '0155', city: 'Oslo', countryCode: 'NO' },
      profiles: draft.basics!.profiles,
    });
    expect(back.basics!.phone!.replace(/\s/g, '')).toBe('91234567');
    expect(back.work).toEqual([{ name: 'Oslo universitetssykehus', position: 'Sykepleier', startDate: '2019', highlights: ['Intensiv', 'Nattevakt'] }]);
    expect(back.skills).toEqual([{ name: 'Medisinering', level: 'Ekspert', keywords: ['legemidler'] }, { name: 'Sårstell' }]);
    expect(back.references).toEqual(draft.references);
    expect(back.education).toEqual(draft.education);
  });

  it('takes the corrections: cleared fields are absent, empty new rows are dropped, removed skills are gone', () => {
    const form = formFromResume(draft);
    form.basics.email = '  ';
    form.basics.label = 'Intensivsykepleier';
    form.work.push(emptyWork());
    form.work[0]!.endDate = '2024-05';
    form.skills = ['Sårstell', 'Triage'];
    const back = resumeFromForm(form, draft);
    expect(back.basics!.email).toBeUndefined();
    expect(back.basics!.label).toBe('Intensivsykepleier');
    expect(back.work).toHaveLength(1);
    expect(back.work![0]!.endDate).toBe('2024-05');
    expect(back.skills).toEqual([{ name: 'Sårstell' }, { name: 'Triage' }]);
  });

  it('says what must be fixed before confirming', () => {
    const form = formFromResume(draft);
    form.basics.name = '';
    form.basics.email = 'kari@';
    form.basics.birthDate = '1990-02-30x';
    form.work[0]!.startDate = 'høsten 2019';
    expect(checkReview(form)).toEqual({
      'basics.name': 'required',
      'basics.email': 'email',
      'basics.birthDate': 'birthDate',
      'work.0.startDate': 'date',
    });
    expect(checkReview(formFromResume(draft))).toEqual({});
  });

  it('points the core’s validation issues at the form’s fields', () => {
    expect(formPathOfIssue('resume.basics.email')).toBe('basics.email');
    expect(formPathOfIssue('basics.location')).toBe('basics.location.address');
    expect(formPathOfIssue('resume.work.1.startDate')).toBe('work.1.startDate');
    expect(formPathOfIssue('resume.skills.3.name')).toBe('skills');
  });

  it('marks fields under 0.7 and finds where a row’s field came from', () => {
    const box = { page: 2, x: 10, y: 20, width: 30, height: 10 };
    const fields: Record<string, DraftFieldEvidence> = {
      'basics.name': { confidence: 0.69, source: box },
      'basics.email': { confidence: 0.7, source: null },
      'work.0.name': { confidence: 0.9, source: box },
      'skills.0.name': { confidence: 0.8, source: null },
      'skills.1.name': { confidence: 0.4, source: null },
    };
    expect(isLowConfidence(fields, 'basics.name')).toBe(true);
    expect(isLowConfidence(fields, 'basics.email')).toBe(false);
    expect(isLowConfidence(fields, 'basics.phone')).toBe(false);
    expect(isLowConfidence(fields, 'skills')).toBe(true);
    expect(sourceOf(fields, 'work.0.position')).toEqual(box);
    expect(sourceOf(fields, 'work.1.position')).toBeNull();
  });
});

describe('the review queue', () => {
  const job = (id: string, createdAt: string, state: IntakeJob['state'] = 'review') => ({ id, createdAt, state }) as IntakeJob;

  it('goes through CVs in the order they came: older drops first, one drop in the order dropped', () => {
    const jobs = {
      a: job('a', '2026-03-02T10:00:00.000Z'),
      b: job('b', '2026-03-02T10:00:00.000Z'),
      c: job('c', '2026-03-02T10:00:00.000Z', 'failed'),
      new1: job('new1', '2026-03-02T11:00:00.000Z'),
      new2: job('new2', '2026-03-02T11:00:00.000Z'),
    };
    // The list shows the newest drop first, each drop top to bottom.
    const order = ['new1', 'new2', 'a', 'b', 'c'];
    expect(reviewQueue({ jobs, order }).map((j) => j.id)).toEqual(['a', 'b', 'new1', 'new2']);
  });
});
