import { HttpException } from '@nestjs/common';
import type { Problem } from '@tertial/contracts/problem';
import type { z } from 'zod';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** An HTTP error answered as RFC 9457 problem details, naming the fields at fault. */
export class ProblemException extends HttpException {
  constructor(status: number, title: string, detail?: string, errors?: readonly FieldError[]) {
    const body: Problem = {
      type: `https://tertial.se/problem/${status}`,
      title,
      status,
      ...(detail ? { detail } : {}),
      ...(errors?.length ? { errors: [...errors] } : {}),
    };
    super(body, status);
  }
}

/** `rader.0.belopp` becomes `rader[0].belopp`, the way people and JSONPath-ish tools name a field. */
export function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(body)';
  return path.reduce<string>(
    (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)),
    '',
  );
}

/** Validates a request part with a contract schema; a failure is a 400 listing every bad field. */
export function parseRequest<TSchema extends z.ZodType>(schema: TSchema, value: unknown, what = 'Ogiltig begäran'): z.output<TSchema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message }));
  throw new ProblemException(400, what, errors.map((error) => `${error.field}: ${error.message}`).join('; '), errors);
}
