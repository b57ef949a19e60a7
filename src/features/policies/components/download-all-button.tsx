import { Suspense, lazy, useState } from 'react';
import { Icon } from '@/components/icon/icon';

// The dialog brings the YAML writer and the zip library: loaded when asked for, never with the catalog.
const DownloadAllDialog = lazy(() => import('./download-all-dialog').then((m) => ({ default: m.DownloadAllDialog })));

/** "Download all": every policy's latest version as a CLI file, in one zip, to seed a git repository. */
export function DownloadAllButton({ count, unreadable }: { count: number; unreadable: number }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState('');
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={count === 0}
        onClick={() => {
          setDone('');
          setOpen(true);
        }}
      >
        <Icon name="download" /> Download all
      </button>
      <span className="visually-hidden" role="status">
        {done}
      </span>
      {open && (
        <Suspense fallback={null}>
          <DownloadAllDialog
            count={count}
            unreadable={unreadable}
            onClose={(message) => {
              setOpen(false);
              if (message) setDone(message);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
