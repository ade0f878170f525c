import { describe, expect, it } from 'vitest';
import { parseQuery } from './query.ts';
import { highlightTerms, makeSnippet } from './snippet.ts';

const marked = (columns: Record<string, string>, query: string, size?: number) => {
  const s = makeSnippet(columns, highlightTerms(parseQuery(query)), size);
  return s ? { field: s.field, text: s.parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('') } : null;
};

describe('snippets', () => {
  it('marks the words as written, found through folding, and prefixes', () => {
    expect(marked({ notes: 'Truckfører i Tromsø og Ålesund' }, 'tromso aalesund truckf*')).toEqual({
      field: 'notes',
      text: '[Truckfører] i [Tromsø] og [Ålesund]',
    });
  });

  it('marks a phrase only where its words stand together, and never words under NOT', () => {
    expect(marked({ cv: 'Jobbet i Bergen. Varelevering i Oslo i tre år.' }, '"varelevering i oslo" NOT bergen')).toEqual({
      field: 'cv',
      text: 'Jobbet i Bergen. [Varelevering i Oslo] i tre år.',
    });
  });

  it('keeps a field\'s words to that field and prefers the column bm25 weighs higher', () => {
    expect(marked({ name: 'Kari Oslo', city: 'Oslo', notes: 'Oslo Oslo' }, 'city:oslo')).toEqual({ field: 'city', text: '[Oslo]' });
    expect(marked({ skill: 'Truck', cv: 'truck truck' }, 'truck')?.field).toBe('skill');
  });

  it('lets a long, lightly weighed column win when its weighted hits are more, and not when they only tie', () => {
    const seven = 'Truckfører med trucksertifikat, truck T1–T4, truckkurs, truckfører igjen, truckopplæring og truckansvar.';
    expect(marked({ role: 'Truckfører', cv: seven }, 'truck*')?.field).toBe('cv');
    const six = 'Truckfører med trucksertifikat, truck T1–T4, truckkurs, truckfører igjen og truckopplæring.';
    expect(marked({ role: 'Truckfører', cv: six }, 'truck*')?.field).toBe('role');
  });

  it('cuts a long text to a window around the hits with ellipses', () => {
    const words = Array.from({ length: 40 }, (_, i) => `ord${i}`);
    words[20] = 'sveiser';
    const s = marked({ cv: words.join(' ') }, 'sveiser', 6);
    expect(s?.text).toBe('…ord18 ord19 [sveiser] ord21 ord22 ord23…');
  });

  it('has nothing to show for a query of only NOT, or no matching word', () => {
    expect(marked({ cv: 'lager' }, 'NOT natt')).toBeNull();
    expect(marked({ cv: 'lager' }, 'kran')).toBeNull();
  });
});
