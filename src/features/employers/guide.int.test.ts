import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { parameter } from '../../domain/law/index.ts';
import { guideFigures } from './guide-views.tsx';
import { GUIDE_SECTIONS } from './paths.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

describe('the employer guide', () => {
  it('takes a small firm through every step, public, in German and English', async () => {
    for (const [url, fee, title] of [
      ['/de/arbeitgeber/leitfaden', 'Die Gebühr beträgt', 'Schritt für Schritt'],
      ['/en/employers/guide', 'The fee is', 'step by step'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.body, new RegExp(title));
      for (const s of GUIDE_SECTIONS) assert.match(res.body, new RegExp(`id="${s}"`), s);
      assert.match(res.body, new RegExp(`${fee} 411 €`));
      assert.doesNotMatch(res.body, /fee\.81a|blue-card|deadline\./, 'no parameter names');
    }
  });

  it('takes every figure from the law parameters in force on the day, with its source', () => {
    const may = guideFigures('2026-06-01');
    assert.equal(may['fee.81a']?.value, 411);
    assert.equal(
      may['blue-card.salary.general']?.value,
      parameter('blue-card.salary.general', '2026-06-01')?.value,
    );
    const earlier = guideFigures('2024-06-01');
    assert.notEqual(earlier['blue-card.salary.general']?.value, may['blue-card.salary.general']?.value);
    for (const f of Object.values(may)) assert.match(f.source.url, /^https:\/\//);
  });
});
