package io.tunebatch.pii;

import io.tunebatch.pii.operator.OperatorAnonymizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The PII engine and anonymizer beans, configured by {@link PiiProperties} ({@code tunebatch.pii.*}). */
@Configuration(proxyBeanMethods = false)
public class PiiConfiguration {

    @Bean
    PiiEngine piiDetector(PiiProperties properties) {
        return PiiEngine.create(properties);
    }

    @Bean
    PiiAnonymizer piiAnonymizer(PiiProperties properties, FieldCipher fieldCipher) {
        return OperatorAnonymizer.from(properties, fieldCipher);
    }
}
