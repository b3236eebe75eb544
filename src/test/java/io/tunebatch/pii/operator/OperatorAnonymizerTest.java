package io.tunebatch.pii.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunebatch.pii.FieldCipher;
import io.tunebatch.pii.PiiProperties;
import io.tunebatch.pii.PiiProperties.OperatorProperties;
import io.tunebatch.pii.PiiSpan;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class OperatorAnonymizerTest {

    private static final String TEXT = "Card 4111-1111-1111-1234 of Jane Roe, jane@example.com";
    private static final List<PiiSpan> SPANS = List.of(
            new PiiSpan(38, 54, "EMAIL_ADDRESS", 1.0, "email"),
            new PiiSpan(5, 24, "CREDIT_CARD", 0.85, "credit-card"),
            new PiiSpan(28, 36, "PERSON", 0.9, "person"));
    private static final FieldCipher CIPHER = newCipher();

    @Test
    void replacesEveryEntityWithItsTypeByDefault() {
        assertThat(anonymizer(Map.of()).anonymize(TEXT, SPANS))
                .isEqualTo("Card <CREDIT_CARD> of <PERSON>, <EMAIL_ADDRESS>");
    }

    @Test
    void appliesTheOperatorConfiguredPerEntity() {
        PiiProperties properties = properties(Map.of(
                "CREDIT_CARD", new OperatorProperties("mask", null, 4, null),
                "PERSON", new OperatorProperties("replace", "[name]", null, null),
                "EMAIL_ADDRESS", new OperatorProperties("redact", null, null, null)), "");
        assertThat(OperatorAnonymizer.from(properties, CIPHER).anonymize(TEXT, SPANS))
                .isEqualTo("Card ****-****-****-1234 of [name], ");
    }

    @Test
    void maskKeepsTheLastCharactersAndTheSeparators() {
        assertThat(new MaskOperator(2, '#').apply("536-22-4187", "US_SSN")).isEqualTo("###-##-##87");
        assertThat(new MaskOperator(0, '*').apply("Jane", "PERSON")).isEqualTo("****");
        assertThat(new MaskOperator(10, '*').apply("Jane", "PERSON")).isEqualTo("Jane");
    }

    @Test
    void hashIsKeyedDeterministicAndNotTheValue() {
        HashOperator hash = new HashOperator("a-long-enough-secret");
        String once = hash.apply("jane@example.com", "EMAIL_ADDRESS");
        assertThat(once).hasSize(64).isEqualTo(hash.apply("jane@example.com", "EMAIL_ADDRESS"))
                .isNotEqualTo(hash.apply("john@example.com", "EMAIL_ADDRESS"))
                .isNotEqualTo(new HashOperator("another-long-secret").apply("jane@example.com", "EMAIL_ADDRESS"))
                .doesNotContain("jane");
    }

    @Test
    void hashWithoutAKeyIsAConfigurationError() {
        PiiProperties properties = properties(Map.of("EMAIL_ADDRESS", new OperatorProperties("hash", null, null, null)), "");
        assertThatThrownBy(() -> OperatorAnonymizer.from(properties, CIPHER))
                .hasMessageContaining("tunebatch.pii.hash-key");
    }

    @Test
    void encryptIsReversibleWithTheKeyOnly() {
        EncryptOperator encrypt = new EncryptOperator(CIPHER);
        String token = encrypt.apply("536-22-4187", "US_SSN");
        assertThat(token).startsWith("ENC(" + CIPHER.keyId() + ":").doesNotContain("536-22-4187");
        assertThat(encrypt.apply("536-22-4187", "US_SSN")).isNotEqualTo(token);
        assertThat(encrypt.decrypt(token)).isEqualTo("536-22-4187");
        assertThatThrownBy(() -> new EncryptOperator(newCipher()).decrypt(token)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepLeavesTheValueAndUnknownOperatorsAreRejected() {
        PiiProperties keep = properties(Map.of("PERSON", new OperatorProperties("keep", null, null, null)), "");
        assertThat(OperatorAnonymizer.from(keep, CIPHER).anonymize(TEXT, SPANS)).contains("Jane Roe").contains("<CREDIT_CARD>");
        PiiProperties bad = properties(Map.of("PERSON", new OperatorProperties("scramble", null, null, null)), "");
        assertThatThrownBy(() -> OperatorAnonymizer.from(bad, CIPHER))
                .hasMessageContaining("tunebatch.pii.operators.PERSON").hasMessageContaining("scramble");
    }

    @Test
    void overlappingAndOutOfRangeSpansAreSkippedNotCorrupted() {
        List<PiiSpan> spans = List.of(new PiiSpan(0, 4, "A", 1, "t"), new PiiSpan(2, 6, "B", 1, "t"),
                new PiiSpan(8, 99, "C", 1, "t"));
        assertThat(anonymizer(Map.of()).anonymize("abcdefghij", spans)).isEqualTo("<A>efghij");
    }

    private static OperatorAnonymizer anonymizer(Map<String, OperatorProperties> operators) {
        return OperatorAnonymizer.from(properties(operators, ""), CIPHER);
    }

    private static PiiProperties properties(Map<String, OperatorProperties> operators, String hashKey) {
        return new PiiProperties(null, null, null, null, null, null, null, operators, null, hashKey, null, null);
    }

    private static FieldCipher newCipher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new FieldCipher(new SecretKeySpec(key, "AES"), "k" + key[0]);
    }
}
