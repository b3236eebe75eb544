package io.tunebatch.partition;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.endpoint.PollingConsumer;
import org.springframework.integration.handler.BridgeHandler;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.ChannelMessageStoreQueryProvider;
import org.springframework.integration.jdbc.store.channel.H2ChannelMessageStoreQueryProvider;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.support.PeriodicTrigger;

/**
 * The channel partition requests travel on: a Spring Integration queue kept in the database
 * ({@code INT_CHANNEL_MESSAGE}, migration V40), so managers and workers need nothing but the
 * database they already share. A request is taken by exactly one worker: polling deletes the row
 * and only the poller whose delete succeeded gets the message. Only active in remote mode (the
 * {@code worker} profile switches it on), so plain CLI commands start no Spring Integration; and
 * in remote mode only worker processes take requests ({@link #partitionRequestTaker}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tunebatch.partitioning.mode", havingValue = "remote")
@EnableIntegration
public class RemotePartitioningConfiguration {

    /** The message group (queue) name of partition requests in the channel message store. */
    public static final String REQUESTS_GROUP = "tunebatch.partition-requests";

    @Bean
    JdbcChannelMessageStore partitionMessageStore(DataSource dataSource) {
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(queryProvider(dataSource));
        store.setRegion("tunebatch");
        // what a partition request message holds: Spring's message and headers, a StepExecutionRequest
        store.addAllowedPatterns("java.lang.*", "java.util.*", "org.springframework.messaging.*",
                "org.springframework.integration.*", "org.springframework.batch.integration.partition.*");
        return store;
    }

    @Bean
    QueueChannel partitionRequests(JdbcChannelMessageStore partitionMessageStore) {
        return new QueueChannel(new MessageGroupQueue(partitionMessageStore, REQUESTS_GROUP));
    }

    /**
     * Where this process's worker steps receive the requests it takes: every worker step's flow
     * subscribes, and each runs whichever step a request names (its step locator looks the step up
     * by that name), so it does not matter which one gets it. No failover: a request that failed in
     * one flow must not run again in another.
     */
    @Bean
    DirectChannel takenPartitionRequests() {
        DirectChannel channel = new DirectChannel();
        channel.setFailover(false);
        return channel;
    }

    /**
     * The one consumer of partition requests in a process: it takes one request at a time and runs
     * its partition on the polling thread, so a worker never doubles up (two trainings on one GPU)
     * while another worker is idle. Not started with the context: only the {@code worker} profile
     * starts it ({@link WorkerProcess}), so a manager or command process never runs partitions.
     */
    @Bean
    PollingConsumer partitionRequestTaker(QueueChannel partitionRequests, DirectChannel takenPartitionRequests,
                                          PartitioningProperties properties) {
        BridgeHandler handOver = new BridgeHandler();
        handOver.setOutputChannel(takenPartitionRequests);
        PollingConsumer taker = new PollingConsumer(partitionRequests, handOver);
        taker.setTrigger(new PeriodicTrigger(properties.workerPollInterval()));
        taker.setMaxMessagesPerPoll(1);
        taker.setReceiveTimeout(0);
        taker.setAutoStartup(false);
        return taker;
    }

    @Bean
    RemotePartitioning remotePartitioning(org.springframework.batch.core.repository.JobRepository jobRepository,
                                          QueueChannel partitionRequests, DirectChannel takenPartitionRequests,
                                          PartitioningProperties properties,
                                          org.springframework.beans.factory.BeanFactory beanFactory) {
        return new RemotePartitioning(jobRepository, partitionRequests, takenPartitionRequests, properties, beanFactory);
    }

    private static ChannelMessageStoreQueryProvider queryProvider(DataSource dataSource) {
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database holds the partition channel", e);
        }
        return switch (product) {
            case "PostgreSQL" -> new PostgresChannelMessageStoreQueryProvider();
            case "H2" -> new H2ChannelMessageStoreQueryProvider();
            default -> throw new IllegalStateException("remote partitioning needs PostgreSQL (or H2 for development), not " + product);
        };
    }
}
