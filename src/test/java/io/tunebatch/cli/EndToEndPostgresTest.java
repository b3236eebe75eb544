package io.tunebatch.cli;

import io.tunebatch.support.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The end-to-end governance story on embedded PostgreSQL. */
class EndToEndPostgresTest extends EndToEndGovernanceTest {

    EndToEndPostgresTest() {
        super("office-router-pg");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.usePostgres(registry, "end_to_end");
    }
}
