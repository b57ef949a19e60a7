/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_MOCK?: string;
  readonly VITE_GUARDIAN_URL?: string;
  readonly VITE_POLICY_TEST_URL?: string;
  readonly VITE_ACCOUNT_ID?: string;
  readonly VITE_IDENTITY_EMAIL?: string;
  /** The expr runtime of the Guardian at VITE_GUARDIAN_URL: guardian-1.12 | guardian-1.15 | expr-latest. */
  readonly VITE_EXPR_TARGET?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
