// fflate as write-excel-file sees it (vite.config.ts fflateWithoutWorkers): zip() compresses on the page instead of in Web Workers.
//
// fflate's zip() deflates each file over 160 kB in a Worker made from a blob: URL. The app's CSP allows
// workers from its own origin only (worker-src 'self'), so the browser refuses that worker, fflate hears
// nothing back and the .xlsx of a busy day would never be written. zipSync() does the same work on the
// page, as the CSV export does; the callback still comes after zip() returns, as fflate's does.
import {
  zipSync,
  type AsyncTerminable,
  type AsyncZipOptions,
  type AsyncZippable,
  type FlateCallback,
  type FlateError,
  type Zippable
} from 'fflate';

export * from 'fflate';

export function zip(data: AsyncZippable, opts: AsyncZipOptions, cb: FlateCallback): AsyncTerminable;
export function zip(data: AsyncZippable, cb: FlateCallback): AsyncTerminable;
export function zip(
  data: AsyncZippable,
  optsOrCb: AsyncZipOptions | FlateCallback,
  maybeCb?: FlateCallback
): AsyncTerminable {
  const cb = typeof optsOrCb === 'function' ? optsOrCb : maybeCb!;
  const opts = typeof optsOrCb === 'function' ? {} : optsOrCb;
  let cancelled = false;
  queueMicrotask(() => {
    if (cancelled) return;
    let archive: Uint8Array<ArrayBuffer>;
    try {
      // The same shapes: an async file's options are the sync ones plus a `consume` flag zipSync ignores.
      archive = zipSync(data as Zippable, opts);
    } catch (e) {
      cb(e as FlateError, null as unknown as Uint8Array<ArrayBuffer>);
      return;
    }
    cb(null, archive);
  });
  return () => {
    cancelled = true;
  };
}
