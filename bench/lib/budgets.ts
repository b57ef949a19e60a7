// The performance budgets, in one place. They are set from the physical floor; do not move them —
// when a figure misses, find the cause and fix the code.
import { BUNDLE_BUDGETS } from '../../scripts/check-bundle';
import type { Budget } from './types';

const atMost = (limit: number): Budget => ({ op: '<=', limit });
const atLeast = (limit: number): Budget => ({ op: '>=', limit });
const exactly = (limit: number): Budget => ({ op: '==', limit });

export const BUDGETS = {
  firstRouteKb: atMost(BUNDLE_BUDGETS.firstRouteGzip / 1000),
  firstRouteFetchedKb: atMost(100),
  /** The console's first data row against a stock react-admin list app's, in the same run. */
  firstRowVsReactAdmin: atMost(0.5),
  lazyRouteKb: atMost(BUNDLE_BUDGETS.lazyRouteGzip / 1000),
  mswFilesInProduction: exactly(0),
  lighthouseScore: atLeast(99),
  lighthouseMobileScore: atLeast(90),
  mobileLcpSeconds: atMost(2),
  lcpSeconds: atMost(0.8),
  tbtMs: atMost(50),
  cls: exactly(0),
  pageSwitch100Ms: atMost(30),
  pageSwitch1000Ms: atMost(30),
  structuralDiffMs: atMost(20),
  lineDiffLongestTaskMs: atMost(50),
  lineDiffShownMs: atMost(400),
  editorKeystrokeMs: atMost(20),
  editorMountMs: atMost(300),
  pollRequestsPerInterval: atMost(1),
  pollRequestsAfterCompletion: exactly(0),
  engineCpuSeconds: atMost(1),
  engineMemoryMb: atMost(50),
  expressionNs: atMost(5000),
  heapMb: atMost(60),
  traceMs: atMost(50),
  runnerLoadSeconds: atMost(10),
  runnerLoadRssMb: atMost(300),
  runnerTestCpuSeconds: atMost(5),
  runnerUsersPageP95Ms: atMost(50),
  planFiftyFilesMs: atMost(2000),
  planLongestTaskMs: atMost(50),
  catalogSendSeconds: atMost(1.5),
  catalogOverFloorMs: atMost(1000),
  catalogLongTaskMs: atMost(100),
  catalogHeapMb: atMost(80),
  catalogNextPageMs: atMost(100),
  catalogSortMs: atMost(150),
  catalogKeystrokeMs: atMost(50),
  catalogOpenRefetch: exactly(0),
  badInputTaskMs: atMost(100),
  whatIfSeconds: atMost(30),
  whatIfLongestTaskMs: atMost(50),
  verdictBytesPerUser: atMost(3),
} as const;
