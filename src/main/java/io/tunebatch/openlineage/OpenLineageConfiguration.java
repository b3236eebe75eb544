package io.tunebatch.openlineage;

import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.ConsoleTransport;
import io.openlineage.client.transports.FileConfig;
import io.openlineage.client.transports.FileTransport;
import io.openlineage.client.transports.Transport;
import io.tunebatch.snapshot.SnapshotRepository;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code tunebatch.openlineage.enabled=true}, every job and step bean gets the {@link RunEvents}
 * listener, so each job (prepare, training, …) reports without knowing about OpenLineage.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tunebatch.openlineage.enabled", havingValue = "true")
class OpenLineageConfiguration {

    @Bean(destroyMethod = "close")
    OpenLineageClient openLineageClient(OpenLineageProperties properties) {
        Transport transport = switch (properties.transport()) {
            case CONSOLE -> new ConsoleTransport();
            case FILE -> new FileTransport(new FileConfig(properties.file().toAbsolutePath().toString()));
        };
        return new OpenLineageClient(transport);
    }

    @Bean
    RunEvents openLineageRunEvents(OpenLineageClient client, OpenLineageProperties properties, SnapshotRepository snapshots) {
        return new RunEvents(client, properties.namespace(), snapshots);
    }

    /** Static and lazy: post-processors are created before the beans they could depend on. */
    @Bean
    static BeanPostProcessor openLineageListenerRegistrar(ObjectProvider<RunEvents> events) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractJob job) {
                    job.registerJobExecutionListener(events.getObject());
                } else if (bean instanceof AbstractStep step) {
                    step.registerStepExecutionListener(events.getObject());
                }
                return bean;
            }
        };
    }
}
