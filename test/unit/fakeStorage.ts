/** A localStorage stand-in for unit tests, which run in node where there is none. */
import { afterEach, beforeEach } from "vitest";

/** What the stand-in holds, and the three calls the book makes on localStorage. */
export interface FakeStorage {
  items: Map<string, string>;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Puts a fresh stand-in in place of localStorage; past `quota` characters a write throws, as the browser's does. */
export function installFakeStorage(quota = Infinity): FakeStorage {
  const items = new Map<string, string>();
  const used = () => [...items].reduce((sum, [key, value]) => sum + key.length + value.length, 0);
  const storage: FakeStorage = {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      if (used() - (items.get(key)?.length ?? 0) + value.length + key.length > quota) throw new DOMException("full", "QuotaExceededError");
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
  };
  Object.assign(globalThis, { localStorage: storage });
  return storage;
}

/** Gives every test of the enclosing describe its own empty localStorage, and takes it away after. */
export function useFakeStorage(): () => FakeStorage {
  let storage: FakeStorage;
  beforeEach(() => void (storage = installFakeStorage()));
  afterEach(() => void Reflect.deleteProperty(globalThis, "localStorage"));
  return () => storage;
}
