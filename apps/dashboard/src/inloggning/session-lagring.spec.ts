import { describe, expect, it } from 'vitest';

import type { Session } from './auktorisering.js';
import { lasSession, noteraUtloggning, sparaSession, sparaVantande, taUtloggning, taVantande, type Lagring } from './session-lagring.js';

function minne(): Lagring & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const NU = 1_800_000_000_000;
const session: Session = { atkomsttoken: 'at', uppdateringstoken: undefined, idToken: 'id', utgar: NU + 60_000 };

describe('the session kept across a reload', () => {
  it('comes back as it was stored', () => {
    const lagring = minne();
    sparaSession(lagring, session);
    expect(lasSession(lagring, NU)).toEqual(session);
  });

  it('is gone once removed', () => {
    const lagring = minne();
    sparaSession(lagring, session);
    sparaSession(lagring, undefined);
    expect(lasSession(lagring, NU)).toBeUndefined();
  });

  it('is dropped when expired and there is no refresh token to renew it', () => {
    const lagring = minne();
    sparaSession(lagring, session);
    expect(lasSession(lagring, session.utgar)).toBeUndefined();
    expect(lagring.data.size).toBe(0);
  });

  it('is kept when expired but renewable', () => {
    const lagring = minne();
    sparaSession(lagring, { ...session, uppdateringstoken: 'rt' });
    expect(lasSession(lagring, session.utgar + 1)?.uppdateringstoken).toBe('rt');
  });

  it.each(['not json', '{"atkomsttoken":1,"utgar":2}', '{"atkomsttoken":"at"}', 'null'])(
    'is nothing when what is stored is %s',
    (lagrat) => {
      const lagring = minne();
      lagring.setItem('tertial:session', lagrat);
      expect(lasSession(lagring, NU)).toBeUndefined();
    },
  );
});

describe('the sign-in under way', () => {
  const vantande = { state: 's', nonce: 'n', kodverifierare: 'v', atervandTill: '/budget?ar=2026' };

  it('can be taken out once only, so a state and a verifier are never used twice', () => {
    const lagring = minne();
    sparaVantande(lagring, vantande);
    expect(taVantande(lagring)).toEqual(vantande);
    expect(taVantande(lagring)).toBeUndefined();
  });

  it('is nothing when incomplete', () => {
    const lagring = minne();
    lagring.setItem('tertial:inloggning', JSON.stringify({ state: 's' }));
    expect(taVantande(lagring)).toBeUndefined();
  });
});

describe('the note that the user signed out', () => {
  it('is read once', () => {
    const lagring = minne();
    noteraUtloggning(lagring);
    expect(taUtloggning(lagring)).toBe(true);
    expect(taUtloggning(lagring)).toBe(false);
  });
});
