import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'virtual:krds.css';
import './styles/fonts.css';
import './styles/app.css';
import { App } from './App';
import { AuthProvider } from './auth/AuthProvider';
import { initI18n } from './i18n/i18n';

await initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthProvider>
      <App />
    </AuthProvider>
  </StrictMode>,
);
