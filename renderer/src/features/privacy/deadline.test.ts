import { describe, expect, it } from 'vitest';
import { makeI18n } from '../../i18n/index.ts';
import { deadlineText, deadlineTone } from './deadline.ts';

describe('a rights request deadline as the user reads it', () => {
  it('counts the days left, says when it is today, and how long it has been overdue', () => {
    const nb = makeI18n('nb');
    expect(deadlineText(nb, { daysLeft: 30 })).toBe('30 dager igjen');
    expect(deadlineText(nb, { daysLeft: 1 })).toBe('1 dag igjen');
    expect(deadlineText(nb, { daysLeft: 0 })).toBe('Frist i dag');
    expect(deadlineText(nb, { daysLeft: -3 })).toBe('Forfalt for 3 dager siden');
    expect(deadlineText(makeI18n('en'), { daysLeft: -1 })).toBe('Overdue by 1 day');
    expect([30, 7, 0, -1].map((daysLeft) => deadlineTone({ daysLeft }))).toEqual(['calm', 'soon', 'soon', 'overdue']);
  });
});
