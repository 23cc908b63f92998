// V8 options of the product's services beyond the heap limit, by service and by the machine's cores.
import { availableParallelism } from 'node:os';

/**
 * On two cores or fewer the report service collects its garbage on its own thread (`--single-threaded-gc`).
 *
 * Each service runs in its own session (`detached`), so the kernel schedules it as one group (autogroup), and its
 * threads share that group's part of the CPU. In the whole-city round on two cores, V8's helper threads marked the
 * report service's heap of about 100 MB concurrently (some 110 ms of CPU) while its main thread, which applies the
 * forecast events and sends the live roll-up, waited in the run queue for 33–64 ms of every 50 (`perf sched`,
 * `/proc/<pid>/task/<tid>/schedstat`): the events of those 200–400 ms waited for it, and the round's p95 went from
 * about 230 to 300–560 ms. Marking on its own thread, in small steps between the events, costs it no more CPU and
 * keeps it from waiting on its own helpers. With more cores the helpers have cores of their own, and the default stays.
 *
 * @param {string} service a service's name (goals, budget, forecast, report)
 * @param {number} [cores] the cores the process may use
 * @returns {string[]}
 */
export function serviceV8Options(service, cores = availableParallelism()) {
  return service === 'report' && cores <= 2 ? ['--single-threaded-gc'] : [];
}
