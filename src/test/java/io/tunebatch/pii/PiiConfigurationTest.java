package io.tunebatch.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class PiiConfigurationTest {

    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PiiProperties.class)
    static class Beans {
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(Beans.class, PiiKeyConfiguration.class, PiiConfiguration.class)
                .withPropertyValues("tunebatch.data-dir=" + dir);
    }

    @Test
    void defaultsGiveADetectorAndAReplacingAnonymizer() {
        runner().run(context -> {
            PiiDetector detector = context.getBean(PiiDetector.class);
            PiiAnonymizer anonymizer = context.getBean(PiiAnonymizer.class);
            String text = "SSN 536-22-4187";
            List<PiiSpan> spans = detector.detect(text);
            assertThat(anonymizer.anonymize(text, spans)).isEqualTo("SSN <US_SSN>");
            assertThat(context.getBean(PiiProperties.class).threshold()).isEqualTo(0.7);
        });
    }

    @Test
    void propertiesConfigureThresholdEntitiesAndOperators() {
        runner().withPropertyValues(
                        "tunebatch.pii.threshold=0.8",
                        "tunebatch.pii.entities=US_SSN,EMAIL_ADDRESS",
                        "tunebatch.pii.operators.US_SSN.type=mask",
                        "tunebatch.pii.operators.US_SSN.keep-last=4",
                        "tunebatch.pii.operators.EMAIL_ADDRESS.type=hash",
                        "tunebatch.pii.hash-key=0123456789abcdef-secret")
                .run(context -> {
                    String text = "Jane Roe, SSN 536-22-4187, jane@example.com";
                    List<PiiSpan> spans = context.getBean(PiiDetector.class).detect(text);
                    assertThat(spans).extracting(PiiSpan::entityType).containsExactly("US_SSN", "EMAIL_ADDRESS");
                    String anonymized = context.getBean(PiiAnonymizer.class).anonymize(text, spans);
                    assertThat(anonymized).startsWith("Jane Roe, SSN ***-**-4187, ").doesNotContain("jane@");
                });
    }

    @Test
    void anUnknownEntityTypeFailsStartupWithTheProperty() {
        runner().withPropertyValues("tunebatch.pii.entities=PERSON,SHOE_SIZE")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("SHOE_SIZE"));
    }
}
