import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initRpc } from './rpc/client';
import { initI18n } from './i18n';
import { App } from './App';

// First take the session token out of the URL, then render.
initRpc();
initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
