import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider } from './i18n/context';
import { detectLanguage, type Language } from './i18n';
import './styles.css';

const requested = new URLSearchParams(window.location.search).get('lang');
const language: Language = requested === 'en' || requested === 'ru' ? requested : detectLanguage(navigator.languages);
document.documentElement.lang = language;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nProvider language={language}>
      <App />
    </I18nProvider>
  </StrictMode>,
);
