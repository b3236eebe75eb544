package io.tunebatch.prepare;

import io.tunebatch.support.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PrepareJobH2Test extends PrepareJobTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.useH2(registry);
    }
}
