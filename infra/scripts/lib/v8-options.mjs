// V8 options of the product's services beyond the heap limits, by service and by the machine's cores.
import { availableParallelism } from 'node:os';

/**
 * On two cores or fewer the report service marks its heap with one helper thread beside its own
 * (`--concurrent-marking-max-worker-num=1`) instead of one for each of V8's four workers.
 *
 * Each service runs in a session of its own (`detached`), which the kernel schedules as one group (autogroup), and its
 * threads share that group's part of the CPU. In the whole-city round on two cores, V8's helper threads marking the
 * report service's heap of about 100 MB took that share, and its main thread, which applies the forecast events and
 * sends the live roll-up, waited in the run queue for 33–64 ms of every 50 (`perf sched`, `schedstat`): the events of
 * those 200–400 ms waited with it, in three rounds of nine. With one helper the marking still runs beside the main
 * thread, and the exports' peak memory stayed where it was; marking on the main thread alone (`--single-threaded-gc`,
 * `--no-concurrent-marking`) also removed the wait but let the heap grow further, and raised that peak by 50–90 MB
 * (docs/performance.md). With more cores the helpers have cores of their own, and V8's default stays.
 *
 * @param {string} service a service's name (goals, budget, forecast, report)
 * @param {number} [cores] the cores the process may use
 * @returns {string[]}
 */
export function serviceV8Options(service, cores = availableParallelism()) {
  return service === 'report' && cores <= 2 ? ['--concurrent-marking-max-worker-num=1'] : [];
}
