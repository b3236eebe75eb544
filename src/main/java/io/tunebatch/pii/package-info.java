/**
 * PII detection and anonymization, offline on the JVM.
 *
 * <p>{@link io.tunebatch.pii.PiiEngine} (the {@link io.tunebatch.pii.PiiDetector} bean) runs one
 * {@link io.tunebatch.pii.PiiRecognizer} per entity type (package {@code recognizer}: checksums,
 * ranges, libphonenumber, public-domain name lists), raises or lowers each candidate's score by
 * context words, keeps those at or above the threshold and resolves overlaps (longer span first,
 * then the more strictly validated type, then the higher score). A recognizer of your own plugs in
 * through {@link io.tunebatch.pii.PiiEngine#create(PiiProperties, java.util.List)}.
 *
 * <p>{@link io.tunebatch.pii.operator.OperatorAnonymizer} (the {@link io.tunebatch.pii.PiiAnonymizer}
 * bean) rewrites each span with its entity's operator: replace (default, {@code <ENTITY_TYPE>}),
 * mask, redact, hash (HMAC-SHA256), encrypt (AES-GCM through {@link io.tunebatch.pii.FieldCipher})
 * or keep. Configuration and defaults: {@link io.tunebatch.pii.PiiProperties}, for example
 * <pre>
 * tunebatch:
 *   pii:
 *     threshold: 0.7
 *     entities: [PERSON, EMAIL_ADDRESS, PHONE_NUMBER, US_SSN, CREDIT_CARD, IBAN_CODE, ADDRESS]
 *     phone-regions: [US, GB, DE]
 *     context-words:
 *       US_SSN: [sozialversicherungsnummer]
 *     operators:
 *       CREDIT_CARD: {type: mask, keep-last: 4}
 *       EMAIL_ADDRESS: {type: hash}
 *       PERSON: {type: encrypt}
 *     hash-key: ${PII_HASH_KEY}
 * </pre>
 *
 * <p>Nothing here logs or throws with the scanned text: spans carry offsets, never values.
 */
package io.tunebatch.pii;
