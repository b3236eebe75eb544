package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.PiiRecognizer;
import io.tunebatch.pii.ner.NerModelRecognizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The recognizers shipped with TuneBatch, one per entity type. */
public final class StandardRecognizers {

    private StandardRecognizers() {
    }

    /**
     * With {@code nameFinder}, PERSON candidates of the rules are confirmed by the shipped OpenNLP
     * model; with a {@code nerModel} folder, that model's spans join the candidates.
     */
    public static List<PiiRecognizer> create(List<String> phoneRegions, boolean nameFinder, String nerModel) {
        List<PiiRecognizer> recognizers = new ArrayList<>(List.of(
                nameFinder ? new PersonNameFinderEnsemble(new PersonRecognizer(), NameFinderRecognizer.shipped())
                        : new PersonRecognizer(),
                new EmailRecognizer(),
                new PhoneRecognizer(phoneRegions),
                new UsSsnRecognizer(),
                new CreditCardRecognizer(),
                new IbanRecognizer(),
                new IpAddressRecognizer(),
                new UsPassportRecognizer(),
                new UsDriverLicenseRecognizer(),
                new DateOfBirthRecognizer(),
                new MedicalRecordNumberRecognizer(),
                new StreetAddressRecognizer(),
                new LocationRecognizer()));
        if (!nerModel.isEmpty()) {
            recognizers.add(NerModelRecognizer.of(Path.of(nerModel)));
        }
        return List.copyOf(recognizers);
    }
}
