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
  validateSync,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : value === true || value === 'true' || value === '1';

/** The API's configuration, read from the environment and validated once at start-up (see .env.example). */
export class AppConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  @Transform(({ value }) => (value === undefined ? 3000 : Number(value)))
  PORT = 3000;

  /** Connection of the schema owner: runs migrations. */
  @IsString()
  DATABASE_URL!: string;

  /** Connection of the application role (owns nothing, subject to RLS). Derived from DATABASE_URL when absent. */
  @IsOptional()
  @IsString()
  DATABASE_APP_URL?: string;

  /**
   * Connection the reports read through (the reporting context's own pool, application_name 'emis-reporting'),
   * e.g. a streaming read replica so province reports never compete with grade saves. Defaults to the application
   * role's connection. Report jobs and caches still write through the primary.
   */
  @IsOptional()
  @IsString()
  REPORTING_DATABASE_URL?: string;

  /** Password given to the emis_app role when DATABASE_APP_URL is derived. */
  @IsOptional()
  @IsString()
  @MinLength(12)
  APP_DB_PASSWORD?: string;

  @IsString()
  @MinLength(32)
  JWT_SECRET!: string;

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

  /** Consecutive failed passwords that lock an account, and for how long. */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => (value === undefined ? 5 : Number(value)))
  LOCKOUT_THRESHOLD = 5;

  @IsInt()
  @Min(1)
  @Transform(({ value }) => (value === undefined ? 15 : Number(value)))
  LOCKOUT_MINUTES = 15;

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

  /** Folder of the built web app (index.html); the API serves it on the same origin. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

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
}

export function validateConfig(env: Record<string, unknown>): AppConfig {
  const config = plainToInstance(AppConfig, env, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}

/** The application role's URL: explicit, or the owner's URL with the emis_app role and its password. */
export function appDatabaseUrl(config: AppConfig): string {
  if (config.DATABASE_APP_URL) return config.DATABASE_APP_URL;
  if (!config.APP_DB_PASSWORD) throw new Error('Set DATABASE_APP_URL or APP_DB_PASSWORD');
  const url = new URL(config.DATABASE_URL);
  url.username = APP_ROLE;
  url.password = config.APP_DB_PASSWORD;
  return url.toString();
}

/** The reports' read connection: REPORTING_DATABASE_URL, or the application role's own. */
export function reportingDatabaseUrl(config: AppConfig): string {
  return config.REPORTING_DATABASE_URL ?? appDatabaseUrl(config);
}

/** The PostgreSQL role the API runs as: owns nothing, never bypasses row-level security. */
export const APP_ROLE = 'emis_app';
