import { describe, expect, it } from 'vitest';

import type { RapportversionDto } from '@tertial/contracts/dto';

import { blockTillText, rapporterMedVersioner, textTillBlock } from './rapportdokument.js';

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

describe('the reports a person can open', () => {
  const version = (
    rapport: RapportversionDto['rapport'],
    ar: number,
    nummer: number,
    status: RapportversionDto['status'],
  ): RapportversionDto => ({
    rapport,
    ar,
    version: nummer,
    status,
    hash: status === 'faststalld' ? 'ab'.repeat(32) : null,
    ersatter: null,
    skapadAt: '2026-03-01T10:00:00.000Z',
    skapadAv: 'ekonomidirektor',
    faststalldAt: null,
    faststalldAv: null,
  });

  it('lists each report once with its newest version, the latest to come out first', () => {
    const lista = rapporterMedVersioner([
      version('delarsrapport-april', 2025, 1, 'faststalld'),
      version('arsredovisning', 2025, 1, 'faststalld'),
      version('arsredovisning', 2025, 2, 'utkast'),
      version('delarsrapport-augusti', 2025, 1, 'faststalld'),
      version('delarsrapport-april', 2026, 1, 'granskning'),
    ]);
    expect(lista).toEqual([
      { rapport: 'delarsrapport-april', ar: 2026, senaste: { version: 1, status: 'granskning' } },
      { rapport: 'arsredovisning', ar: 2025, senaste: { version: 2, status: 'utkast' } },
      { rapport: 'delarsrapport-augusti', ar: 2025, senaste: { version: 1, status: 'faststalld' } },
      { rapport: 'delarsrapport-april', ar: 2025, senaste: { version: 1, status: 'faststalld' } },
    ]);
  });

  it('is empty when the person may read no version', () => {
    expect(rapporterMedVersioner([])).toEqual([]);
  });
});
