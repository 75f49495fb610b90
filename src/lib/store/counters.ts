// Per-device sequences (queue numbers, deposit serials): incremented inside the caller's transaction, never reused.
import { table } from './db';

interface CounterRow {
  key: string;
  value: number;
}

/** Next value of a counter. Call inside a transaction that includes 'counters' so the number and the record commit together. */
export async function nextCounter(key: string): Promise<number> {
  const counters = table<CounterRow>('counters');
  const row = await counters.get(key);
  const value = (row?.value ?? 0) + 1;
  await counters.put({ key, value });
  return value;
}

/** Make sure a counter is at least `value` (after importing records numbered elsewhere on this label). */
export async function raiseCounter(key: string, value: number): Promise<void> {
  const counters = table<CounterRow>('counters');
  const row = await counters.get(key);
  if ((row?.value ?? 0) < value) await counters.put({ key, value });
}
