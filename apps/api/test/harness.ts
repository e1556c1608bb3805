import { INestApplication } from '@nestjs/common';
import { AppConfig, validateConfig } from '@emis/api/platform';
import { OrgTreeService } from '@emis/api/tenancy';
import * as argon2 from 'argon2';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/create-app';
import { DEMO_PASSWORD } from '../src/seed/demo-province.data';
import { readTestEnv } from './test-env';
import { totp } from './totp';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  /** A connection as the schema owner, for arranging data and inspecting what the API wrote. */
  owner: DataSource;
  http: () => ReturnType<typeof request>;
  /** Signs in (answering the TOTP step for administrators) and returns the access token. */
  login: (username: string, password?: string) => Promise<string>;
  unitId: (code: string) => Promise<string>;
  close: () => Promise<void>;
}

/** The API exactly as production builds it (createApp), on the integration run's PostgreSQL. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const env = readTestEnv();
  const config = validateConfig({
    DATABASE_URL: env.ownerUrl,
    APP_DB_PASSWORD: env.appPassword,
    JWT_SECRET: env.jwtSecret,
    LOG_LEVEL: 'silent',
    DB_POOL_SIZE: '5',
    ...overrides,
  });
  const app = await createApp(config, { logger: false });
  await app.init();
  const owner = new DataSource({ type: 'postgres', url: config.DATABASE_URL, extra: { max: 3 } });
  await owner.initialize();
  const server = app.getHttpServer();
  const http = () => request(server);
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const res = await http().post('/api/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.status === 'ok') return res.body.accessToken as string;
    const verified = await http().post('/api/auth/mfa/verify').send({ mfaToken: res.body.mfaToken, code: totp() });
    if (verified.status !== 200)
      throw new Error(`mfa ${username}: ${verified.status} ${JSON.stringify(verified.body)}`);
    return verified.body.accessToken as string;
  };
  const unitId = async (code: string) => {
    const [row] = await owner.query(`select id from org_unit where code = $1`, [code]);
    if (!row) throw new Error(`no org unit ${code}`);
    return row.id as string;
  };
  return {
    app,
    config,
    owner,
    http,
    login,
    unitId,
    close: async () => {
      await owner.destroy();
      await app.close();
    },
  };
}

let counter = 0;
/** A fresh user, so tests that lock, throttle or enrol do not disturb each other. */
export async function createUser(
  t: TestApp,
  role: string,
  unitCode: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const username = `test.${role.toLowerCase()}.${process.pid}.${++counter}.${Date.now() % 100000}`;
  await t.owner.query(
    `insert into app_user (username, password_hash, full_name, role, org_unit_id) values ($1, $2, $3, $4, $5)`,
    [
      username,
      await argon2.hash(password, { type: argon2.argon2id }),
      'Người Dùng Thử',
      role,
      await t.unitId(unitCode),
    ],
  );
  return username;
}

/** A fresh school under `parentCode`, with a profile, known to the API's org tree at once. */
export async function createSchool(t: TestApp, parentCode: string): Promise<{ id: string; code: string }> {
  const code = `T-${process.pid}-${++counter}-${Date.now() % 100000}`.slice(0, 20);
  const [row] = await t.owner.query(
    `insert into org_unit (parent_id, kind, code, name, levels, ownership) values ($1, 'SCHOOL', $2, $3, '{LOWER_SECONDARY}', 'PUBLIC') returning id`,
    [await t.unitId(parentCode), code, `Trường THCS Thử ${code}`],
  );
  await t.owner.query(`insert into school_profile (school_id, address, updated_at) values ($1, 'Xã Thử', now())`, [
    row.id,
  ]);
  t.app.get(OrgTreeService).invalidate();
  return { id: row.id, code };
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}
