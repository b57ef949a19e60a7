import { useRef, useState } from 'react';
import { downloadFile } from '@/lib/csv/download-file';
import { Icon } from '@/components/icon/icon';
import {
  importRecentTestsFile,
  importSentence,
  RECENT_TESTS_FILE,
  recentTestsFileText,
} from '../recent/recent-tests-file';
import type { RecentTest } from '../recent/recent-tests-store';

/** Export and import of the recent-tests list, with what happened said next to the buttons. */
export function RecentTestsTransfer({ tests }: { tests: readonly RecentTest[] }) {
  const input = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState<{ text: string; failed: boolean }>();
  const readFile = async (file: File) => {
    try {
      setSaid({ text: importSentence(importRecentTestsFile(await file.text())), failed: false });
    } catch (error) {
      setSaid({ text: `Nothing imported: ${error instanceof Error ? error.message : String(error)}`, failed: true });
    }
  };
  return (
    <span className="recent-transfer">
      <span role="status" className={said?.failed ? 'recent-transfer__said tone--danger' : 'recent-transfer__said'}>
        {said?.text}
      </span>
      <button
        type="button"
        className="button"
        disabled={tests.length === 0}
        onClick={() => {
          downloadFile([recentTestsFileText(tests)], RECENT_TESTS_FILE, 'application/json');
          setSaid({
            text: `Exported ${tests.length} ${tests.length === 1 ? 'test' : 'tests'} to ${RECENT_TESTS_FILE}.`,
            failed: false,
          });
        }}
      >
        <Icon name="download" />
        Export list
      </button>
      <button type="button" className="button" onClick={() => input.current?.click()}>
        <Icon name="plus" />
        Import list…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Recent tests file to import"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void readFile(file);
        }}
      />
    </span>
  );
}
