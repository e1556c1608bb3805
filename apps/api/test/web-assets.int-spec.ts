import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { startTestApp, TestApp } from './harness';

/** A bundle large enough to be worth compressing (the compression middleware leaves answers under 1 kB alone). */
const BUNDLE = `console.log(${JSON.stringify('Sổ điểm — học kì I. '.repeat(400))});`;

/**
 * The web app's files as the API serves them when no reverse proxy is in front (docs/operations.md, "Serving the
 * web app"): hashed bundles kept for a year, the shell revalidated, both compressed for a browser that accepts it.
 */
describe('the web app files the API serves', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'emis-web-assets-'));
  let listening: Server | undefined;

  /** The bytes as they travel (supertest would unzip them): on the app's own server, on a loopback port. */
  async function rawGet(path: string, encoding: string): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
    listening ??= await new Promise<Server>((resolve) => {
      const server = (t.app.getHttpServer() as Server).listen(0, '127.0.0.1', () => resolve(server));
    });
    const { port } = listening.address() as AddressInfo;
    return new Promise((resolve, reject) =>
      get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject),
    );
  }

  beforeAll(async () => {
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="vi"><body>${'<p>Emis</p>'.repeat(200)}</body></html>`,
    );
    writeFileSync(join(dir, 'main-AB12CD34.js'), BUNDLE);
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    mkdirSync(join(dir, 'media'));
    writeFileSync(join(dir, 'media', 'roboto-latin-400-normal-X7Y8Z9W0.woff2'), 'font');
    t = await startTestApp({ WEB_DIST_DIR: dir });
  });
  afterAll(async () => {
    await new Promise((resolve) => (listening ? listening.close(resolve) : resolve(undefined)));
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps hashed bundles for a year (immutable) and revalidates the shell and unhashed files', async () => {
    const bundle = await t.http().get('/main-AB12CD34.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const font = await t.http().get('/media/roboto-latin-400-normal-X7Y8Z9W0.woff2');
    expect(font.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/hoc-sinh/danh-sach']) {
      const shell = await t.http().get(path);
      expect({ path, cache: shell.headers['cache-control'] }).toEqual({ path, cache: 'no-cache' });
    }
    expect((await t.http().get('/favicon.svg')).headers['cache-control']).not.toContain('immutable');
  });

  it('compresses the bundle and the shell with gzip for a browser that accepts it, and not for one that does not', async () => {
    const gz = await rawGet('/main-AB12CD34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toMatch(/Accept-Encoding/i);
    const raw = gz.body;
    expect(raw.length).toBeLessThan(Buffer.byteLength(BUNDLE) / 4);
    expect(gunzipSync(raw).toString('utf8')).toBe(BUNDLE);

    const shell = await t.http().get('/hoc-sinh/danh-sach').set('Accept-Encoding', 'gzip');
    expect(shell.headers['content-encoding']).toBe('gzip');

    const plain = await t.http().get('/main-AB12CD34.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(BUNDLE);
  });

  it('leaves /api answers uncompressed and uncached', async () => {
    const health = await t.http().get('/api/health').set('Accept-Encoding', 'gzip');
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.headers['cache-control']).toMatch(/no-store/);
  });
});
