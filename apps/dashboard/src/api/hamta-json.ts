import { anropaApi } from './anrop.js';
import { ApiFel, type Faltfel } from './api-fel.js';

export { ApiFel, type Faltfel };

/**
 * What the contracts' zod schemas offer, typed structurally so the dashboard needs no zod dependency of its own.
 */
export interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
}

/** GETs JSON from the API as the signed-in user and validates it with the contract's schema, so the screen only ever sees checked data. */
export async function hamtaJson<T>(url: string, schema: Schema<T>, signal?: AbortSignal): Promise<T> {
  let svar: Response;
  try {
    svar = await anropaApi(url, { headers: { Accept: 'application/json' }, signal: signal ?? null });
  } catch (fel) {
    if (signal?.aborted || fel instanceof ApiFel) throw fel;
    throw new ApiFel(0, 'Servern svarar inte', 'Kontrollera nätverket och försök igen.');
  }

  if (!svar.ok) {
    const problem = await lasProblem(svar);
    throw new ApiFel(svar.status, problem.title ?? `Servern svarade med status ${svar.status}`, problem.detail);
  }

  // A query the screen no longer wants (the user went to another page) is aborted, often while its body is on
  // the way: that is the caller's own abort, not an answer in the wrong format, so it leaves the console alone.
  const data: unknown = await svar.json().catch((fel: unknown) => {
    if (signal?.aborted) throw fel;
    return undefined;
  });
  const resultat = schema.safeParse(data);
  if (!resultat.success) {
    console.error(`Oväntat svar från ${url}`, resultat.error.issues);
    throw new ApiFel(svar.status, 'Servern skickade data i ett oväntat format', undefined);
  }
  return resultat.data;
}

/** Like {@link hamtaJson}, but null when the server answers 404: for things that may not have been made yet. */
export async function hamtaJsonOmFinns<T>(url: string, schema: Schema<T>, signal?: AbortSignal): Promise<T | null> {
  try {
    return await hamtaJson(url, schema, signal);
  } catch (fel) {
    if (fel instanceof ApiFel && fel.status === 404) return null;
    throw fel;
  }
}

/** An ApiFel from a failed response's problem+json body, already read; lenient like {@link lasProblem}. */
export function apiFelFranProblem(status: number, body: unknown): ApiFel {
  const { title, detail } = problemText(body);
  return new ApiFel(status, title ?? `Servern svarade med status ${status}`, detail, problemFaltfel(body));
}

/**
 * Reads title and detail from a problem+json body. Lenient on purpose: a gateway or proxy in between may answer
 * with only some of the members, and whatever it says is more use to the reader than a bare status code.
 */
async function lasProblem(svar: Response): Promise<{ title?: string; detail?: string }> {
  if (!(svar.headers.get('content-type') ?? '').includes('json')) return {};
  return problemText(await svar.json().catch(() => undefined));
}

function problemFaltfel(body: unknown): Faltfel[] {
  if (typeof body !== 'object' || body === null) return [];
  const { errors } = body as Record<string, unknown>;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((fel: unknown) => {
    if (typeof fel !== 'object' || fel === null) return [];
    const { field, message } = fel as Record<string, unknown>;
    return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
  });
}

function problemText(body: unknown): { title?: string; detail?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const { title, detail } = body as Record<string, unknown>;
  return {
    ...(typeof title === 'string' && title !== '' ? { title } : {}),
    ...(typeof detail === 'string' && detail !== '' ? { detail } : {}),
  };
}
