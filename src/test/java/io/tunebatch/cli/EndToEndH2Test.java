package io.tunebatch.cli;

import io.tunebatch.support.Databases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The end-to-end governance story on the embedded H2 file database. */
class EndToEndH2Test extends EndToEndGovernanceTest {

    EndToEndH2Test() {
        super("office-router-h2");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.useH2(registry);
    }
}
