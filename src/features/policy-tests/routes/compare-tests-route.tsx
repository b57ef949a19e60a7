import { useMemo } from 'react';
import { useSearchParams } from '@/lib/router';
import { Icon } from '@/components/icon/icon';
import { writeCompareView, parseCompareView } from '../compare/compare-params';
import { ComparePicker } from '../components/compare-picker';
import { CompareSuggestions } from '../components/compare-suggestions';
import { Comparing } from '../components/comparing';
import { useRecentTests } from '../recent/recent-tests-store';
import '../policy-tests.css';
import { TESTS_CRUMBS } from '../tests-crumbs';
import { PageHeader } from '@/components/page-header/page-header';

/** `/tests/compare?a=&b=`: how user outcomes moved from test A to test B. */
export function CompareTestsRoute() {
  const [search, setSearch] = useSearchParams();
  const view = useMemo(() => parseCompareView(search), [search]);
  const recent = useRecentTests();
  const ready = Boolean(view.a && view.b && view.a !== view.b);

  return (
    <section className="page compare-page">
      <PageHeader
        crumbs={TESTS_CRUMBS}
        title="Compare tests"
        subtitle="Who a change of policy newly blocks, newly approves or newly errors on."
      />
      {/* From a test's "Compare with…": one side is known, the other is offered from the recent tests. */}
      {!ready && (view.a !== '') !== (view.b !== '') && (
        <CompareSuggestions
          testId={view.a || view.b}
          recent={recent}
          onPick={(a, b) => setSearch(writeCompareView(search, { ...view, a, b, page: 1 }))}
        />
      )}
      <ComparePicker
        key={`${view.a}\n${view.b}`}
        a={view.a}
        b={view.b}
        recent={recent}
        onPick={(a, b) => setSearch(writeCompareView(search, { ...view, a, b, page: 1 }))}
        open={!ready}
      />
      {view.a && view.a === view.b && (
        <p className="notice notice--warning" role="status">
          <Icon name="info" /> A and B are the same test; choose two different tests.
        </p>
      )}
      {ready && (
        <Comparing
          view={view}
          recent={recent}
          go={(patch) => setSearch(writeCompareView(search, { ...view, ...patch }))}
          hrefFor={(patch) => `?${writeCompareView(search, { ...view, ...patch }).toString()}`}
        />
      )}
    </section>
  );
}
