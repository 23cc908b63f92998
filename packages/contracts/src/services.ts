/** The four back-end services. Each owns its data and its slice of the HTTP API under `/api/<service>`. */
export const SERVICE_NAMES = ['goals', 'budget', 'forecast', 'report'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
