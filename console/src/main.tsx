import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import './lib/dates';
import { router } from './router';

/** The nonce the API put into this page's CSP; Ant Design's CSS-in-JS <style> elements carry it. */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;

const queryClient = new QueryClient({
  defaultOptions: {
    // A refusal (4xx) will not change on retry; network trouble might.
    queries: { retry: (count, err) => !(err instanceof ApiError && err.problem.status < 500) && count < 2, refetchOnWindowFocus: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} csp={nonce ? { nonce } : undefined} theme={{ token: { colorPrimary: '#c0392b' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
