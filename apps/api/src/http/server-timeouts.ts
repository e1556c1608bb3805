import type { AppConfig } from '@emis/api/platform';
import type { Server } from 'node:http';

/**
 * Bounds how long a client may hold a connection without finishing its request (docs/security/edge.md, "Slow
 * senders"): Node's defaults let a sender trickling headers keep a socket for a minute, and one trickling a body for
 * five. Node checks the two deadlines on a timer, every 30 s by default — so a 10 s deadline could last 40 s; it is
 * checked every second here (a walk over the open connections, cheap next to a request).
 */
export function applyServerTimeouts(
  server: Server,
  config: Pick<AppConfig, 'HTTP_HEADERS_TIMEOUT_MS' | 'HTTP_REQUEST_TIMEOUT_MS' | 'HTTP_KEEP_ALIVE_TIMEOUT_MS'>,
): void {
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  // Node refuses a header deadline later than the whole request's.
  server.headersTimeout = Math.min(config.HTTP_HEADERS_TIMEOUT_MS, config.HTTP_REQUEST_TIMEOUT_MS);
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  // Read when the server starts listening (Node's setupConnectionsTracking): set before app.listen().
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(
    1000,
    server.headersTimeout,
  );
}
