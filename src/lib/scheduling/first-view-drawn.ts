let markDrawn: () => void = () => undefined;

/** Settles once the first view has drawn what the person came for (the catalog: its first rows). */
export const firstViewDrawn = new Promise<void>((resolve) => {
  markDrawn = resolve;
});

/** Called by the first view once its content is on screen; later calls do nothing. */
export function markFirstViewDrawn(): void {
  markDrawn();
}
