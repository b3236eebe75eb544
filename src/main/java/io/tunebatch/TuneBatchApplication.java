package io.tunebatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.task.configuration.EnableTask;

/**
 * One jar, one command tree: every invocation is a Spring Cloud Task execution, and every
 * batch command launches its job through the {@code JobOperator}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableTask
public class TuneBatchApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(TuneBatchApplication.class);
        application.setDefaultProperties(java.util.Map.of(
                "spring.cloud.task.name", "tunebatch-" + (args.length > 0 && !args[0].startsWith("-") ? args[0] : "help")));
        System.exit(SpringApplication.exit(application.run(args)));
    }
}
