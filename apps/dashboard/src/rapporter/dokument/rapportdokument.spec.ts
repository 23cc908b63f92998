import { describe, expect, it } from 'vitest';

import { blockTillText, textTillBlock } from './rapportdokument.js';

describe('the writers’ plain text', () => {
  it('headings, paragraphs and lists become blocks, and back', () => {
    const text = '# Året\n\nKostnaderna ökade.\nSärskilt under våren.\n\n- Ny skola\n- Nytt bad';
    const block = textTillBlock(text);
    expect(block).toEqual([
      { typ: 'rubrik', text: 'Året' },
      { typ: 'stycke', text: 'Kostnaderna ökade.\nSärskilt under våren.' },
      { typ: 'lista', punkter: ['Ny skola', 'Nytt bad'] },
    ]);
    expect(blockTillText(block)).toBe(text);
  });

  it('an empty text is no blocks', () => {
    expect(textTillBlock('  \n\n ')).toEqual([]);
  });
});
