// Rewrites the policy table in docs/identity.md from src/domain/access/policy.ts:
//   npx tsx src/features/identity/write-policy-docs.ts
// (docs.unit.test.ts fails until the two agree.)
import { readFileSync, writeFileSync } from 'node:fs';
import { policyMarkdown } from '../../domain/access/policy.ts';

const file = new URL('../../../docs/identity.md', import.meta.url);
const doc = readFileSync(file, 'utf8');
writeFileSync(
  file,
  doc.replace(
    /<!-- policy:start -->[\s\S]*<!-- policy:end -->/,
    `<!-- policy:start -->\n${policyMarkdown()}\n<!-- policy:end -->`,
  ),
);
