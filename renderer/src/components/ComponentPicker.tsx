// Choose components to watch: a tree of the vendor's groups (each with a checkbox for the whole group, and
// collapsible) and standalone components. Values are watchlist names ("Group/Component" or "Component").
import { useEffect, useRef, useState } from 'react';
import { componentPath, groupComponents } from '../component-groups';

export interface PickableComponent {
  id: string;
  name: string;
  group: string | null;
}

function GroupCheckbox({
  label,
  checked,
  mixed,
  onChange,
}: {
  label: string;
  checked: boolean;
  mixed: boolean;
  onChange(checked: boolean): void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = mixed;
  }, [mixed]);
  return (
    <label className="check check--group">
      <input ref={ref} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export function ComponentPicker({
  components,
  selected,
  onChange,
  idPrefix = 'pick',
}: {
  components: PickableComponent[];
  selected: ReadonlySet<string>;
  onChange(next: Set<string>): void;
  idPrefix?: string;
}) {
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});
  const groups = groupComponents(components);
  const set = (paths: string[], on: boolean): void => {
    const next = new Set(selected);
    for (const p of paths) {
      if (on) next.add(p);
      else next.delete(p);
    }
    onChange(next);
  };
  return (
    <ul className="picker" aria-label="Components">
      {groups.map((g, gi) => {
        if (g.group === null) {
          const c = g.items[0];
          if (!c) return null;
          const path = componentPath(c);
          return (
            <li key={`c-${c.id}`} className="picker__item">
              <label className="check">
                <input
                  type="checkbox"
                  checked={selected.has(path)}
                  onChange={(e) => set([path], e.target.checked)}
                />
                <span>{c.name}</span>
              </label>
            </li>
          );
        }
        const paths = g.items.map(componentPath);
        const count = paths.filter((p) => selected.has(p)).length;
        const open = !collapsed[g.group];
        const listId = `${idPrefix}-group-${gi}`;
        return (
          <li key={`g-${g.group}`} className="picker__group">
            <div className="picker__group-head">
              <button
                type="button"
                className="disclosure"
                aria-expanded={open}
                aria-controls={listId}
                onClick={() => setCollapsed((c) => ({ ...c, [g.group as string]: open }))}
              >
                <span className="visually-hidden">
                  {open ? 'Collapse' : 'Expand'} {g.group}
                </span>
                <span aria-hidden="true">{open ? '▾' : '▸'}</span>
              </button>
              <GroupCheckbox
                label={g.group}
                checked={count === paths.length && paths.length > 0}
                mixed={count > 0 && count < paths.length}
                onChange={(on) => set(paths, on)}
              />
              <span className="muted picker__count">
                {count} of {paths.length}
              </span>
            </div>
            {open ? (
              <ul id={listId} className="picker__children">
                {g.items.map((c) => {
                  const path = componentPath(c);
                  return (
                    <li key={c.id} className="picker__item">
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={selected.has(path)}
                          onChange={(e) => set([path], e.target.checked)}
                        />
                        <span>{c.name}</span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
