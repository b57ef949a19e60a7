import { useRef, useState, type DragEvent } from 'react';
import { Icon } from '@/components/icon/icon';
import { readDroppedItems, readInputFiles } from '../plan/read-dropped-items';
import type { SourceFile } from '../plan/source-file';

interface DropZoneProps {
  onFiles: (files: SourceFile[]) => void;
  disabled?: boolean;
  /** A plan is shown: the zone shrinks to a line. */
  compact?: boolean;
}

/** Where files come in: dropped (files or whole folders), or chosen with the browser's pickers. */
export function DropZone({ onFiles, disabled, compact }: DropZoneProps) {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    setReading(true);
    readDroppedItems(event.dataTransfer)
      .then(onFiles, () => onFiles([]))
      .finally(() => setReading(false));
  };

  return (
    <div
      className={`drop-zone${over ? ' drop-zone--over' : ''}${compact ? ' drop-zone--compact' : ''}`}
      role="region"
      aria-label="Policy files to plan"
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <Icon name="download" className="drop-zone__icon" />
      <p className="drop-zone__text">
        {reading
          ? 'Reading the folder…'
          : compact
            ? 'Drop other files or a folder to plan them instead.'
            : 'Drop policy files or a whole folder here (.yaml, .yml, .json, as the CLI reads them), with any .cases.yaml test cases beside them.'}
      </p>
      <div className="drop-zone__actions">
        <button type="button" className="button" disabled={disabled} onClick={() => filesInput.current?.click()}>
          Choose files
        </button>
        <button type="button" className="button" disabled={disabled} onClick={() => folderInput.current?.click()}>
          Choose a folder
        </button>
      </div>
      <input
        ref={filesInput}
        type="file"
        multiple
        accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
        hidden
        aria-label="Policy files"
        onChange={(event) => {
          onFiles(readInputFiles(event.target.files));
          event.target.value = '';
        }}
      />
      <input
        ref={folderInput}
        type="file"
        // A folder picker: every file under the chosen folder, with its path.
        {...{ webkitdirectory: '', directory: '' }}
        hidden
        aria-label="A folder of policy files"
        onChange={(event) => {
          onFiles(readInputFiles(event.target.files));
          event.target.value = '';
        }}
      />
    </div>
  );
}
