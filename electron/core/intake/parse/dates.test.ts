import { describe, expect, it } from 'vitest';
import { findDates, parseDateRange } from './dates.ts';

const period = (text: string): [string | undefined, string | null | undefined] => {
  const r = parseDateRange(text);
  return [r?.start, r?.end];
};

describe('periods as CVs write them', () => {
  it.each([
    ['08.2017 - 06.2020', '2017-08', '2020-06'],
    ['8/2017–6/2020', '2017-08', '2020-06'],
    ['2019–nå', '2019', null],
    ['jan. 2019 – d.d.', '2019-01', null],
    ['Juni 2024 – dags dato', '2024-06', null],
    ['fra august 2019 til mars 2021', '2019-08', '2021-03'],
    ['mars 2015 til juni 2018', '2015-03', '2018-06'],
    ['Okt. 2022 – Apr. 2024', '2022-10', '2024-04'],
    ['Jan 2019 – Present', '2019-01', null],
    ['Sept 2018 - May 2023', '2018-09', '2023-05'],
    ['2016/09 - now', '2016-09', null],
    ['2018-10 – 2019-03', '2018-10', '2019-03'],
    ['Sep 15 - NOW', '2015-09', null],
    ['Mar. 2021 Present', '2021-03', null],
    ['Mar. 2016 Exp. Jun. 2017', '2016-03', '2017-06'],
    ['10/2021 – Current', '2021-10', null],
    ['2005 – 2010', '2005', '2010'],
    ['siden 2020', '2020', null],
  ])('%s', (text, start, end) => {
    expect(period(text)).toEqual([start, end]);
  });

  it('reads a lone date, a season and an expected end', () => {
    expect(parseDateRange('Summer 2017')).toMatchObject({ start: '2017', single: true });
    expect(parseDateRange('Expected Graduation: June 2016')).toMatchObject({ end: '2016-06', single: true });
  });

  it('keeps the start of a period whose end lost its year, and leaves the end unknown', () => {
    // A photographed "Mars 2020 - Mai 2023" read as "Mai 2": neither a one-month job nor ongoing.
    const cut = parseDateRange('Mars 2020 - Mai 2');
    expect(cut).toMatchObject({ start: '2020-03', single: false });
    expect(cut?.end).toBeUndefined();
    // The same with the dash read as a tilde, as OCR reads it on photos.
    const tilde = parseDateRange('Nov. 2023 ~ Aug. 202');
    expect(tilde).toMatchObject({ start: '2023-11', single: false });
    expect(tilde?.end).toBeUndefined();
    // A year and then an employer is still one date.
    expect(parseDateRange('2019 – Lagerhuset AS')).toMatchObject({ start: '2019', single: true });
  });

  it('finds two periods at one employer', () => {
    expect(findDates('Sep. 2013, Mar. 2011 - Oct. 2011').map((d) => [d.start, d.end])).toEqual([
      ['2013-09', undefined],
      ['2011-03', '2011-10'],
    ]);
  });

  it('does not read phone numbers, postcodes or prices as dates', () => {
    expect(findDates('Tlf 91 36 01 61')).toEqual([]);
    expect(findDates('0150 Oslo')).toEqual([]);
    expect(findDates('kr 12 500')).toEqual([]);
  });
});
