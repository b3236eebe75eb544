package io.tunebatch.pii;

import java.util.List;
import java.util.Map;

/**
 * The built-in context words per entity type (configuration adds to them) and the identifier
 * words that lower numeric candidates. Multi-word entries match as phrases.
 */
public final class DefaultContextWords {

    public static final Map<String, List<String>> POSITIVE = Map.ofEntries(
            Map.entry(EntityTypes.PERSON, List.of("name", "patient", "customer", "client", "contact", "dear", "hi",
                    "hello", "thanks", "regards", "signed", "sincerely", "employee", "agent", "applicant", "member",
                    "he", "she", "his", "her", "him", "said", "says", "told", "asked", "wrote", "spoke", "met",
                    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "friend",
                    "mr", "mrs", "ms", "dr", "beneficiary", "cardholder", "account holder", "guest", "tenant",
                    "shouted", "replied", "explained", "producer", "director", "author", "singer", "actor", "actress",
                    "president", "senator", "officer", "nurse", "judge", "coach", "ceo", "founder", "manager",
                    "reporter", "lawyer", "attorney", "teacher", "student", "neighbor", "neighbour", "colleague",
                    // name fields of German, French, Spanish, Italian, Portuguese, Dutch and Polish forms
                    "vorname", "nachname", "kunde", "nom", "prénom", "nombre", "apellido", "apellidos", "cliente",
                    "titular", "nome", "cognome", "sobrenome", "naam", "achternaam", "imię", "nazwisko")),
            Map.entry(EntityTypes.EMAIL_ADDRESS, List.of("email", "e-mail", "mail", "contact")),
            Map.entry(EntityTypes.PHONE_NUMBER, List.of("phone", "telephone", "tel", "mobile", "cell", "call",
                    "fax", "contact", "number", "reach", "text", "sms", "whatsapp", "ph",
                    "telefon", "handy", "téléphone", "tél", "portable", "teléfono", "móvil", "celular", "telefono",
                    "cellulare", "telefone", "telefoon", "komórka", "puhelin")),
            Map.entry(EntityTypes.US_SSN, List.of("ssn", "ssns", "social security", "social sec", "ss#", "ss #",
                    "taxpayer", "tin", "itin")),
            Map.entry(EntityTypes.CREDIT_CARD, List.of("card", "credit", "debit", "visa", "mastercard", "amex",
                    "american express", "discover", "jcb", "diners", "maestro", "cc", "pan", "payment", "charge",
                    "charged")),
            Map.entry(EntityTypes.IBAN_CODE, List.of("iban", "bank", "account", "transfer", "wire", "sepa")),
            Map.entry(EntityTypes.IP_ADDRESS, List.of("ip", "ipv4", "ipv6", "address", "host", "server", "client",
                    "login", "logged", "connection", "from")),
            Map.entry(EntityTypes.US_PASSPORT, List.of("passport", "passport number", "passport no", "travel document")),
            Map.entry(EntityTypes.US_DRIVER_LICENSE, List.of("driver", "drivers", "driver's", "driving", "license",
                    "licence", "dl", "dl#", "dln")),
            Map.entry(EntityTypes.DATE_OF_BIRTH, List.of("born", "birth", "birthday", "dob", "d.o.b", "date of birth",
                    "birthdate", "b.",
                    // the same in the languages of our European customers' records
                    "geburtsdatum", "geboren", "geb.", "date de naissance", "né le", "née le", "fecha de nacimiento",
                    "nacido", "nacida", "data di nascita", "nato il", "nata il", "data de nascimento", "geboortedatum",
                    "data urodzenia", "urodzony", "urodzona", "födelsedatum", "fødselsdato", "syntymäaika")),
            Map.entry(EntityTypes.MEDICAL_RECORD_NUMBER, List.of("mrn", "medical record", "medical records",
                    "record number", "chart", "patient id", "patient number", "health record")),
            Map.entry(EntityTypes.ADDRESS, List.of("address", "live", "lives", "living", "located", "residence",
                    "ship", "shipping", "deliver", "delivery", "billing", "mailing", "street", "home")),
            Map.entry(EntityTypes.LOCATION, List.of("in", "from", "near", "city", "country", "state", "moved",
                    "travel", "traveled", "travelled", "visit", "visited", "based")));

    /** Words near which a number is usually an identifier of something else, not PII. */
    public static final List<String> NEGATIVE = List.of("order", "order no", "order number", "tracking", "invoice",
            "isbn", "sku", "part number", "part no", "serial", "version", "ver", "build", "release", "ticket",
            "confirmation", "reference", "ref", "po", "batch", "lot", "model", "item", "product", "case number");

    /** Entity types that the negative words can lower: those whose values are bare numbers. */
    public static final List<String> PENALIZED = List.of(EntityTypes.CREDIT_CARD, EntityTypes.US_SSN,
            EntityTypes.PHONE_NUMBER, EntityTypes.IP_ADDRESS, EntityTypes.US_PASSPORT, EntityTypes.US_DRIVER_LICENSE,
            EntityTypes.MEDICAL_RECORD_NUMBER);

    private DefaultContextWords() {
    }
}
