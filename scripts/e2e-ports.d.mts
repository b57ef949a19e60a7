export declare function e2ePorts(env?: Record<string, string | undefined>): {
  demo: number;
  prod: number;
  mock: number;
  runner: number;
  runnerApp: number;
};

export declare const E2E_SERVER_MARK: string;
