/// <reference types="vite/client" />

declare module 'virtual:krds.css';

interface ImportMetaEnv {
  readonly VITE_AUTH_MODE?: 'dev' | 'oidc';
  readonly VITE_OIDC_DOMAIN?: string;
  readonly VITE_OIDC_CLIENT_ID?: string;
}
