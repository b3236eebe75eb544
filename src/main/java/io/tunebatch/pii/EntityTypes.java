package io.tunebatch.pii;

import java.util.List;

/** The entity types the engine knows, with the names used in detections and configuration. */
public final class EntityTypes {

    public static final String PERSON = "PERSON";
    public static final String EMAIL_ADDRESS = "EMAIL_ADDRESS";
    public static final String PHONE_NUMBER = "PHONE_NUMBER";
    public static final String US_SSN = "US_SSN";
    public static final String CREDIT_CARD = "CREDIT_CARD";
    public static final String IBAN_CODE = "IBAN_CODE";
    public static final String IP_ADDRESS = "IP_ADDRESS";
    public static final String US_PASSPORT = "US_PASSPORT";
    public static final String US_DRIVER_LICENSE = "US_DRIVER_LICENSE";
    public static final String DATE_OF_BIRTH = "DATE_OF_BIRTH";
    public static final String MEDICAL_RECORD_NUMBER = "MEDICAL_RECORD_NUMBER";
    public static final String ADDRESS = "ADDRESS";
    public static final String LOCATION = "LOCATION";

    public static final List<String> ALL = List.of(PERSON, EMAIL_ADDRESS, PHONE_NUMBER, US_SSN, CREDIT_CARD,
            IBAN_CODE, IP_ADDRESS, US_PASSPORT, US_DRIVER_LICENSE, DATE_OF_BIRTH, MEDICAL_RECORD_NUMBER,
            ADDRESS, LOCATION);

    /** What the engine reports unless configured otherwise: all but LOCATION. */
    public static final List<String> DEFAULT_ENABLED = ALL.stream().filter(t -> !t.equals(LOCATION)).toList();

    private EntityTypes() {
    }
}
