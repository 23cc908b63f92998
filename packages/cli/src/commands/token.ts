import { parseArgs } from 'node:util';

import { arLokalLeverantor, hamtaToken } from '@tertial/identity';

const STANDARD_ISSUER = 'http://localhost:8080/oidc';

export const tokenHelp = `tertial token ANVÄNDARE [--issuer URL]

Prints an access token for a demo user of the local demo provider (the one \`npm start\` runs), signed in the
way any client signs in: authorization code with PKCE. For scripts and curl against a local Tertial:
  TERTIAL_TOKEN=$(npx tertial token ekonomidirektor) npx tertial import-utfall FILE
  curl -H "Authorization: Bearer $(npx tertial token ekonomidirektor)" http://localhost:8080/api/report/prognos-totaler?ar=2026&tillfalle=augusti
ANVÄNDARE is a demo user's id: ekonomidirektor, kf-ledamot, processledare-sn, ekonom-sn, ekonom-von,
forvaltningschef-sn, avdelningschef-sn, or any chef of the demo city (e.g. mirela.lindberg).
  --issuer    the provider (default: TERTIAL_OIDC_ISSUER or ${STANDARD_ISSUER})
Only the local demo provider is asked: against the city's real provider, sign in in the browser instead.
Exit status: 0 printed, 1 the sign-in was refused, 2 the command was used wrongly or the issuer is not the
local demo provider.`;

export async function token(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { issuer: { type: 'string', default: process.env.TERTIAL_OIDC_ISSUER || STANDARD_ISSUER } },
  });
  const [anvandare] = positionals;
  if (!anvandare || positionals.length > 1) {
    console.error(tokenHelp);
    return 2;
  }
  if (!(await arLokalLeverantor(values.issuer))) {
    console.error(
      `${values.issuer} är inte Tertials lokala demoleverantör (dess discovery-dokument saknar tertial_demo_provider, eller så svarar den inte).\n` +
        'Token för demoanvändare finns bara i den lokala körningen (npm start). Mot stadens riktiga identitetsleverantör loggar du in i webbläsaren.',
    );
    return 2;
  }
  try {
    const { accessToken } = await hamtaToken({ issuer: values.issuer, anvandare });
    console.log(accessToken);
    return 0;
  } catch (error) {
    console.error(`Inloggningen som ${anvandare} nekades: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
