package io.tunebatch.cli;

import io.tunebatch.support.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RunCommandRetrainH2Test extends RunCommandRetrainTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.useH2(registry);
        registry.add("tunebatch.train.child-heap", () -> "768m");
        registry.add("tunebatch.train.poll-millis", () -> "200");
    }
}
