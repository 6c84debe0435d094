import { responseSchemaFor } from '@sbiz24/shared/contract/responses';

/** An answer that does not match the shared contract: the server and the web have drifted apart. */
export class ContractDriftError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly problems: string[],
  ) {
    super(`${method} ${path}: the answer does not match the API contract (${problems.join('; ')})`);
    this.name = 'ContractDriftError';
  }
}

/**
 * Checks a success answer against the contract's schema for its route. Only development builds and the web
 * tests load this module (the client imports it behind `import.meta.env.DEV`), so production bundles carry
 * no schemas for it.
 */
export function checkAnswer(method: string, path: string, body: unknown): void {
  const schema = responseSchemaFor(method, path);
  if (!schema) return;
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ContractDriftError(
      method,
      path,
      result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`),
    );
  }
}
