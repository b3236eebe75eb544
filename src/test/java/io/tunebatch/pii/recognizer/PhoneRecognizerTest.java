package io.tunebatch.pii.recognizer;

import static io.tunebatch.pii.Detect.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.pii.EntityTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneRecognizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"(212) 736-5000", "212-736-5000", "212.736.5000", "+1 212 736 5000",
            "+44 20 7946 0958", "+49 30 901820", "+33 1 42 68 53 00", "01 42 68 53 00", "01.42.68.53.00",
            "01-42-68-53-00", "06.12.34.56.78"})
    void findsValidNumbers(String phone) {
        assertThat(values("You can reach me at " + phone + " after five.", EntityTypes.PHONE_NUMBER))
                .containsExactly(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(030) 12345", "(0431) 1234"})
    void aShortNumberWithItsAreaCodeInBracketsIsAPhoneWithoutContext(String phone) {
        assertThat(values("Noted down: " + phone + ".", EntityTypes.PHONE_NUMBER)).containsExactly(phone);
        assertThat(values("Noted down: " + phone.replaceAll("[()]", "") + ".", EntityTypes.PHONE_NUMBER)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"212.736.5000", "(212) 736-5000", "+44 20 7946 0958", "+81 3-6745-5352"})
    void bracketsAroundTheNumberBelongToTheSentence(String phone) {
        assertThat(values("Call Dana Whitlock (" + phone + ") about the claim.", EntityTypes.PHONE_NUMBER))
                .containsExactly(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Meeting on 2024-03-15 at 10:30.", "Meeting on 15.03.2024 10:30.", "Paid 01.02.24 12345.",
            "Backup 2024.03.15.1200 done.",
            "Upgrade to version 10.4.2.1 now.",
            "ISBN 978-0-306-40615-7", "See pages 212-736 of the manual.", "Total: 2,127,365,000 units",
            "Order 2127365000 shipped", "Tracking code 1Z999AA10123456784", "Scores: 1 2 3 4 5 6 7 8 9"})
    void ignoresDatesVersionsAndIdentifiers(String text) {
        assertThat(values(text, EntityTypes.PHONE_NUMBER)).isEmpty();
    }
}
