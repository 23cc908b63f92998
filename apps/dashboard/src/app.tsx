import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';

import { useInloggning } from './inloggning/use-inloggning.js';
import { router } from './navigering/router.js';
import { Ram } from './navigering/skal.js';
import { Laddar } from './sida/meddelanden.js';

/**
 * The dashboard: once the stored session has been read, the router shows the page of the address, for whoever
 * is signed in. A sign-in, renewal or sign-out (in this tab or another) runs the routes' checks again.
 */
export function App() {
  const inloggning = useInloggning();

  useEffect(() => {
    if (inloggning.klar) void router.invalidate();
  }, [inloggning]);

  if (!inloggning.klar) {
    return (
      <Ram>
        <Laddar>Hämtar inloggningen…</Laddar>
      </Ram>
    );
  }
  return <RouterProvider router={router} context={{ inloggning }} />;
}
