package io.tunebatch.prepare;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code prepare} job of the {@code prepare --source} command; its flow is {@link PrepareJobFactory}'s. */
@Configuration(proxyBeanMethods = false)
public class PrepareJobConfiguration {

    public static final String JOB_NAME = "prepare";

    @Bean
    Job prepareJob(PrepareJobFactory factory) {
        return factory.create(JOB_NAME);
    }
}
