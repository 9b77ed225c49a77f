package org.servicedesk.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop load: {@code clients} threads, each calling one operation after the other until the
 * time is up (an operation started before stays to its end). Each operation returns whether it
 * succeeded; its latency is recorded either way.
 */
final class Load {

    interface Operation {
        /** One call; {@code client} and {@code sequence} make its data unique. */
        boolean run(int client, int sequence) throws Exception;
    }

    record Result(int ok, int failed, double seconds, long[] sortedNanos, List<String> errors) {

        double perSecond() {
            return ok / seconds;
        }

        double percentileMillis(double p) {
            return percentile(sortedNanos, p) / 1e6;
        }
    }

    private Load() {
    }

    static Result run(int clients, double seconds, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long began = System.nanoTime();
        long end = began + (long) (seconds * 1e9);
        List<Future<Object[]>> runs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            runs.add(pool.submit(() -> {
                List<Long> nanos = new ArrayList<>();
                List<String> errors = new ArrayList<>();
                int ok = 0;
                int sequence = 0;
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    boolean succeeded;
                    try {
                        succeeded = operation.run(client, sequence++);
                    } catch (Exception e) {
                        succeeded = false;
                        if (errors.size() < 5) {
                            errors.add(e.toString());
                        }
                    }
                    nanos.add(System.nanoTime() - t);
                    if (succeeded) {
                        ok++;
                    } else if (errors.size() < 5) {
                        errors.add("failed");
                    }
                }
                return new Object[] { ok, nanos, errors };
            }));
        }
        int ok = 0;
        int all = 0;
        List<Long> nanos = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Future<Object[]> run : runs) {
            Object[] r = run.get();
            ok += (Integer) r[0];
            @SuppressWarnings("unchecked")
            List<Long> n = (List<Long>) r[1];
            nanos.addAll(n);
            all += n.size();
            @SuppressWarnings("unchecked")
            List<String> e = (List<String>) r[2];
            errors.addAll(e);
        }
        double took = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        return new Result(ok, all - ok, took, nanos.stream().mapToLong(Long::longValue).sorted().toArray(),
                errors.subList(0, Math.min(5, errors.size())));
    }

    /** The value below which {@code p} % of the sorted values lie (nearest rank); 0 when there are none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
