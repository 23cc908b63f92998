// Which libraries the dashboard's JavaScript is made of: a build with source maps into a folder of its own,
// each output byte attributed to the source file it came from.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { SourceMapConsumer } from 'source-map-js';

import { run } from './process.mjs';

/** Packages reported on their own; everything else under node_modules is "other libraries". */
const LIBRARIES = { echarts: /node_modules\/(echarts|zrender)\//, react: /node_modules\/(react|react-dom|scheduler)\// };

/**
 * Builds the dashboard with source maps into `outDir` and returns, per output file name stem (`index`,
 * `prognos-totaler-sida`, … without the content hash), the minified bytes per group: our own code, each of
 * LIBRARIES, other libraries. The gzip size of each group is estimated from its share of the file's gzip size.
 */
export async function dashboardComposition(root, outDir) {
  await run('npx', ['vite', 'build', '--sourcemap', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: join(root, 'apps/dashboard'),
  });
  const assets = join(outDir, 'assets');
  const composition = {};
  for (const name of readdirSync(assets).filter((file) => file.endsWith('.js'))) {
    const code = readFileSync(join(assets, name), 'utf8');
    // The bundler's own runtime chunk comes without a source map: it is counted as our code.
    const mapFile = join(assets, `${name}.map`);
    const groups = existsSync(mapFile) ? attribute(code, JSON.parse(readFileSync(mapFile, 'utf8'))) : { own: Buffer.byteLength(code) };
    composition[stem(name)] = { bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code).length, groups };
  }
  return composition;
}

/** `index-B3x_9aQf.js` → `index`: the name a chunk keeps across builds. */
export function stem(fileName) {
  return fileName
    .replace(/^.*\//, '')
    .replace(/\.js$/, '')
    .replace(/-[\w-]{8}$/, '');
}

function groupOf(source) {
  if (!source || !source.includes('node_modules/')) return 'own';
  for (const [group, pattern] of Object.entries(LIBRARIES)) if (pattern.test(source)) return group;
  return 'other libraries';
}

/** Bytes of the generated code per group, from one mapping to the next (the unmapped rest counts as own). */
function attribute(code, map) {
  const lines = code.split('\n');
  const consumer = new SourceMapConsumer(map);
  const groups = {};
  const add = (group, bytes) => (groups[group] = (groups[group] ?? 0) + bytes);
  let previous;
  const close = (line, column) => {
    if (!previous) return;
    if (line === previous.line) add(previous.group, Buffer.byteLength(lines[line - 1].slice(previous.column, column)));
    else add(previous.group, Buffer.byteLength(lines[previous.line - 1].slice(previous.column)) + 1);
  };
  consumer.eachMapping(
    (mapping) => {
      close(mapping.generatedLine, mapping.generatedColumn);
      previous = { line: mapping.generatedLine, column: mapping.generatedColumn, group: groupOf(mapping.source) };
    },
    undefined,
    SourceMapConsumer.GENERATED_ORDER,
  );
  if (previous) close(previous.line + 1, 0);
  const counted = Object.values(groups).reduce((sum, bytes) => sum + bytes, 0);
  add('own', Math.max(0, Buffer.byteLength(code) - counted));
  return groups;
}
