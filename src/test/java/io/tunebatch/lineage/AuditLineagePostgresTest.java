package io.tunebatch.lineage;

import io.tunebatch.support.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class AuditLineagePostgresTest extends AuditLineageTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.usePostgres(registry, "audit_lineage");
    }
}
