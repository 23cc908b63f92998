import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { ApiFel } from './api/hamta-json.js';
import { App } from './app.js';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The live stream says when totals change; until then what we have is current.
      staleTime: 60_000,
      retry: (antalForsok, fel) => !(fel instanceof ApiFel && fel.arKlientfel) && antalForsok < 1,
    },
  },
});

const rot = document.getElementById('root');
if (!rot) throw new Error('index.html saknar #root');

createRoot(rot).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
