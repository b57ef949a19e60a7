/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_MOCK?: string;
  readonly VITE_GUARDIAN_URL?: string;
  readonly VITE_POLICY_TEST_URL?: string;
  readonly VITE_ACCOUNT_ID?: string;
  readonly VITE_IDENTITY_EMAIL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
