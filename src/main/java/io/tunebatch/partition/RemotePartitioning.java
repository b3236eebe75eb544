package io.tunebatch.partition;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilder;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.SubscribableChannel;

/**
 * Builds the two halves of a remotely partitioned step; any stage with a {@link Partitioner} uses
 * it (the pii-scan step, the train step).
 * <ul>
 *   <li>The <b>manager</b> step splits the work, puts one request per partition on the JDBC
 *   channel and polls the job repository until every partition has finished. It is spring-batch-
 *   integration's {@link MessageChannelPartitionHandler} configured as
 *   {@code RemotePartitioningManagerStepBuilder} configures it (job repository polling, timeout),
 *   wrapped in a {@link DeadWorkerPartitionHandler}: the builder allows no wrapper, and without
 *   one a dead worker leaves its partition STARTED forever, which no restart accepts.</li>
 *   <li>The <b>worker</b> step is built with {@link RemotePartitioningWorkerStepBuilder}; it runs
 *   the requests a {@code worker} process takes from the channel, one at a time, and records which
 *   worker ran each partition ({@value WorkerIdentity#WORKER_KEY} in the partition's step context).</li>
 * </ul>
 */
public class RemotePartitioning {

    private final JobRepository jobRepository;
    private final QueueChannel requests;
    private final SubscribableChannel takenRequests;
    private final PartitioningProperties properties;
    private final BeanFactory beanFactory;

    RemotePartitioning(JobRepository jobRepository, QueueChannel requests, SubscribableChannel takenRequests,
                       PartitioningProperties properties, BeanFactory beanFactory) {
        this.jobRepository = jobRepository;
        this.requests = requests;
        this.takenRequests = takenRequests;
        this.properties = properties;
        this.beanFactory = beanFactory;
    }

    /**
     * The manager step {@code stepName}: its partitions run as {@code workerStepName} on the
     * workers, as step executions named {@code workerStepName:partitionN}. {@code summedKeys} are long counters of the partitions'
     * step contexts added up into the manager's, over the latest execution of every partition.
     */
    public Step managerStep(String stepName, String workerStepName, Partitioner partitioner, String... summedKeys) {
        PartitionStepBuilder builder = new StepBuilder(stepName, jobRepository)
                .partitioner(workerStepName, partitioner)
                .partitionHandler(partitionHandler(workerStepName))
                .gridSize(properties.gridSize());
        StepExecutionListener totals = new PartitionTotals(jobRepository, workerStepName, summedKeys);
        return builder.listener(totals).build();
    }

    /**
     * The manager's half alone, for a partitioned step that chooses per run where its partitions
     * run (training): requests for {@code workerStepName} go to the workers, and partitions whose
     * workers are presumed dead fail the step.
     */
    public PartitionHandler partitionHandler(String workerStepName) {
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setStepName(workerStepName);
        handler.setGridSize(properties.gridSize());
        MessagingTemplate template = new MessagingTemplate();
        template.setDefaultChannel(requests);
        handler.setMessagingOperations(template);
        handler.setJobRepository(jobRepository);
        handler.setPollInterval(properties.pollInterval().toMillis());
        handler.setTimeout(properties.timeout().toMillis());
        try {
            handler.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure the partition handler of " + workerStepName, e);
        }
        return new DeadWorkerPartitionHandler(handler, workerStepName, jobRepository, properties);
    }

    /**
     * A worker step builder receiving the partition requests this process takes (in a worker:
     * {@link RemotePartitioningConfiguration#partitionRequestTaker}); add the step's work to it.
     */
    public RemotePartitioningWorkerStepBuilder workerStep(String workerStepName) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beanFactory);
        return new RemotePartitioningWorkerStepBuilder(workerStepName, jobRepository)
                .inputChannel(takenRequests)
                .beanFactory(beanFactory)
                .stepLocator(new StalePartitionFilter(steps))
                .listener(new WorkerIdentity(properties.workerId(), jobRepository));
    }
}
