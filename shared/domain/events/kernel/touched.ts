/**
 * Which parts of a state the reducers reached (issue #16: the cost of an
 * action does not grow with the history). A state is a record of sections;
 * a by-id section (`applications`, `persons`, …) is a record of items. The
 * materialised state steps new events through a tracking view of its state,
 * and whoever serves the state to a screen compares only what was reached
 * instead of every item of every section.
 *
 * Reaching is enough, writing is not needed: an item read through its section
 * counts as touched (a reducer that changes an item first reads it from its
 * section), so the set is a superset of what changed and is compared, not
 * trusted as changed. What bypasses the state (an index in the Working that
 * hands out item references) must reach the item through its section too, as
 * `findQuestion` does when it checks its index against the record.
 */

export interface Touched {
  /** Items reached through their by-id section, as `itemKey(section, id)`. */
  items: Set<string>;
  /** Sections reached whole (not by id, or replaced): compared whole. */
  sections: Set<string>;
  /** By-id sections whose ids changed (an item added or deleted). */
  ids: Set<string>;
}

export const itemKey = (section: string, id: string): string => `${section}\u0000${id}`;

export function newTouched(): Touched {
  return { items: new Set(), sections: new Set(), ids: new Set() };
}

/** Adds `from` to `into` (both sets of reached parts). */
export function addTouched(into: Touched, from: Touched): Touched {
  for (const k of from.items) into.items.add(k);
  for (const s of from.sections) into.sections.add(s);
  for (const s of from.ids) into.ids.add(s);
  return into;
}

/** Tracking views → the objects they stand for. */
const targets = new WeakMap<object, object>();

/** The object a tracking view stands for (itself when it is none): the key for caches that must be shared with untracked code. */
export function untracked<T>(value: T): T {
  return typeof value === 'object' && value !== null ? ((targets.get(value) as T | undefined) ?? value) : value;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A view of `state` that records in `sink()` what is reached through it.
 * Sections for which `byId` holds are tracked item by item; every other
 * section counts as touched when read. Values written through the view are
 * stored as the objects they stand for, so no view ever ends up in the state.
 */
export function tracking<S extends object>(state: S, byId: (section: string) => boolean, sink: () => Touched): S {
  const sectionViews = new Map<string, { of: object; view: object }>();

  function sectionView(section: string, value: Record<string, unknown>): object {
    const kept = sectionViews.get(section);
    if (kept?.of === value) return kept.view;
    const view = new Proxy(value, {
      get(t, id, receiver) {
        if (typeof id === 'string') sink().items.add(itemKey(section, id));
        return Reflect.get(t, id, receiver) as unknown;
      },
      set(t, id, v) {
        if (typeof id === 'string') {
          if (!Object.hasOwn(t, id)) sink().ids.add(section);
          sink().items.add(itemKey(section, id));
        }
        return Reflect.set(t, id, untracked(v));
      },
      deleteProperty(t, id) {
        if (typeof id === 'string' && Object.hasOwn(t, id)) {
          sink().ids.add(section);
          sink().items.add(itemKey(section, id));
        }
        return Reflect.deleteProperty(t, id);
      },
    });
    targets.set(view, value);
    sectionViews.set(section, { of: value, view });
    return view;
  }

  const root = new Proxy(state, {
    get(t, section, receiver) {
      const value = Reflect.get(t, section, receiver) as unknown;
      if (typeof section !== 'string') return value;
      if (byId(section) && isRecord(value)) return sectionView(section, value);
      sink().sections.add(section);
      return value;
    },
    set(t, section, v) {
      if (typeof section === 'string') {
        sink().sections.add(section);
        if (byId(section)) sink().ids.add(section);
      }
      return Reflect.set(t, section, untracked(v));
    },
    deleteProperty(t, section) {
      if (typeof section === 'string') {
        sink().sections.add(section);
        if (byId(section)) sink().ids.add(section);
      }
      return Reflect.deleteProperty(t, section);
    },
  });
  targets.set(root, state);
  return root;
}
