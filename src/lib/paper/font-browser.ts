// Fetches the print font (static/fonts, precached for offline use) when a PDF is first made, never at page load.
import { asset } from '$app/paths';
import { fail, ok, type Result } from '../result';

export async function loadFontBytes(fetcher: typeof fetch = fetch): Promise<Result<Uint8Array>> {
  try {
    const response = await fetcher(new URL(asset('/fonts/NotoSansJP-subset.ttf'), location.href));
    if (!response.ok)
      return fail({ key: 'paper.error.fontLoad', values: { detail: `HTTP ${response.status}` } });
    return ok(new Uint8Array(await response.arrayBuffer()));
  } catch (error) {
    return fail({
      key: 'paper.error.fontLoad',
      values: { detail: error instanceof Error ? error.message : String(error) }
    });
  }
}
