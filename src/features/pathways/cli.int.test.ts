import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PATHWAY_IDS } from '../../domain/law/index.ts';
import { buildProfile } from '../../domain/law/testing.ts';
import { pathwaysCli } from './cli.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pathways-cli-'));
});
after(() => rm(dir, { recursive: true, force: true }));

async function run(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await pathwaysCli(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}

async function profileFile(content: unknown): Promise<string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('chancenregion pathways evaluate', () => {
  it('prints a readable summary with the open ways first, criteria, numbers and next steps', async () => {
    const { code, stdout } = await run(['evaluate', await profileFile(buildProfile())]);
    assert.equal(code, 0);
    assert.match(stdout, /^Law as of 2026-03-01/);
    assert.ok(stdout.indexOf('Open (') < stdout.indexOf('To be clarified ('));
    assert.ok(stdout.indexOf('To be clarified (') < stdout.indexOf('Not open ('));
    assert.match(stdout, /✔ aufenthg-18g {2}EU Blue Card .*\(general\)/);
    assert.match(stdout, /blue-card-salary \[52000 \/ 50700\] – § 18g Abs\. 1 S\. 1 AufenthG/);
    assert.match(stdout, /→ Apply for the visa at the German mission\./);
    assert.match(stdout, /UNVERIFIED/);
  });

  it('prints the API JSON with --format json, every pathway id once', async () => {
    const { code, stdout } = await run(['evaluate', await profileFile(buildProfile()), '--format', 'json']);
    assert.equal(code, 0);
    const json = JSON.parse(stdout);
    assert.deepEqual(json.pathways.map((p: { id: string }) => p.id).sort(), [...PATHWAY_IDS].sort());
  });

  it('speaks German with --lang de and reads the profile from stdin with -', async () => {
    const { code, stdout } = await run(['evaluate', '-', '--lang', 'de'], JSON.stringify(buildProfile()));
    assert.equal(code, 0);
    assert.match(stdout, /^Rechtslage am 2026-03-01/);
    assert.match(stdout, /Blaue Karte EU/);
  });

  it('names each bad field and exits 65 for an invalid profile', async () => {
    const bad = buildProfile() as unknown as { date: string; job: { annualSalaryEur: number } };
    bad.date = '2026-02-30';
    bad.job.annualSalaryEur = -1;
    const { code, stderr } = await run(['evaluate', await profileFile(bad)]);
    assert.equal(code, 65);
    assert.match(stderr, /profile\.date: must be a calendar date/);
    assert.match(stderr, /profile\.job\.annualSalaryEur: must not be negative/);
  });

  it('exits 65 for a file that is not JSON, 66 for a missing file, 64 for wrong usage', async () => {
    assert.equal((await run(['evaluate', await profileFile('{not json')])).code, 65);
    assert.equal((await run(['evaluate', path.join(dir, 'missing.json')])).code, 66);
    assert.equal((await run(['evaluate'])).code, 64);
    assert.equal((await run(['explain', 'x.json'])).code, 64);
    assert.equal((await run(['evaluate', 'x.json', '--format', 'xml'])).code, 64);
  });
});
