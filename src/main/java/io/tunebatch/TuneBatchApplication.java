package io.tunebatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.task.configuration.EnableTask;

/**
 * One jar, one command tree: every invocation is a Spring Cloud Task execution, and every
 * batch command launches its job through the {@code JobOperator}. With the {@code worker} profile
 * the same jar is a long-running remote-partition worker instead of a command.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableTask
public class TuneBatchApplication {

    /** The profile of remote-partition worker processes (see application-worker.yml). */
    public static final String WORKER_PROFILE = "worker";

    public static void main(String[] args) {
        // DJL must never fetch native libraries or models: the PyTorch natives ship in the jar
        System.setProperty("ai.djl.offline", "true");
        SpringApplication application = new SpringApplication(TuneBatchApplication.class);
        application.setDefaultProperties(java.util.Map.of(
                "spring.cloud.task.name", "tunebatch-" + (args.length > 0 && !args[0].startsWith("-") ? args[0] : "help")));
        ConfigurableApplicationContext context = application.run(args);
        if (context.getEnvironment().matchesProfiles(WORKER_PROFILE)) {
            // a long-running worker: its web server keeps the JVM alive; SIGTERM closes the context
            return;
        }
        System.exit(SpringApplication.exit(context));
    }
}
