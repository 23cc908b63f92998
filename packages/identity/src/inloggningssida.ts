import { ROLLNAMN } from '@tertial/contracts/access';

import type { DemoAnvandare } from './demo-anvandare.js';

/** The characters HTML gives meaning to, escaped. */
export function html(text: string): string {
  return text.replace(/[&<>"']/g, (tecken) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[tecken]!);
}

// Same-origin styles only, inline (the gateway's CSP allows inline styles, not scripts): no script at all.
// Colours keep at least 4.5:1 against their background; the focus ring is 3 px and never removed.
const STIL = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1f; background: #f4f5f7; }
  body { margin: 0; }
  main { max-width: 44rem; margin: 2rem auto; padding: 1.5rem 2rem 2rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
  h1 { font-size: 1.6rem; margin: 0 0 0.5rem; }
  h2 { font-size: 1.15rem; margin: 1.75rem 0 0.75rem; }
  p { line-height: 1.5; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
  button { font: inherit; cursor: pointer; }
  .anvandare { width: 100%; text-align: left; padding: 0.75rem 1rem; border: 1px solid #5c6370; border-radius: 6px; background: #fff; color: #1b1b1f; }
  .anvandare:hover { background: #eef3fb; border-color: #0b4f99; }
  .namn { display: block; font-weight: 600; }
  .roll { display: block; color: #0b4f99; font-size: 0.95rem; }
  .beskrivning { display: block; color: #41464f; font-size: 0.95rem; }
  label { display: block; font-weight: 600; margin-bottom: 0.35rem; }
  .hjalp { color: #41464f; font-size: 0.95rem; margin: 0 0 0.5rem; }
  input { font: inherit; padding: 0.5rem 0.6rem; border: 1px solid #5c6370; border-radius: 6px; width: min(100%, 22rem); box-sizing: border-box; }
  .skicka { margin-left: 0.5rem; padding: 0.5rem 1rem; border: 1px solid #0b4f99; border-radius: 6px; background: #0b4f99; color: #fff; }
  .skicka:hover { background: #083b73; }
  :focus-visible { outline: 3px solid #0b4f99; outline-offset: 2px; }
  input:focus-visible { outline-offset: 0; }
  .fel { border-left: 4px solid #b3261e; background: #fdecea; color: #5f1410; padding: 0.75rem 1rem; margin: 1rem 0; }
  .demo { color: #41464f; font-size: 0.95rem; }
`;

/** A whole page in Tertial's look, in Swedish. */
export function sida(titel: string, innehall: string): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${html(titel)} – Tertial</title>
<link rel="icon" href="data:,">
<style>${STIL}</style>
</head>
<body>
<main>
${innehall}
</main>
</body>
</html>`;
}

export interface Inloggningsvy {
  readonly action: string;
  readonly anvandare: readonly DemoAnvandare[];
  readonly fel?: string;
  readonly angivetId?: string;
  /** A chef's id to show as an example in the text field's help. */
  readonly exempelId: string;
}

/**
 * The local provider's sign-in page: each listed demo user is a submit button of one form, and any other demo
 * user (every chef of the demo city) can be named in the text field.
 */
export function inloggningssida({ action, anvandare, fel, angivetId, exempelId }: Inloggningsvy): string {
  const knappar = anvandare
    .map(
      (person) => `<li><button class="anvandare" type="submit" name="anvandare" value="${html(person.id)}">
  <span class="namn">${html(person.namn)}</span>
  <span class="roll">${html(ROLLNAMN[person.roll])}</span>
  <span class="beskrivning">${html(person.beskrivning)}</span>
</button></li>`,
    )
    .join('\n');
  const felruta = fel ? `<div class="fel" role="alert" id="fel"><p>${html(fel)}</p></div>` : '';
  return sida(
    'Logga in',
    `<h1>Logga in i Tertial</h1>
<p class="demo">Det här är demoinloggningen för den lokala körningen: välj vem du vill vara. I en riktig driftsättning loggar du in hos stadens identitetsleverantör.</p>
${felruta}
<form method="post" action="${html(action)}">
<h2 id="utvalda">Demoanvändare</h2>
<ul aria-labelledby="utvalda">
${knappar}
</ul>
</form>
<form method="post" action="${html(action)}">
<h2>Annan demoanvändare</h2>
<label for="annan">Annan demoanvändare (användar-id)</label>
<p class="hjalp" id="annan-hjalp">Varje chef i demostaden kan logga in med sitt användar-id, till exempel <code>${html(exempelId)}</code>.</p>
<input id="annan" name="anvandare" type="text" autocomplete="off" spellcheck="false" required aria-describedby="annan-hjalp${fel ? ' fel' : ''}"${fel ? ' aria-invalid="true"' : ''} value="${html(angivetId ?? '')}">
<button class="skicka" type="submit">Logga in</button>
</form>`,
  );
}
