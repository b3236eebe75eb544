package io.tunebatch.cli;

import io.tunebatch.support.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class MonitorDriftH2Test extends MonitorDriftTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.useH2(registry);
    }
}
