/** A budget a figure must meet: `value <op> limit`. */
export interface Budget {
  op: '<=' | '>=' | '==';
  limit: number;
}

type MetricStatus = 'pass' | 'miss' | 'unavailable' | 'info';

/** One figure the benchmark reports. */
export interface MetricSpec {
  id: string;
  label: string;
  unit: string;
  /** Absent for figures reported for context only. */
  budget?: Budget;
  /** How to print the value (digits after the point). */
  digits?: number;
}

/** What a measurement found for one figure: every run, or a reason it could not measure. */
export interface Sample {
  runs: number[];
  note?: string;
  /** How the runs make the figure: their median (default), or the worst of them. */
  aggregate?: 'median' | 'max';
}

export interface MetricResult extends MetricSpec {
  status: MetricStatus;
  aggregate?: 'median' | 'max';
  /** Median (or the worst, when the sample asks) of the runs; null when unavailable. */
  value: number | null;
  runs: number[];
  note?: string;
}

/** A feature this measurement needs has not landed (or broke): report it, do not crash the run. */
export class NotAvailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotAvailable';
  }
}
