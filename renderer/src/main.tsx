import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultLanguage } from '../../electron/core/contract/index.js';
import { api } from './api/client.js';
import { adoptGrantFromAddress } from './api/session.js';
import { AppShell } from './app/App.js';
import './app/global.css';
import { initI18n } from './i18n/index.js';

async function boot(): Promise<void> {
  adoptGrantFromAddress(window.location.hash);
  const settings = await api.call('settings.get', {});
  await initI18n(settings.ok ? settings.value.language : defaultLanguage);
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <AppShell />
    </StrictMode>,
  );
}

void boot();
