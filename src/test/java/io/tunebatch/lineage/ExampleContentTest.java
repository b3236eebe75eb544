package io.tunebatch.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExampleContentTest {

    @Test
    void contentHashMatchesTheNetstringEncodingComputedIndependently() {
        // Expected values computed with Python's hashlib over b"1:a,1:b,1:c," etc. (see README).
        assertThat(new ExampleContent("a", "b", "c").contentHash())
                .isEqualTo("18054667674b42840f4905f562d3571be0a0b8364aed8196c7eeefc13045a4f4");
        assertThat(new ExampleContent("Grüße", "", "").contentHash())
                .isEqualTo("99ed23f62f8013554d50f06353679023571ceb01c10fd8d0589f923e63704def");
    }

    @Test
    void theReferenceDesignsPipeCollisionIsGone() {
        ExampleContent left = new ExampleContent("a|b", "c", "");
        ExampleContent right = new ExampleContent("a", "b|c", "");
        // Under f"{instruction}|{input}|{output}" both would be "a|b|c|".
        assertThat(left.instruction() + "|" + left.input() + "|" + left.output())
                .isEqualTo(right.instruction() + "|" + right.input() + "|" + right.output());
        assertThat(left.contentHash()).isNotEqualTo(right.contentHash());
        assertThat(left.contentHash()).isEqualTo("a733652e0634d55392e6a1afb98989adb6af76a27499325c79314523bda9e408");
        assertThat(right.contentHash()).isEqualTo("48a409efbdd60b419a5a58a349b2c03fc28fde6b62a08dd79c21282c14ae9756");
    }

    @Test
    void fieldBoundariesMatterEvenWithDigitsAndSeparatorsInTheText() {
        assertThat(new ExampleContent("1:a,", "", "").contentHash())
                .isNotEqualTo(new ExampleContent("", "1:a,", "").contentHash())
                .isNotEqualTo(new ExampleContent("", "", "1:a,").contentHash());
    }

    @Test
    void idIsPrefixPlusSixteenHexCharactersOfTheHash() {
        ExampleContent content = new ExampleContent("a", "b", "c");
        assertThat(content.exampleId()).isEqualTo("te_18054667674b4284").hasSize(19);
    }

    @Test
    void normalizedHashIgnoresCaseAndWhitespaceButContentHashDoesNot() {
        ExampleContent a = new ExampleContent("Reset my  password", "", "Use the link.");
        ExampleContent b = new ExampleContent("reset my password ", "", "use the link.");
        assertThat(a.contentHash()).isNotEqualTo(b.contentHash());
        assertThat(a.normalizedHash()).isEqualTo(b.normalizedHash());
        assertThat(a.normalizedHash()).isNotEqualTo(new ExampleContent("reset my password", "", "other").normalizedHash());
    }
}
