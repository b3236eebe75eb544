package io.tunebatch.cli;

import io.tunebatch.support.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class DriftReferencePostgresTest extends DriftReferenceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.usePostgres(registry, "drift_reference");
    }
}
