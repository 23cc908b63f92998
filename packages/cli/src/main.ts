import { andringslogg, andringsloggHelp } from './commands/andringslogg.js';
import { balanskrav, balanskravHelp, importBalanskrav, importBalanskravHelp } from './commands/balanskrav.js';
import { deadLetters, deadLettersHelp } from './commands/dead-letters.js';
import { exportReport, exportReportHelp } from './commands/export-report.js';
import { importKolada, importKoladaHelp } from './commands/import-kolada.js';
import { importUtfall, importUtfallHelp } from './commands/import-utfall.js';
import { rebuild, rebuildHelp } from './commands/rebuild.js';
import { token, tokenHelp } from './commands/token.js';

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; help: string }> = {
  andringslogg: { run: andringslogg, help: andringsloggHelp },
  balanskrav: { run: balanskrav, help: balanskravHelp },
  'dead-letters': { run: deadLetters, help: deadLettersHelp },
  'export-report': { run: exportReport, help: exportReportHelp },
  'import-balanskrav': { run: importBalanskrav, help: importBalanskravHelp },
  'import-kolada': { run: importKolada, help: importKoladaHelp },
  'import-utfall': { run: importUtfall, help: importUtfallHelp },
  rebuild: { run: rebuild, help: rebuildHelp },
  token: { run: token, help: tokenHelp },
};

const usage = `Användning: npx tertial <kommando> [flaggor]

Kommandon:
${Object.values(COMMANDS)
  .map((command) => `  ${command.help.split('\n')[0]}`)
  .join('\n')}

npx tertial <kommando> --help visar mer om ett kommando.`;

const [name, ...argv] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  console.error(name && name !== '--help' ? `Okänt kommando: ${name}\n\n${usage}` : usage);
  process.exit(name && name !== '--help' ? 2 : 0);
}
if (argv.includes('--help')) {
  console.log(command.help);
  process.exit(0);
}
try {
  process.exit(await command.run(argv));
} catch (error) {
  console.error(`tertial ${name}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
