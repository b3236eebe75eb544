package io.tunebatch.pii.recognizer;

import static io.tunebatch.pii.Detect.found;
import static io.tunebatch.pii.Detect.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.pii.EntityTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCardRecognizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5500005555555559",
            "378282246310005", "3782 822463 10005", "6011000990139424", "3530111333300000", "2223003122003222"})
    void findsLuhnValidCardsFromKnownIssuers(String card) {
        assertThat(values("Please charge " + card + " today.", EntityTypes.CREDIT_CARD)).containsExactly(card);
        assertThat(values(card, EntityTypes.CREDIT_CARD)).containsExactly(card);
    }

    @Test
    void aNumberFromAnUnknownRangeNeedsCardContext() {
        String number = "9111111111111110"; // Luhn-valid, no issuer starts with 9
        assertThat(values("reference " + number, EntityTypes.CREDIT_CARD)).isEmpty();
        assertThat(values("my credit card is " + number, EntityTypes.CREDIT_CARD)).containsExactly(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "4111 1111 1111 1112", "5500005555555550", "0000000000000000",
            "4444444444444444"})
    void rejectsLuhnFailuresAndRepeatedDigits(String number) {
        assertThat(values("card " + number, EntityTypes.CREDIT_CARD)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Order number 4111111111111111 has shipped", "tracking 4111111111111111",
            "ISBN 978-0-306-40615-7", "ISBN 9780306406157", "invoice 4111 1111 1111 1111",
            "UPS tracking 1Z999AA10123456784", "version 4.111.111.111.111.1"})
    void ignoresIdentifiersThatAreNotCards(String text) {
        assertThat(values(text, EntityTypes.CREDIT_CARD)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4539 1488 0343 6467", "4539-1488-0343-6467", "6011 0009 9013 9424", "3714 496353 98431",
            "5425233430109903"})
    void aCardNamedAfterAnOrderInTheSentenceBeforeIsStillACard(String card) {
        String text = "Refund for order #K2231187 please. The card on file is " + card + ". Tracking has not updated.";
        assertThat(values(text, EntityTypes.CREDIT_CARD)).containsExactly(card);
        assertThat(values("Order ORD-2024-1182 was paid with card " + card, EntityTypes.CREDIT_CARD)).containsExactly(card);
    }

    @Test
    void anIdentifierWordInTheSameSentenceNearerThanTheCardWordStillLowersIt() {
        assertThat(values("card refund for order 4539148803436467", EntityTypes.CREDIT_CARD)).isEmpty();
    }

    @Test
    void aPhoneLookingRunInsideACardLoses() {
        assertThat(found("card 4111 1111 1111 1111")).containsExactly("CREDIT_CARD:4111 1111 1111 1111");
    }
}
