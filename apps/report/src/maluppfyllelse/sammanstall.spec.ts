import type { BedomningsforslagDto, MalbedomningDto } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { malPerNamnd, raknaAntal, raknasVid, summeraAntal, type BedomningUnderlag, type MalUnderlag } from './sammanstall.js';

const mal = (andring: Partial<MalUnderlag> = {}): MalUnderlag => ({
  id: '00000000-0000-4000-8000-000000000001',
  namnd: 'SN',
  agartyp: 'namnd',
  ar: 2027,
  text: 'Fler unga i arbete',
  nyckeltal: [],
  professionellBedomning: true,
  status: 'aktivt',
  beslutadFran: '2026-01-20',
  avslutadDatum: null,
  ...andring,
});

const forslag: BedomningsforslagDto = {
  bedomning: 'delvis-uppfyllt',
  sammanvagning: 'samsta',
  forklaring: 'Det sämsta av 1 mätt nyckeltal',
  perNyckeltal: [],
  regler: { delvisFranAndel: 0.5, ejMattUtanNyttVarde: true, sammanvagning: 'samsta' },
  beraknadAt: '2026-05-02T08:00:00.000Z',
};
const beslut = (bedomning: NonNullable<MalbedomningDto['beslut']>['bedomning']): MalbedomningDto['beslut'] => ({
  bedomning,
  analys: 'Arbetet går enligt plan men målet nås inte i år.',
  motivering: null,
  foljerForslaget: bedomning === 'delvis-uppfyllt',
  beslutadAv: { id: 'pl', namn: 'Processledaren' },
  beslutadAt: '2026-05-03T08:00:00.000Z',
});

describe('which mål a follow-up counts', () => {
  it.each([
    ['an active mål decided before the follow-up', mal(), false, true],
    ['a mål KF decided after the follow-up’s last day', mal({ beslutadFran: '2026-05-01' }), false, false],
    ['a mål decided on the last day', mal({ beslutadFran: '2026-04-30' }), false, true],
    ['a mål whose year has passed', mal({ ar: 2025 }), false, false],
    ['a mål ended before the follow-up', mal({ status: 'avslutat', avslutadDatum: '2026-03-01' }), false, false],
    ['a mål ended after the follow-up', mal({ status: 'avslutat', avslutadDatum: '2026-06-01' }), false, true],
    ['an ended mål that was assessed at it', mal({ status: 'avslutat', avslutadDatum: '2026-03-01' }), true, true],
  ])('%s: april 2026', (_, malet, bedomd, raknas) => {
    expect(raknasVid(malet, bedomd, 2026, 'april')).toBe(raknas);
  });
});

describe('a nämnd’s mål and the counts of colors', () => {
  const ett = mal({ id: '00000000-0000-4000-8000-000000000001', beslutadFran: '2026-01-20' });
  const tva = mal({ id: '00000000-0000-4000-8000-000000000002', beslutadFran: '2025-11-02', text: 'Tryggare boende' });
  const tre = mal({ id: '00000000-0000-4000-8000-000000000003', namnd: 'HAMN', agartyp: 'bolag' });
  const bedomningar: BedomningUnderlag[] = [
    { malId: ett.id, forslag, beslut: beslut('ej-uppfyllt') },
    { malId: tva.id, forslag, beslut: null },
  ];

  it('takes the decided color, keeps the proposal beside it, and orders the mål as KF decided them', () => {
    const perNamnd = malPerNamnd([ett, tva, tre], bedomningar, 2026, 'augusti');
    expect(perNamnd.get('SN')?.map((m) => [m.text, m.bedomning, m.forslag?.bedomning ?? null])).toEqual([
      ['Tryggare boende', null, 'delvis-uppfyllt'],
      ['Fler unga i arbete', 'ej-uppfyllt', 'delvis-uppfyllt'],
    ]);
    expect(perNamnd.get('HAMN')?.[0]).toMatchObject({ bedomning: null, forslag: null, beslut: null });
  });

  it('counts each decided color, the mål waiting for a decision, and all; the city is the sum', () => {
    const perNamnd = malPerNamnd([ett, tva, tre], bedomningar, 2026, 'augusti');
    const sn = raknaAntal(perNamnd.get('SN') ?? []);
    expect(sn).toEqual({ uppfyllt: 0, 'delvis-uppfyllt': 0, 'ej-uppfyllt': 1, 'ej-matt': 0, ejBeslutade: 1, totalt: 2 });
    const hamn = raknaAntal(perNamnd.get('HAMN') ?? []);
    expect(summeraAntal([sn, hamn])).toEqual({
      uppfyllt: 0,
      'delvis-uppfyllt': 0,
      'ej-uppfyllt': 1,
      'ej-matt': 0,
      ejBeslutade: 2,
      totalt: 3,
    });
    expect(summeraAntal([])).toEqual(raknaAntal([]));
  });
});
