import { describe, expect, it } from 'vitest';
import { isolated } from './isolation';

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
});
