import { describe, expect, it } from 'vitest';
import { decidesIsolation, isolated } from './isolation';

describe('cross-origin isolation headers', () => {
  it('are added to a response the host sent without them, keeping its body, status and headers', async () => {
    const plain = new Response('<p>手控え</p>', {
      status: 200,
      headers: { 'content-type': 'text/html', etag: 'x' }
    });
    const out = isolated(plain);
    expect(out.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(out.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(out.headers.get('etag')).toBe('x');
    expect(out.status).toBe(200);
    expect(await out.text()).toBe('<p>手控え</p>');
    // Already isolated, or an error: left as it is.
    expect(isolated(out)).toBe(out);
    const error = Response.error();
    expect(isolated(error)).toBe(error);
  });

  it('are added where they decide isolation: pages and worker scripts, not the hub’s streams or other files', () => {
    for (const d of ['document', 'iframe', 'worker']) expect(decidesIsolation(d), d).toBe(true);
    for (const d of ['', 'script', 'style', 'font', 'image']) expect(decidesIsolation(d), d).toBe(false);
  });
});
