/** The operations module's own injection token: the `ServiceMetrics` behind `/metrics` and `COMMAND_METRICS`. */
export const SERVICE_METRICS = Symbol('kinerja.ServiceMetrics');
