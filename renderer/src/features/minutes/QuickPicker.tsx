import { Input, Typography } from 'antd';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface QuickPickerProps<T> {
  /** The popup's accessible name, also shown as its heading. */
  title: string;
  placeholder: string;
  /** What matches the query, best first. */
  filter: (query: string) => T[];
  itemKey: (item: T) => string;
  renderItem: (item: T, active: boolean) => ReactNode;
  empty: string;
  hint: string;
  onPick: (item: T) => void;
  onClose: () => void;
}

/**
 * A small keyboard popup above the composer: type to filter, ↓/↑ to choose,
 * Enter to take, Esc to go back to the text. Used for the speaker search and
 * the phrase palette.
 */
export function QuickPicker<T>({ title, placeholder, filter, itemKey, renderItem, empty, hint, onPick, onClose }: QuickPickerProps<T>) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const composing = useRef(false);
  const listRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const items = useMemo(() => filter(query), [filter, query]);
  const current = Math.min(active, Math.max(0, items.length - 1));

  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current, items]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing || composing.current || event.keyCode === 229) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (items.length > 0) setActive((current + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = items[current];
      if (item !== undefined) onPick(item);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose();
    }
  }

  return (
    <div
      className="minutes-picker"
      role="dialog"
      aria-label={title}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onClose();
      }}
    >
      <Typography.Text strong className="minutes-picker-title">
        {title}
      </Typography.Text>
      <Input
        autoFocus
        size="small"
        value={query}
        placeholder={placeholder}
        aria-label={placeholder}
        aria-controls={listId}
        aria-activedescendant={items.length > 0 ? `${listId}-${current}` : undefined}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={() => (composing.current = false)}
        onKeyDown={onKeyDown}
      />
      <div ref={listRef} id={listId} role="listbox" aria-label={title} className="minutes-picker-list">
        {items.length === 0 ? (
          <Typography.Text type="secondary" className="minutes-picker-empty">
            {empty}
          </Typography.Text>
        ) : (
          items.map((item, index) => (
            <div
              key={itemKey(item)}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === current}
              className={index === current ? 'minutes-picker-option minutes-picker-option-active' : 'minutes-picker-option'}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => onPick(item)}
            >
              {renderItem(item, index === current)}
            </div>
          ))
        )}
      </div>
      <Typography.Text type="secondary" className="minutes-picker-hint">
        {hint}
      </Typography.Text>
    </div>
  );
}
