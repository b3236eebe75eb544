package io.tunebatch.partition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;

/**
 * While a manager step waits, watches its running partitions for signs of life: every commit of a
 * worker bumps its partition's version. A partition whose version has not moved for the heartbeat
 * timeout, by this process's clock (so workers' clocks do not matter), is failed as presumed dead.
 * A training partition commits every poll of its child process, a pii-scan partition every chunk,
 * so silence means a dead worker long before the overall timeout could tell.
 */
final class SilentPartitionWatch {

    private static final Logger log = LoggerFactory.getLogger(SilentPartitionWatch.class);

    private final DeadWorkerPartitionHandler partitions;
    private final StepExecution manager;
    private final Duration heartbeatTimeout;
    private final ScheduledExecutorService timer;
    private final Map<Long, LastSign> lastSigns = new HashMap<>();
    private final List<String> silenced = new CopyOnWriteArrayList<>();

    private record LastSign(int version, long atNanos) {
    }

    private SilentPartitionWatch(DeadWorkerPartitionHandler partitions, StepExecution manager, Duration heartbeatTimeout) {
        this.partitions = partitions;
        this.manager = manager;
        this.heartbeatTimeout = heartbeatTimeout;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "partition-watch-" + manager.getStepName());
            thread.setDaemon(true);
            return thread;
        });
    }

    static SilentPartitionWatch start(DeadWorkerPartitionHandler partitions, StepExecution manager,
                                      PartitioningProperties properties) {
        SilentPartitionWatch watch = new SilentPartitionWatch(partitions, manager, properties.heartbeatTimeout());
        long every = properties.pollInterval().toMillis();
        watch.timer.scheduleWithFixedDelay(watch::check, every, every, TimeUnit.MILLISECONDS);
        return watch;
    }

    /** How the partitions failed for silence are named, in the order they were failed. */
    List<String> silenced() {
        return silenced;
    }

    void stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void check() {
        try {
            long now = System.nanoTime();
            for (StepExecution partition : partitions.partitions(manager)) {
                // STARTING: still waiting for a worker, which only the overall timeout bounds
                if (partition.getStatus() != BatchStatus.STARTED) {
                    continue;
                }
                LastSign last = lastSigns.get(partition.getId());
                if (last == null || last.version() != partition.getVersion()) {
                    lastSigns.put(partition.getId(), new LastSign(partition.getVersion(), now));
                } else if (Duration.ofNanos(now - last.atNanos()).compareTo(heartbeatTimeout) >= 0) {
                    silenced.add(partitions.fail(partition, "no commit for " + heartbeatTimeout));
                }
            }
        } catch (RuntimeException e) {
            // a worker committing while we fail its partition wins the version race: look again next time
            log.warn("watching the partitions of {}: {}", manager.getStepName(), e.toString());
        }
    }
}
