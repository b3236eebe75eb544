package io.tunebatch.partition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.dsl.context.IntegrationFlowContext.IntegrationFlowRegistration;
import org.springframework.stereotype.Component;

/**
 * The {@code worker} profile: once the application is up, start taking partition requests. The
 * worker step builders register their request flows without starting them, so a manager process,
 * which has the same beans, never runs partitions itself. The process then lives until it is
 * stopped (SIGTERM: the context closes, the poller stops after the partition it is running).
 * <p>
 * Each worker step (pii-scan, train) registers a flow on the same request channel, and every flow
 * runs whichever step a request names (its step locator looks the step up by that name). Only one
 * is started: a worker takes one request at a time, so a request waits for an idle worker instead
 * of doubling up on a busy one (two trainings on one GPU).
 */
@Component
@Profile("worker")
class WorkerProcess {

    private static final Logger log = LoggerFactory.getLogger(WorkerProcess.class);

    private final IntegrationFlowContext flows;
    private final PartitioningProperties properties;

    WorkerProcess(IntegrationFlowContext flows, PartitioningProperties properties) {
        this.flows = flows;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startTakingPartitions() {
        flows.getRegistry().values().stream().findFirst().ifPresent(IntegrationFlowRegistration::start);
        log.info("worker {}: taking partition requests for {} step(s), one at a time", properties.workerId(),
                flows.getRegistry().size());
    }
}
