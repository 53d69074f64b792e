/** Renderer entry: strings, the typed client over window.peerpath, server-state cache, then the app. */
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createApi } from './api-client/client';
import { ApiContext, createQueryClient } from './api-client/react';
import { App } from './app/App';
import { setUpI18n } from './i18n';
import './styles/tokens.css';
import './styles/base.css';
import './styles/forms.css';
import './styles/layout.css';
import './styles/records.css';
import './styles/students.css';
import './styles/week.css';
import './styles/checkins.css';
import './styles/observation.css';
import './styles/periods.css';
import './styles/caseload.css';
import './styles/reports.css';
import './styles/print.css';
import './styles/meeting.css';
import './styles/matching.css';

const root = document.getElementById('root');
if (!root) throw new Error('main: index.html has no #root element');

const i18n = setUpI18n();
const api = createApi(window.peerpath);
const queryClient = createQueryClient();

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiContext value={api}>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </ApiContext>
    </I18nextProvider>
  </StrictMode>,
);
