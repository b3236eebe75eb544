package io.tunebatch.ops;

import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job registry as a bean, so the JobOperator and we share it: it holds the job beans, and the
 * jobs built at run time from job definitions, which a restart must find by name.
 */
@Configuration(proxyBeanMethods = false)
public class JobRegistryConfiguration {

    @Bean
    MapJobRegistry jobRegistry() {
        return new MapJobRegistry();
    }
}
