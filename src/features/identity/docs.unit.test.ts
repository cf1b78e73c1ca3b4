import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { policyMarkdown } from '../../domain/access/policy.ts';

describe('identity documentation', () => {
  it('shows the policy table exactly as the code defines it', () => {
    const doc = readFileSync(new URL('../../../docs/identity.md', import.meta.url), 'utf8');
    const embedded = /<!-- policy:start -->\n([\s\S]*?)\n<!-- policy:end -->/.exec(doc)?.[1];
    assert.equal(embedded, policyMarkdown(), 'run: npx tsx src/features/identity/write-policy-docs.ts');
  });
});
