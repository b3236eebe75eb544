package io.tunebatch.partition;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where partitioned steps run ({@code tunebatch.partitioning.*}).
 *
 * @param mode                where this process's partitioned steps run: {@code local} (default: in this
 *                            process; pii-scan unpartitioned, training candidates in child JVMs) or
 *                            {@code remote} (partitions go to {@code worker} processes over the JDBC
 *                            channel); a job definition may choose per run for training
 * @param gridSize            how many partitions a remote pii-scan step is split into (training: one per candidate)
 * @param timeout             a manager step fails when its partitions have not all finished by then,
 *                            including the time a request waits for a free worker
 * @param heartbeatTimeout    a partition whose worker has committed nothing for this long is presumed
 *                            dead: the bound on how long a dead worker holds a long partition (training)
 * @param pollInterval        how often the manager reads the partitions' status from the job repository
 * @param workerPollInterval  how often an idle worker looks for a partition request
 * @param workerId            this worker's name in each partition it runs (default host:pid)
 */
@ConfigurationProperties("tunebatch.partitioning")
public record PartitioningProperties(
        @DefaultValue("local") Mode mode,
        @DefaultValue("4") int gridSize,
        @DefaultValue("2h") Duration timeout,
        @DefaultValue("10m") Duration heartbeatTimeout,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("1s") Duration workerPollInterval,
        String workerId) {

    public enum Mode { LOCAL, REMOTE }

    public PartitioningProperties {
        if (gridSize < 1) {
            throw new IllegalArgumentException("tunebatch.partitioning.grid-size must be at least 1, got " + gridSize);
        }
        workerId = workerId == null || workerId.isBlank() ? hostAndPid() : workerId;
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
