package io.tunebatch.canary;

import io.tunebatch.support.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class CanaryH2Test extends CanaryTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.useH2(registry);
    }
}
