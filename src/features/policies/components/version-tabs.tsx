import { useRef, type KeyboardEvent } from 'react';

const VERSION_TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'json', label: 'JSON' },
  { id: 'yaml', label: 'YAML' },
] as const;
export type VersionTab = (typeof VERSION_TABS)[number]['id'];

export const isVersionTab = (value: string | null): value is VersionTab => VERSION_TABS.some((tab) => tab.id === value);

export const tabId = (tab: VersionTab) => `version-tab-${tab}`;
export const panelId = (tab: VersionTab) => `version-panel-${tab}`;

/** ARIA tabs: arrow keys move between them, the panel follows (the choice lives in the URL). */
export function VersionTabs({ current, onChange }: { current: VersionTab; onChange: (tab: VersionTab) => void }) {
  const refs = useRef<Partial<Record<VersionTab, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const index = VERSION_TABS.findIndex((tab) => tab.id === current);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % VERSION_TABS.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + VERSION_TABS.length) % VERSION_TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = VERSION_TABS.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    const tab = VERSION_TABS[next]!.id;
    onChange(tab);
    refs.current[tab]?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Show this version as" onKeyDown={onKeyDown}>
      {VERSION_TABS.map((tab) => (
        <button
          key={tab.id}
          ref={(element) => {
            refs.current[tab.id] = element;
          }}
          type="button"
          role="tab"
          id={tabId(tab.id)}
          aria-selected={tab.id === current}
          aria-controls={panelId(tab.id)}
          tabIndex={tab.id === current ? 0 : -1}
          className={tab.id === current ? 'tabs__tab tabs__tab--current' : 'tabs__tab'}
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
