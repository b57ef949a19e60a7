import { lazy, Suspense, type ComponentType } from 'react';
import { RouteLoading } from './layout/route-loading';

/**
 * A view in its own chunk, behind its own Suspense boundary. Under one boundary shared by all views,
 * React would keep the view being left mounted but hidden (its effects running) until the next
 * view's chunk arrives, and Back meanwhile would show that same instance again: an editor left with
 * "keep the draft" would not offer it, one whose changes were discarded would show them again. With
 * a boundary per view, the view left unmounts at once, and coming back mounts it afresh. A view that
 * reads through React Query is loaded with it (with-queries.tsx).
 */
export function lazyView(load: () => Promise<ComponentType>): ComponentType & { preload: () => Promise<void> } {
  const factory = () => load().then((Loaded) => ({ default: Loaded }));
  let loaded: { default: ComponentType } | undefined;
  // Code loaded by `preload` is handed to React at once (a thenable that is already settled): a view
  // rendered after it does not suspend. A view that suspended is revealed by React's own retry no
  // sooner than 300 ms after its fallback, or at once by a render of the app (main.tsx).
  const View = lazy<ComponentType>(() =>
    loaded
      ? ({ then: (resolve: (value: { default: ComponentType }) => void) => resolve(loaded!) } as Promise<{
          default: ComponentType;
        }>)
      : factory(),
  );
  function LazyView() {
    return (
      <Suspense fallback={<RouteLoading />}>
        <View />
      </Suspense>
    );
  }
  LazyView.preload = () =>
    factory().then((module) => {
      loaded ??= module;
    });
  return LazyView;
}
