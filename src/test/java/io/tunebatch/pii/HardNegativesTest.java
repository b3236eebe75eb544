package io.tunebatch.pii;

import static io.tunebatch.pii.Detect.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Everyday business text full of numbers and capitals in which the default engine must find nothing. */
class HardNegativesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Order #4111111111111111 has shipped; tracking number 1Z999AA10123456784.",
            "Invoice INV-2024-000123 was paid on 2024-03-15 at 10:30.",
            "Please upgrade to version 10.4.2.1 before Friday.",
            "ISBN 978-0-306-40615-7 is out of print; see ISBN 9780306406157.",
            "The card 4111 1111 1111 1112 was declined (Luhn check failed).",
            "Test SSNs 000-12-3456, 666-12-3456 and 912-12-3456 are never issued.",
            "Meeting moved to 14:30 on 03/04/2025 in Building 7, Room 12.",
            "SKU 884411223344 and part number 5500-1122-3344 are back in stock.",
            "The Quarterly Report and the Annual Review are due in March.",
            "Our API returned HTTP 503 for 12,345 of 1,000,000 requests.",
            "USPS tracking 9400111899223856928499 shows delivered.",
            "Ticket 8812345678 was escalated to the Support Team.",
    })
    void findsNothing(String text) {
        assertThat(found(text)).isEmpty();
    }
}
