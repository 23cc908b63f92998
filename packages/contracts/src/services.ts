/** The four back-end services. Each owns its data and its slice of the HTTP API under `/api/<service>`. */
export const SERVICE_NAMES = ['goals', 'budget', 'forecast', 'report'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Where the services' ports start in the local run: goals 3101, budget 3102, forecast 3103, report 3104. */
export const SERVICE_PORT_BASE = 3100;

const PORT_OFFSETS: Readonly<Record<ServiceName, number>> = { goals: 1, budget: 2, forecast: 3, report: 4 };

/**
 * The HTTP port of each service: `base` plus its place in the list (goals 1 … report 4). The local run, the
 * services' own default (PORT), the gateway's default URLs and the tests (another base) all take it from here.
 */
export function servicePorts(base: number = SERVICE_PORT_BASE): Record<ServiceName, number> {
  return Object.fromEntries(SERVICE_NAMES.map((name) => [name, base + PORT_OFFSETS[name]])) as Record<ServiceName, number>;
}
