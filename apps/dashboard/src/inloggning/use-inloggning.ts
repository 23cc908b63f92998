import { useSyncExternalStore } from 'react';

import { inloggningslage, prenumerera, type Inloggningslage } from './session.js';

/** Who is signed in, if anyone; follows sign-in, renewal and sign-out, in this tab and the others. */
export function useInloggning(): Inloggningslage {
  return useSyncExternalStore(prenumerera, inloggningslage);
}
