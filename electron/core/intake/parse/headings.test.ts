import { describe, expect, it } from 'vitest';
import { classifyHeading } from './headings.ts';

describe('section headings', () => {
  it.each([
    ['Arbeidserfaring', 'work'],
    ['YRKESERFARING', 'work'],
    ['Tidligere arbeidsforhold', 'work'],
    ['Professional Experience', 'work'],
    ['Utdannelse', 'education'],
    ['Skolegang:', 'education'],
    ['Education and training', 'education'],
    ['Nøkkelkompetanse', 'skills'],
    ['Kvalifikasjoner', 'skills'],
    ['Core Competencies', 'skills'],
    ['Språk', 'languages'],
    ['SPRAK', 'languages'],
    ['Kurs og sertifikater', 'certificates'],
    ['Sertifikater / kurs', 'certificates'],
    ['Referanser', 'references'],
    ['Personalia', 'contact'],
    ['Kontaktinformasjon', 'contact'],
    ['Om meg', 'summary'],
    ['Sammendrag', 'summary'],
    ['E X P E R I E N C E', 'work'],
    ['exp erience', 'work'],
    ['Fritidsinteresser', 'interests'],
    ['Publikasjoner', 'other'],
  ])('%s → %s', (text, kind) => {
    expect(classifyHeading(text)).toBe(kind);
  });

  it('does not take ordinary lines for headings', () => {
    expect(classifyHeading('Lagermedarbeider hos Firma AS')).toBeNull();
    expect(classifyHeading('Engasjert sykepleier med 10 års erfaring fra helse')).toBeNull();
    expect(classifyHeading('Excel')).toBeNull();
  });
});
