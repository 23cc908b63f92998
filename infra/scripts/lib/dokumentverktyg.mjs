// The tools the tests check the exported reports with: veraPDF, the PDF/A validator, assembled from Maven Central
// like the Kafka broker (infra/verapdf/pom.xml), and LibreOffice from Debian's packages, which must open every
// PDF, XLSX and DOCX without a warning. Both are fetched once and reused; a missing one fails the run, never skips.
import { join } from 'node:path';

import { ensureJava, ensureLibs } from './kafka.mjs';
import { aptInstall, createLog, which } from './process.mjs';

const REPO_ROOT = new URL('../../..', import.meta.url).pathname;

/** veraPDF's jars in .tertial/verapdf/libs (run `java -cp <libs>/* org.verapdf.apps.GreenfieldCliWrapper`). */
export async function ensureVerapdf({ root = REPO_ROOT, log = createLog('verapdf') } = {}) {
  const home = join(root, '.tertial', 'verapdf');
  const paths = { root, pom: join(root, 'infra', 'verapdf', 'pom.xml'), libs: join(home, 'libs'), libsStamp: join(home, 'libs.stamp') };
  await ensureJava(log);
  await ensureLibs(paths, log, 'veraPDF');
  return paths.libs;
}

/** LibreOffice's `soffice`, installed from Debian's packages (Writer and Calc without a GUI) when missing. */
export async function ensureLibreoffice({ log = createLog('libreoffice') } = {}) {
  const found = which('soffice');
  if (found) return found;
  log("soffice is missing: installing Debian's LibreOffice Writer, Calc and Draw (Draw opens PDF) (a few minutes the first time)");
  await aptInstall(['libreoffice-writer-nogui', 'libreoffice-calc-nogui', 'libreoffice-draw-nogui', 'fonts-liberation'], { log });
  const installed = which('soffice');
  if (!installed) throw new Error('LibreOffice was installed but soffice is not on PATH');
  return installed;
}
