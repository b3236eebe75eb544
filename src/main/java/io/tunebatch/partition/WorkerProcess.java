package io.tunebatch.partition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.dsl.context.IntegrationFlowContext.IntegrationFlowRegistration;
import org.springframework.integration.endpoint.PollingConsumer;
import org.springframework.stereotype.Component;

/**
 * The {@code worker} profile: once the application is up, start taking partition requests. The
 * request taker is not started with the context, so a manager process, which has the same beans,
 * never runs partitions itself. The process then lives until it is stopped (SIGTERM: the context
 * closes, the taker stops after the partition it is running).
 */
@Component
@Profile("worker")
class WorkerProcess {

    private static final Logger log = LoggerFactory.getLogger(WorkerProcess.class);

    private final PollingConsumer requestTaker;
    private final IntegrationFlowContext workerSteps;
    private final PartitioningProperties properties;

    WorkerProcess(@Qualifier("partitionRequestTaker") PollingConsumer requestTaker, IntegrationFlowContext workerSteps,
                  PartitioningProperties properties) {
        this.requestTaker = requestTaker;
        this.workerSteps = workerSteps;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startTakingPartitions() {
        // the worker steps' flows subscribe to the requests taken (Spring starts them with the context; this makes sure)
        workerSteps.getRegistry().values().forEach(IntegrationFlowRegistration::start);
        requestTaker.start();
        log.info("worker {}: taking partition requests for {} step(s), one at a time", properties.workerId(),
                workerSteps.getRegistry().size());
    }
}
