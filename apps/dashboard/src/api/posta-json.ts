import { anropaApi } from './anrop.js';
import { ApiFel, apiFelFranProblem, type Schema } from './hamta-json.js';

/**
 * POSTs JSON to the API as the signed-in user and validates the answer with the contract's schema. A
 * problem+json answer becomes an ApiFel carrying the fields it names, so a form can show each message by its field.
 */
export async function postaJson<T>(
  url: string,
  body: unknown,
  schema: Schema<T>,
  { method = 'POST', headers = {} }: { method?: 'POST' | 'PUT'; headers?: Record<string, string> } = {},
): Promise<T> {
  let svar: Response;
  try {
    svar = await anropaApi(url, {
      method,
      headers: {
        accept: 'application/json, application/problem+json',
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (fel) {
    if (fel instanceof ApiFel) throw fel;
    throw new ApiFel(0, 'Servern svarar inte', 'Kontrollera nätverket och försök igen.');
  }
  const data: unknown = await svar.json().catch(() => undefined);
  if (!svar.ok) throw apiFelFranProblem(svar.status, data);
  const resultat = schema.safeParse(data);
  if (!resultat.success) {
    console.error(`Oväntat svar från ${url}`, resultat.error.issues);
    throw new ApiFel(svar.status, 'Servern skickade data i ett oväntat format', undefined);
  }
  return resultat.data;
}
