// The icons no view shows before the catalog's first rows: loaded after them (src/app/warm-up-loads.ts)
// or by the first icon that needs one, so their paths stay out of the first load.
export const MORE_PATHS = {
  approved: 'M20 6L9 17l-5-5',
  blocked: 'M12 22a10 10 0 100-20 10 10 0 000 20zM4.9 4.9l14.2 14.2',
  processing: 'M21 12a9 9 0 11-6.2-8.6',
  plus: 'M12 5v14M5 12h14',
  minus: 'M5 12h14',
  change: 'M4 12h16M14 6l6 6-6 6',
  move: 'M7 4v16M3 8l4-4 4 4M17 20V4M13 16l4 4 4-4',
  copy: 'M9 9h11v11H9zM5 15H4V4h11v1',
  edit: 'M4 20h4L19 9l-4-4L4 16zM14 6l4 4',
  eye: 'M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12zM12 15a3 3 0 100-6 3 3 0 000 6z',
  clock: 'M12 22a10 10 0 100-20 10 10 0 000 20zM12 6v6l4 2',
  flask: 'M9 3h6M10 3v6l-5 9a2 2 0 002 3h10a2 2 0 002-3l-5-9V3',
  compare: 'M8 3v18M16 3v18M3 8h5M16 16h5',
  restore: 'M3 12a9 9 0 109-9 9.7 9.7 0 00-6.7 2.8L3 8M3 3v5h5',
  info: 'M12 22a10 10 0 100-20 10 10 0 000 20zM12 16v-4M12 8h.01',
  x: 'M18 6L6 18M6 6l12 12',
  chevronsLeft: 'M11 17l-5-5 5-5M18 17l-5-5 5-5',
  chevronsRight: 'M13 17l5-5-5-5M6 17l5-5-5-5',
} as const;
