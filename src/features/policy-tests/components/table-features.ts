import { tableFeatures } from '@tanstack/react-table';

export interface CellMeta {
  /** Class on both the header and the cells, e.g. `num`. */
  className?: string;
  /** Column width (the layout is fixed so that virtual rows never shift the columns). */
  width?: string;
}

export interface PageMeta {
  /** 1-based position of the page's first row in the whole list. */
  firstRow: number;
}

/** Core only: the server (or the compare view) hands the table one page, already filtered. */
export const pageTableFeatures = tableFeatures({ columnMeta: {} as CellMeta, tableMeta: {} as PageMeta });
export type PageTableFeatures = typeof pageTableFeatures;
