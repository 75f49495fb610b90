// Idle lock rules: how many minutes of no touch lock the screen, and whether that time has passed.

export const DEFAULT_IDLE_MINUTES = 5;
const MIN_IDLE_MINUTES = 1;
const MAX_IDLE_MINUTES = 60;

/** The setting as a usable number: whole minutes from 1 to 60; anything else means the default. */
export function idleMinutesOf(setting: unknown): number {
  if (typeof setting !== 'number' || !Number.isFinite(setting)) return DEFAULT_IDLE_MINUTES;
  return Math.min(MAX_IDLE_MINUTES, Math.max(MIN_IDLE_MINUTES, Math.round(setting)));
}

export function idleExpired(lastActivityMs: number, nowMs: number, minutes: number): boolean {
  return nowMs - lastActivityMs >= minutes * 60_000;
}

/** A wait in milliseconds as whole minutes and seconds, for "next try in 1 min 30 s". */
export function splitWait(ms: number): { m: number; s: number } {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return { m: Math.floor(total / 60), s: total % 60 };
}
