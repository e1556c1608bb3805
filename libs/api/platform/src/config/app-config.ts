import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
  ValidateBy,
} from 'class-validator';
import { isIP } from 'node:net';

const NAMED_PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** The entries of TRUSTED_PROXIES (comma-separated; empty: trust no proxy). */
export function trustedProxies(config: Pick<AppConfig, 'TRUSTED_PROXIES'>): string[] {
  return config.TRUSTED_PROXIES.split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** An IPv4 or IPv6 address, optionally with a /prefix of its family's length, or one of Express's named ranges. */
function isProxyEntry(entry: string): boolean {
  if (NAMED_PROXY_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const toBool = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : value === true || value === 'true' || value === '1';

/** The API's configuration, read from the environment and validated once at start-up (see .env.example). */
export class AppConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  @Transform(({ value }) => (value === undefined ? 3000 : Number(value)))
  PORT = 3000;

  /**
   * Connection of the application role (emis_app: owns nothing, subject to RLS), the only one requests use. The
   * schema owner's DATABASE_URL is the migrate step's, never the API's: validateConfig refuses it (docs/security/roles.md).
   */
  @IsString()
  DATABASE_APP_URL!: string;

  /** Connection of the job queue's role (emis_jobs: owns the pgboss schema and nothing else), for pg-boss. */
  @IsString()
  DATABASE_JOBS_URL!: string;

  /**
   * Connection the reports read through (the reporting context's own pool, application_name 'emis-reporting'),
   * e.g. a streaming read replica so province reports never compete with grade saves. Defaults to the application
   * role's connection. Report jobs and caches still write through the primary.
   */
  @IsOptional()
  @IsString()
  REPORTING_DATABASE_URL?: string;

  @IsString()
  @MinLength(32)
  JWT_SECRET!: string;

  /**
   * Signs the tenant scope the API hands to PostgreSQL (docs/adr/sealed-scope.md): the migrate step installs the same
   * secret in the owner-only table scope_key, and the database refuses any scope whose MAC it does not verify. At
   * least 32 bytes; never the same as JWT_SECRET in production (one leaked secret must not give both).
   */
  @IsString()
  @MinLength(32)
  SCOPE_KEY!: string;

  /** Encrypts TOTP secrets at rest; derived from JWT_SECRET when absent. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  MFA_ENCRYPTION_KEY?: string;

  @IsInt()
  @Min(60)
  @Transform(({ value }) => (value === undefined ? 900 : Number(value)))
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @IsInt()
  @Min(300)
  @Transform(({ value }) => (value === undefined ? 7 * 86400 : Number(value)))
  REFRESH_TOKEN_TTL_SECONDS = 7 * 86400;

  /**
   * The absolute lifetime of a session (hours after sign-in): refreshing never extends it, so a forgotten browser in
   * a staff room is signed out by the end of the working day (docs/domain/sign-in.md, "Sessions").
   */
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  @Transform(({ value }) => (value === undefined ? 12 : Number(value)))
  SESSION_ABSOLUTE_HOURS = 12;

  /**
   * How long a refresh token just used is accepted again from the same session (seconds): two tabs refreshing at
   * once must not sign the user out. Beyond it a second use is taken for a stolen token and ends the session.
   */
  @IsInt()
  @Min(0)
  @Max(300)
  @Transform(({ value }) => (value === undefined ? 30 : Number(value)))
  REFRESH_GRACE_SECONDS = 30;

  @IsBoolean()
  @Transform(toBool)
  COOKIE_SECURE = false;

  /** Login attempts allowed per client address and user name within AUTH_THROTTLE_TTL_MS. */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => (value === undefined ? 10 : Number(value)))
  AUTH_THROTTLE_LIMIT = 10;

  @IsInt()
  @Min(1000)
  @Transform(({ value }) => (value === undefined ? 60_000 : Number(value)))
  AUTH_THROTTLE_TTL_MS = 60_000;

  /**
   * Failed sign-ins of one user from one address before each further attempt waits 2^(n - this) seconds
   * (docs/domain/sign-in.md, "Failed sign-ins").
   */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => (value === undefined ? 3 : Number(value)))
  SIGN_IN_BACKOFF_AFTER = 3;

  /** The longest wait the backoff imposes. */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => (value === undefined ? 900 : Number(value)))
  SIGN_IN_BACKOFF_MAX_SECONDS = 900;

  /** Failed sign-ins of one user, from any address within SOFT_LOCK_WINDOW_HOURS, that soft-lock the account. */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => (value === undefined ? 10 : Number(value)))
  SOFT_LOCK_THRESHOLD = 10;

  @IsInt()
  @Min(1)
  @Transform(({ value }) => (value === undefined ? 24 : Number(value)))
  SOFT_LOCK_WINDOW_HOURS = 24;

  /** Failed sign-ins from one address, across user names, within ADDRESS_FAILURE_WINDOW_MINUTES (password spraying). */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => (value === undefined ? 30 : Number(value)))
  ADDRESS_FAILURE_LIMIT = 30;

  @IsInt()
  @Min(1)
  @Transform(({ value }) => (value === undefined ? 15 : Number(value)))
  ADDRESS_FAILURE_WINDOW_MINUTES = 15;

  @IsBoolean()
  @Transform(toBool)
  SEED_DEMO = false;

  /**
   * The address users open Emis at (https://emis.example.gov.vn), for links printed on paper: an asset label's QR
   * code. When absent, the origin the request came in on.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^/\s]+$/, {
    message: 'PUBLIC_ORIGIN is a scheme and host without a path, e.g. https://emis.example.gov.vn',
  })
  PUBLIC_ORIGIN?: string;

  /**
   * Where security alerts are POSTed as JSON (docs/security/coverage.md), e.g. a chat or incident-tool hook. Sent by a
   * pg-boss job with retries, so a slow or absent receiver never slows a request. Unset: alerts show in the app only.
   */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'SECURITY_WEBHOOK_URL is an http(s) URL' })
  SECURITY_WEBHOOK_URL?: string;

  /** Folder of the built web app (index.html); the API serves it on the same origin. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  /**
   * The reverse proxies whose X-Forwarded-For the API believes (addresses or CIDR ranges, comma-separated, or the
   * names loopback, linklocal, uniquelocal): the client address that sign-in throttling, the address ceiling and
   * the sessions list count by. Default loopback only — a proxy on the same host; a proxy elsewhere (Caddy in its
   * own container) is named here. Any other sender's X-Forwarded-For is ignored: it could claim any address
   * (docs/security/edge.md).
   */
  @ValidateBy({
    name: 'isProxyList',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && trustedProxies({ TRUSTED_PROXIES: value }).every(isProxyEntry),
      defaultMessage: () =>
        'TRUSTED_PROXIES is a comma-separated list of IP addresses, CIDR ranges, loopback, linklocal or uniquelocal',
    },
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : (value ?? 'loopback')))
  TRUSTED_PROXIES = 'loopback';

  /**
   * The slowest a client may be (docs/security/edge.md, "Slow senders"): all request headers within
   * HTTP_HEADERS_TIMEOUT_MS, the whole request with its body within HTTP_REQUEST_TIMEOUT_MS (a 10 MB workbook at
   * 1 Mbit/s takes 84 s), an idle kept-alive connection closed after HTTP_KEEP_ALIVE_TIMEOUT_MS. The reverse proxy
   * (deploy/Caddyfile) has the same header and body limits.
   */
  @IsInt()
  @Min(1000)
  @Max(120_000)
  @Transform(({ value }) => (value === undefined ? 10_000 : Number(value)))
  HTTP_HEADERS_TIMEOUT_MS = 10_000;

  @IsInt()
  @Min(1000)
  @Max(600_000)
  @Transform(({ value }) => (value === undefined ? 120_000 : Number(value)))
  HTTP_REQUEST_TIMEOUT_MS = 120_000;

  @IsInt()
  @Min(1000)
  @Max(600_000)
  @Transform(({ value }) => (value === undefined ? 75_000 : Number(value)))
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 75_000;

  /**
   * Who may read the API's description (/api/docs, /api/docs-json): 'signed-in' (the default: in production the
   * map of every operation is not handed to anyone who asks) or 'public' (development; npm start sets it).
   */
  @IsIn(['signed-in', 'public'])
  @Transform(({ value }) => value ?? 'signed-in')
  API_DOCS: 'signed-in' | 'public' = 'signed-in';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  @Transform(({ value }) => value ?? 'info')
  LOG_LEVEL = 'info';

  @IsInt()
  @Min(2)
  @Transform(({ value }) => (value === undefined ? 20 : Number(value)))
  DB_POOL_SIZE = 20;

  /**
   * How long a request waits for a pooled connection (or for a new one to open) before it is answered 503 with
   * Retry-After: a saturated pool or an unreachable server then fails fast instead of holding the request open.
   */
  @IsInt()
  @Min(100)
  @Max(60_000)
  @Transform(({ value }) => (value === undefined ? 3000 : Number(value)))
  DB_POOL_ACQUIRE_TIMEOUT_MS = 3000;

  /** Run the Excel-import worker in this process ('on'), or leave the queue to other instances ('off'). */
  @IsIn(['on', 'off'])
  @Transform(({ value }) => value ?? 'on')
  IMPORT_WORKER: 'on' | 'off' = 'on';

  /** Relay outbox events to pg-boss and run the event subscribers in this process ('on'), or leave both to other instances. */
  @IsIn(['on', 'off'])
  @Transform(({ value }) => value ?? 'on')
  EVENT_WORKER: 'on' | 'off' = 'on';

  /** How often the relay looks for committed events it has not handed to pg-boss yet. */
  @IsInt()
  @Min(100)
  @Max(60_000)
  @Transform(({ value }) => (value === undefined ? 1000 : Number(value)))
  EVENT_RELAY_INTERVAL_MS = 1000;

  /**
   * How long a shutdown waits for the jobs this process is running to end. A job still running then is marked failed
   * (pg-boss retries it on another instance) and this process stops waiting for it, so a job stuck on a lock or a
   * slow receiver never holds a deployment's restart, nor leaves pg-boss's loops running after the application closed.
   */
  @IsInt()
  @Min(1000)
  @Max(600_000)
  @Transform(({ value }) => (value === undefined ? 120_000 : Number(value)))
  JOB_SHUTDOWN_TIMEOUT_MS = 120_000;

  /**
   * The schema pg-boss keeps its queues in: 'pgboss', the one the migrate step installs and hands to emis_jobs
   * (docs/security/roles.md). Another name works only once prepareJobQueueSchema has installed it as the owner: the
   * integration tests give each Jest worker its own, so one spec file's application never runs another's jobs
   * (docs/testing.md, "One job queue per Jest worker").
   */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'JOB_QUEUE_SCHEMA is a lower-case PostgreSQL name, e.g. pgboss' })
  @Transform(({ value }) => value ?? 'pgboss')
  JOB_QUEUE_SCHEMA = 'pgboss';

  /**
   * How long the reporting refresh of a school waits after a change for more changes to fold in (pg-boss debounce per
   * school): a burst of grade saves costs one refresh, and a change shows in the reports within a few seconds.
   */
  @IsInt()
  @Min(1)
  @Max(60)
  @Transform(({ value }) => (value === undefined ? 1 : Number(value)))
  REPORTING_DEBOUNCE_SECONDS = 1;

  /**
   * How many schools' facts one API process refreshes at once. A refresh waits on PostgreSQL round trips more than on
   * the CPU, so two workers on two cores let a burst of saves in many schools show sooner (docs/benchmarks.md).
   */
  @IsInt()
  @Min(1)
  @Max(16)
  @Transform(({ value }) => (value === undefined ? 2 : Number(value)))
  REPORTING_REFRESH_WORKERS = 2;

  /**
   * The Ed25519 private key that signs the audit anchors (docs/security/anchor.md): a PEM, or the path of a PEM file.
   * It must live outside the database (the point of the anchors is that the database's owner cannot forge one).
   * Without it this process writes no anchors; it can still check them with ANCHOR_PUBLIC_KEY.
   */
  @IsOptional()
  @IsString()
  ANCHOR_SIGNING_KEY?: string;

  /** The public key the anchors are checked with (PEM or path); derived from ANCHOR_SIGNING_KEY when absent. */
  @IsOptional()
  @IsString()
  ANCHOR_PUBLIC_KEY?: string;

  /**
   * Folder of the anchor file (audit-anchors.jsonl), appended to and never rewritten; point it at off-host or
   * write-once storage. Required with either key: `npm start` uses a folder beside its data.
   */
  @ValidateIf((c: AppConfig) => !!c.ANCHOR_SIGNING_KEY || !!c.ANCHOR_PUBLIC_KEY)
  @IsString()
  ANCHOR_DIR?: string;

  /** Seconds between two anchors: how long a rewrite of the newest audit rows can go unseen (docs/security/anchor.md). */
  @IsInt()
  @Min(1)
  @Max(3600)
  @Transform(({ value }) => (value === undefined ? 60 : Number(value)))
  ANCHOR_INTERVAL_SECONDS = 60;
}

/**
 * The owner's connection in the API's environment is refused rather than ignored: a credential the process does not
 * use still sits in its environment, where anything that reads the process (an injected template, a dependency, a
 * core dump) finds it. The message says where it belongs instead.
 */
export const OWNER_URL_REFUSED =
  "DATABASE_URL is the schema owner's connection and the API does not take it: run the migrate step with it " +
  '(cli.js prepare, or the compose service `migrate`) and give the API DATABASE_APP_URL and DATABASE_JOBS_URL ' +
  '(docs/operations.md).';

export function validateConfig(env: Record<string, unknown>): AppConfig {
  if (env['DATABASE_URL']) throw new Error(`Invalid configuration:\n  ${OWNER_URL_REFUSED}`);
  const config = plainToInstance(AppConfig, env, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}

/** The application role's URL. */
export function appDatabaseUrl(config: AppConfig): string {
  return config.DATABASE_APP_URL;
}

/** The reports' read connection: REPORTING_DATABASE_URL, or the application role's own. */
export function reportingDatabaseUrl(config: AppConfig): string {
  return config.REPORTING_DATABASE_URL ?? appDatabaseUrl(config);
}
