import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type Config, parseConfig } from '../../src/platform/config.ts';
import { createApp } from '../../src/server.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

/** Test configuration: a fixed secret, no jobs, overrides on top. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig(
    {
      NODE_ENV: 'test',
      COOKIE_SECRET: 'test-secret-that-is-at-least-32-characters',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'silent',
      ...overrides,
    },
    '0.0.0-test',
  );
}

/** The whole app in-process (`app.inject`) on a fresh database. */
export async function buildTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  const app = await createApp({ config, database, logger: false });
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}

/** A CSRF token and the cookie that goes with it, as a browser would get them from a form. */
export async function csrfFor(app: FastifyInstance): Promise<{ token: string; cookie: string }> {
  const res = await app.inject({ method: 'GET', url: '/de/barrierefreiheit' });
  const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
  const cookie = cookieHeader(res);
  if (!token || !cookie) throw new Error('no CSRF token on the accessibility page');
  return { token, cookie };
}

/** The `Cookie` request header for the cookies a response set. */
export function cookieHeader(res: LightMyRequestResponse): string {
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
