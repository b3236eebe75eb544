package io.tunebatch.cli;

import io.tunebatch.support.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RunCommandRetrainPostgresTest extends RunCommandRetrainTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.usePostgres(registry, "run_retrain");
        registry.add("tunebatch.train.child-heap", () -> "768m");
        registry.add("tunebatch.train.poll-millis", () -> "200");
    }
}
