import { parseArgs } from 'node:util';

import { SERVICE_NAMES } from '@tertial/contracts/services';

export const andringsloggHelp = `tertial andringslogg OBJEKTTYP ID [--json] [--url URL] [--token TOKEN]

The ändringslogg (audit trail) of one object from every service, oldest first: who changed what, when, before and after.
The ekonomidirektör's command.
  OBJEKTTYP ID   ansvar 16101 · omgang 2026-augusti · rapport <id> · namnd SN · projekt <id> ·
                 organisation <kod> · utfall 2026-08 · kontoplan kontogrupper
  --json         print the records as JSON (with the values before and after) instead of a table
  --url          where Tertial answers (default: TERTIAL_URL or http://localhost:8080)
  --token        the ekonomidirektör's access token (default: TERTIAL_TOKEN); locally:
                 TERTIAL_TOKEN=$(npx tertial token ekonomidirektor) npx tertial andringslogg ansvar 16101
Exit status: 0 listed, 1 a service refused or did not answer, 2 the command was used wrongly.`;

interface Post {
  tidpunkt: string;
  tjanst: string;
  anvandare: string;
  anvandarNamn: string;
  handling: string;
  fore: unknown;
  efter: unknown;
}

export async function andringslogg(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      url: { type: 'string', default: process.env.TERTIAL_URL ?? 'http://localhost:8080' },
      token: { type: 'string', default: process.env.TERTIAL_TOKEN },
    },
  });
  const [objektTyp, objektId] = positionals;
  if (!objektTyp || !objektId || positionals.length > 2) {
    console.error(andringsloggHelp);
    return 2;
  }
  if (!values.token) {
    console.error('Ingen åtkomsttoken: ange --token eller TERTIAL_TOKEN (lokalt: TERTIAL_TOKEN=$(npx tertial token ekonomidirektor)).');
    return 2;
  }
  const svar = await Promise.all(
    SERVICE_NAMES.map(async (tjanst) => {
      const url = new URL(`/api/${tjanst}/andringslogg`, values.url);
      url.searchParams.set('objektTyp', objektTyp);
      url.searchParams.set('objektId', objektId);
      const response = await fetch(url, { headers: { authorization: `Bearer ${values.token}` } });
      if (!response.ok)
        throw new Error(
          `${tjanst} svarade ${response.status}${response.status === 403 ? ' (bara ekonomidirektören ser ändringsloggen)' : response.status === 401 ? ' (token saknas, är ogiltig eller har gått ut)' : ''}`,
        );
      return (await response.json()) as Post[];
    }),
  );
  const poster = svar.flat().sort((a, b) => a.tidpunkt.localeCompare(b.tidpunkt));
  if (values.json) {
    console.log(JSON.stringify(poster, null, 2));
    return 0;
  }
  if (poster.length === 0) {
    console.log(`Ingen ändring finns registrerad för ${objektTyp} ${objektId}.`);
    return 0;
  }
  console.table(
    poster.map((post) => ({
      tidpunkt: post.tidpunkt,
      tjänst: post.tjanst,
      vem: `${post.anvandarNamn} (${post.anvandare})`,
      handling: post.handling,
    })),
  );
  return 0;
}
