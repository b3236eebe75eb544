package io.tunebatch.pii;

import static io.tunebatch.pii.Detect.found;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PiiEngineTest {

    @Test
    void returnsSpansSortedByStartWithoutOverlaps() {
        String text = "Jane Roe (jane.roe@example.com, 212-736-5000) paid with 4111 1111 1111 1111, SSN 536-22-4187.";
        List<PiiSpan> spans = Detect.ENGINE.detect(text);
        assertThat(spans).extracting(PiiSpan::entityType)
                .containsExactly("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "US_SSN");
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i).start()).isGreaterThanOrEqualTo(spans.get(i - 1).end());
        }
        assertThat(spans).allSatisfy(s -> assertThat(s.score()).isBetween(0.7, 1.0));
    }

    @Test
    void contextWordsLiftACandidateOverTheThreshold() {
        assertThat(found("reference 536224187")).isEmpty();
        assertThat(found("SSN 536224187")).containsExactly("US_SSN:536224187");
        // form labels of other languages
        assertThat(found("Ref: Xabier Etxeberria")).isEmpty();
        assertThat(found("Nombre: Xabier Etxeberria")).containsExactly("PERSON:Xabier Etxeberria");
    }

    @Test
    void identifierWordsPushANumberBelowTheThreshold() {
        assertThat(found("ship 4111111111111111")).containsExactly("CREDIT_CARD:4111111111111111");
        assertThat(found("order 4111111111111111")).isEmpty();
    }

    @Test
    void thresholdAndEnabledEntitiesAreConfiguration() {
        PiiProperties strict = new PiiProperties(0.95, List.of("US_SSN", "CREDIT_CARD"), null, null, null, null, null, null, null, null, null, null);
        PiiEngine engine = PiiEngine.create(strict);
        assertThat(found(engine, "Jane Roe: SSN 536-22-4187, jane@example.com")).containsExactly("US_SSN:536-22-4187");
        assertThat(found(engine, "Jane Roe: 536-22-4187")).isEmpty(); // 0.85 without context < 0.95
    }

    @Test
    void configuredContextWordsAddToTheDefaults() {
        PiiProperties extra = new PiiProperties(null, null, null, null, Map.of("US_SSN", List.of("sozialversicherung")),
                null, null, null, null, null, null, null);
        assertThat(found(PiiEngine.create(extra), "Sozialversicherung 536224187")).containsExactly("US_SSN:536224187");
        assertThat(found("Sozialversicherung 536224187")).isEmpty();
    }

    @Test
    void longerSpanWinsAnOverlapThenTheHigherScore() {
        List<PiiSpan> resolved = PiiEngine.resolveOverlaps(new ArrayList<>(List.of(
                new PiiSpan(5, 15, "PHONE_NUMBER", 1.0, "phone"),
                new PiiSpan(0, 22, "IBAN_CODE", 0.9, "iban"),
                new PiiSpan(30, 40, "PERSON", 0.75, "person"),
                new PiiSpan(30, 40, "LOCATION", 0.8, "location"),
                new PiiSpan(38, 45, "PERSON", 0.9, "person"))));
        assertThat(resolved).extracting(PiiSpan::entityType).containsExactly("IBAN_CODE", "LOCATION");
    }

    @Test
    void anotherEntitysLabelWordIsNoName() {
        // "iban" is also a given name in the SSA list and no English word: in lower-case text it was a PERSON
        assertThat(found("iban gb82 west 1234 5698 7654 32 please")).containsExactly("IBAN_CODE:gb82 west 1234 5698 7654 32");
        assertThat(found("please ask xiomara about the iban")).containsExactly("PERSON:xiomara");
    }

    @Test
    void aCheckedValueBeatsALongerFreeTextGuess() {
        List<PiiSpan> resolved = PiiEngine.resolveOverlaps(new ArrayList<>(List.of(
                new PiiSpan(0, 24, "ADDRESS", 0.8, "address"),
                new PiiSpan(5, 24, "CREDIT_CARD", 0.85, "card"))));
        assertThat(resolved).extracting(PiiSpan::entityType).containsExactly("CREDIT_CARD");
        assertThat(found("Paid with Visa 4111 1111 1111 1111 yesterday.")).containsExactly("CREDIT_CARD:4111 1111 1111 1111");
        assertThat(found("Amex 3782 822463 10005 was charged.")).containsExactly("CREDIT_CARD:3782 822463 10005");
    }

    @Test
    void anyRecognizerPlugsIn() {
        PiiRecognizer employeeIds = new PiiRecognizer() {
            @Override
            public String name() {
                return "employee-id";
            }

            @Override
            public Set<String> entityTypes() {
                return Set.of("PERSON");
            }

            @Override
            public void recognize(String text, List<PiiSpan> out) {
                int at = text.indexOf("EMP-");
                if (at >= 0) {
                    out.add(new PiiSpan(at, at + 9, "PERSON", 0.8, name()));
                }
            }
        };
        PiiEngine engine = PiiEngine.create(PiiProperties.defaults(), List.of(employeeIds));
        assertThat(engine.detect("badge EMP-12345 at gate")).singleElement()
                .satisfies(s -> assertThat(s.recognizer()).isEqualTo("employee-id"));
    }

    @Test
    void oddTextNeverBreaksTheEngine() {
        Random random = new Random(42);
        String alphabet = "aZ09 .,-@:+()#/\n\t\u00e9\u0130\u00df\u4e2d\ud83d\ude00'\"";
        for (int doc = 0; doc < 2000; doc++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(4) == 0 ? (char) ('0' + random.nextInt(10)) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            for (PiiSpan span : Detect.ENGINE.detect(s)) {
                assertThat(span.end()).isLessThanOrEqualTo(s.length());
            }
        }
        assertThat(Detect.ENGINE.detect("")).isEmpty();
        assertThat(Detect.ENGINE.detect(null)).isEmpty();
    }
}
