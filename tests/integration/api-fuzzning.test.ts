// Every operation of every service's OpenAPI document, fuzzed with schemathesis (infra/scripts/lib/schemathesis.mjs
// installs it) through the gateway, signed in as a demo user of each role: no 5xx, every 4xx a problem+json
// (tertial_checks.py), and no response that breaks its own documented schema or content type.
//
// It changes things: as the roles that may, it posts random valid forecasts, rounds, rules and imports into the demo
// city. So it runs last in the integration project (vitest.config.ts's sequencer), where no later test can see what
// it wrote; a stack of its own would cost the minutes the demo city takes to load.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROLLER, type Roll } from '@tertial/contracts/access';
import type { ServiceName } from '@tertial/contracts/services';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { ANVANDARE, token } from '../support/tokens.js';

const stack = inject('stack');
const SERVICES: ServiceName[] = ['goals', 'budget', 'forecast', 'report'];
const CHECKS = 'not_a_server_error,response_schema_conformance,content_type_conformance,problem_json_for_4xx';
/**
 * Examples per operation and role: several where the role may call it (the handler's validation and rules are the
 * target), one where the guard refuses it (the 403's problem is all there is to see). With the examples phase and
 * fuzzing only (the coverage phase's every boundary case would take several times the whole budget); the time the
 * seven runs take is in docs/development.md#fuzzing-every-api.
 */
const EXAMPLES_ALLOWED = 3;
const EXAMPLES_REFUSED = 1;
/** A fixed seed: a failure found once is found again on the next run, and the run takes the same time. */
const SEED = 20261202;

interface Operation {
  'x-tertial-atkomst'?: { offentlig?: boolean; roller?: Roll[] };
  operationId?: string;
}
type Document = { paths: Record<string, Record<string, Operation>> } & Record<string, unknown>;

const dir = mkdtempSync(join(tmpdir(), 'tertial-fuzz-'));
const schemaFile = join(dir, 'openapi.json');
let operations: { method: string; path: string; operation: Operation }[] = [];

beforeAll(async () => {
  // The four documents as one: their paths are disjoint (each under /api/<service>), and the gateway serves them all.
  const documents = await Promise.all(
    SERVICES.map(async (service) => {
      const response = await fetch(`${stack.services[service]}/api/${service}/openapi.json`);
      expect(response.status).toBe(200);
      return (await response.json()) as Document;
    }),
  );
  const merged: Document = { ...documents[0]!, info: { title: 'Tertial', version: '1' }, paths: {} };
  for (const document of documents) Object.assign(merged.paths, document.paths);
  writeFileSync(schemaFile, JSON.stringify(merged));
  operations = Object.entries(merged.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The run's config (schemathesis.toml): every operation, the examples for those the role may call, one for the
 * rest.
 */
function config(roll: Roll): string {
  const refused = operations.filter(
    ({ operation }) => !operation['x-tertial-atkomst']?.offentlig && !operation['x-tertial-atkomst']?.roller?.includes(roll),
  );
  const streams = operations.filter(({ path }) => path.endsWith('/stream'));
  const list = (ops: typeof operations) => `[${ops.map(({ operation }) => JSON.stringify(operation.operationId)).join(', ')}]`;
  return [
    `seed = ${SEED}`,
    'workers = 1',
    'request-timeout = 30',
    '[generation]',
    `max-examples = ${EXAMPLES_ALLOWED}`,
    '[phases.coverage]',
    'enabled = false',
    '[phases.stateful]',
    'enabled = false',
    // The first section an operation matches is its own: a stream the role may not open is refused at once.
    ...(refused.length
      ? ['[[operations]]', `include-operation-id = ${list(refused)}`, `generation.max-examples = ${EXAMPLES_REFUSED}`]
      : []),
    // A stream answers with its first event and then waits for changes: schemathesis reads one and closes it.
    ...(streams.length ? ['[[operations]]', `include-operation-id = ${list(streams)}`, 'max-stream-events = 1'] : []),
  ].join('\n');
}

interface Outcome {
  readonly code: number;
  readonly output: string;
  readonly tested: string[];
  readonly failed: { operation: string; message: string }[];
  readonly seconds: number;
}

async function schemathesis(roll: Roll): Promise<Outcome> {
  const st = process.env.TERTIAL_SCHEMATHESIS;
  if (!st) throw new Error('TERTIAL_SCHEMATHESIS saknas: kör testerna med `npm test`, som installerar schemathesis');
  const configFile = join(dir, `${roll}.toml`);
  const junit = join(dir, `${roll}.xml`);
  writeFileSync(configFile, config(roll));
  const started = Date.now();
  const args = ['--config-file', configFile, 'run', schemaFile, '--url', stack.gatewayUrl, '--checks', CHECKS];
  args.push('--header', `Authorization: Bearer ${await token(ANVANDARE[roll])}`, '--report', 'junit', '--report-junit-path', junit);
  const child = spawn(st, args, {
    env: { ...process.env, PYTHONPATH: join(import.meta.dirname, 'api-fuzzning'), SCHEMATHESIS_HOOKS: 'tertial_checks', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its cache of examples (.schemathesis/) goes with the run's files, not into the work tree.
    cwd: dir,
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number>((resolve) => child.on('close', (exit) => resolve(exit ?? 128)));
  const report = readFileSync(junit, 'utf8');
  const cases = [...report.matchAll(/<testcase name="([^"]+)"[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)];
  return {
    code,
    output,
    tested: cases.map((match) => unescape(match[1]!)),
    failed: cases
      .filter((match) => /<(failure|error)\b/.test(match[2] ?? ''))
      .map((match) => ({
        operation: unescape(match[1]!),
        message: unescape(/message="([^"]*)"/.exec(match[2]!)?.[1] ?? '').slice(0, 600),
      })),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}

function unescape(xml: string): string {
  return xml
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#10;/g, '\n')
    .replace(/&amp;/g, '&');
}

describe('every API, fuzzed with schemathesis as each role', () => {
  it.each(ROLLER)(
    'as %s: every operation answers without a 5xx, every 4xx is a problem+json, every answer keeps its schema',
    async (roll) => {
      const outcome = await schemathesis(roll);
      console.log(`schemathesis som ${roll}: ${outcome.tested.length} operationer på ${outcome.seconds} s`);
      // On a failure, schemathesis's own account of it: the request, the answer and what broke, before its summary.
      const fel = outcome.output.indexOf('FAILURES');
      expect(outcome.failed, fel >= 0 ? outcome.output.slice(fel, fel + 8000) : outcome.output.slice(-6000)).toEqual([]);
      expect(outcome.tested.sort()).toEqual(operations.map(({ method, path }) => `${method} ${path}`).sort());
      expect(outcome.code, outcome.output.slice(-6000)).toBe(0);
    },
    300_000,
  );
});
