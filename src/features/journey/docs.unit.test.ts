/**
 * docs/journey.md shows the state machine table and the roles per step kind; both are generated from the domain
 * (`src/domain/journey/table.ts`). This test fails when the code and the page drift apart.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { JOURNEY_PARAMETER_IDS } from '../../domain/journey/parameters.ts';
import { stateMachineTable, stepRolesTable } from '../../domain/journey/table.ts';

const page = readFileSync(new URL('../../../docs/journey.md', import.meta.url), 'utf8');

/** Table rows with the cell padding removed, so that aligned tables compare equal. */
function rows(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.trim().startsWith('|'))
    .map((line) =>
      line
        .trim()
        .split('|')
        .map((cell) => cell.trim().replace(/^-+$/, '---'))
        .join('|'),
    );
}

describe('docs/journey.md', () => {
  it('shows the state machine table exactly as decide behaves', () => {
    const documented = rows(page);
    for (const row of rows(stateMachineTable()))
      assert.ok(documented.includes(row), `missing or outdated: ${row}`);
  });

  it('shows the roles of every step kind as STEP_ROLES says', () => {
    const documented = rows(page);
    for (const row of rows(stepRolesTable()))
      assert.ok(documented.includes(row), `missing or outdated: ${row}`);
  });

  it('names every deadline parameter the journey uses', () => {
    for (const id of JOURNEY_PARAMETER_IDS.filter((i) => i.startsWith('deadline.')))
      assert.ok(page.includes(`\`${id}\``), `${id} not documented`);
  });
});
