// The one bridge from Dexie's liveQuery to runes: read live(() => query).current in a component.
import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';

export class Live<T> {
  #value: T | undefined = undefined;
  #error: unknown = null;
  #loaded = false;
  #subscribe: () => void;

  constructor(query: () => Promise<T> | T) {
    this.#subscribe = createSubscriber((update) => {
      const subscription = liveQuery(query).subscribe({
        next: (value) => {
          this.#value = value;
          this.#loaded = true;
          this.#error = null;
          update();
        },
        error: (error: unknown) => {
          this.#error = error;
          this.#loaded = true;
          update();
        }
      });
      return () => subscription.unsubscribe();
    });
  }

  get current(): T | undefined {
    this.#subscribe();
    return this.#value;
  }

  get loaded(): boolean {
    this.#subscribe();
    return this.#loaded;
  }

  get error(): unknown {
    this.#subscribe();
    return this.#error;
  }
}

export function live<T>(query: () => Promise<T> | T): Live<T> {
  return new Live(query);
}
