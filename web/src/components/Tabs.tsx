import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';

export interface TabItem {
  key: string;
  label: ReactNode;
  content: ReactNode;
}

/** KRDS tabs with the ARIA tabs pattern: arrow keys, Home and End move between tabs. */
export function Tabs({
  items,
  active,
  onChange,
  label,
}: {
  items: TabItem[];
  active: string;
  onChange: (key: string) => void;
  label: string;
}) {
  const base = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = Math.max(
    0,
    items.findIndex((i) => i.key === active),
  );
  const onKey = (e: KeyboardEvent) => {
    let next = -1;
    if (e.key === 'ArrowRight') next = (index + 1) % items.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + items.length) % items.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    if (next < 0) return;
    e.preventDefault();
    onChange(items[next]!.key);
    refs.current[next]?.focus();
  };
  return (
    <div className="krds-tab-area">
      <div className="tab line">
        {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: KRDS tab markup is a list */}
        <ul role="tablist" aria-label={label}>
          {items.map((item, i) => (
            <li key={item.key} role="presentation" className={i === index ? 'active' : undefined}>
              <button
                ref={(el) => {
                  refs.current[i] = el;
                }}
                type="button"
                role="tab"
                id={`${base}-tab-${item.key}`}
                aria-selected={i === index}
                aria-controls={`${base}-panel-${item.key}`}
                tabIndex={i === index ? 0 : -1}
                className={`btn-tab${i === index ? ' active' : ''}`}
                onClick={() => onChange(item.key)}
                onKeyDown={onKey}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="tab-conts-wrap">
        {items.map((item, i) => (
          <div
            key={item.key}
            role="tabpanel"
            id={`${base}-panel-${item.key}`}
            aria-labelledby={`${base}-tab-${item.key}`}
            className={`tab-conts${i === index ? ' active' : ''}`}
            hidden={i !== index}
          >
            {i === index ? item.content : null}
          </div>
        ))}
      </div>
    </div>
  );
}
