package io.tunebatch.pii.recognizer;

import static io.tunebatch.pii.Detect.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.pii.EntityTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonRecognizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Please ask Maria Gonzalez about the refund.|Maria Gonzalez",
            "The ticket was closed by Robert Johnson yesterday.|Robert Johnson",
            "Dr. Okonkwo will call you back.|Okonkwo",
            "Mrs Abernathy-Lowe signed the form.|Abernathy-Lowe",
            "PATIENT: JOHN SMITH, SEEN TODAY|JOHN SMITH",
            "Customer JENNIFER WALSH called twice.|JENNIFER WALSH",
            "Hi, my name is Ngozi and I need help.|Ngozi",
            "Forwarded to Jean-Luc van der Berg for review.|Jean-Luc van der Berg",
            "She met Linda Q. Hartmann in Boston.|Linda Q. Hartmann",
            "Thanks, William O'Connor|William O'Connor",
            "Michael is on leave today.|Michael",
            "Quenmira lives in Oslo now.|Quenmira",
            "Please talk to Zorbeth K. Quillanovy first.|Zorbeth K. Quillanovy",
            "can you ask jennifer walsh about the refund|jennifer walsh",
            "Hello Zoë, your replacement card is on its way.|Zoë",
            "Thank you, Tomás. We will call back tomorrow.|Tomás",
            "The form was countersigned by Dagmar Brückner.|Dagmar Brückner",
            "Hi Sofia, thanks for waiting.|Sofia",
            "Agent Georgia: I have reset the password.|Georgia",
            "NOTE FROM CALLER: MARGARET OKAFOR WILL PHONE AGAIN AFTER 5PM|MARGARET OKAFOR",
            "Approved by SVETLANA IVANOVA on behalf of the board.|SVETLANA IVANOVA",
            "The scan was read by Dr. Søren Kierkegaard-Lund.|Søren Kierkegaard-Lund",
            "Hi, I'm Dagny Halvorsen and I lost my card.|Dagny Halvorsen",
            "Caller Wilhelmina Osei cannot log in since Tuesday.|Wilhelmina Osei",
            // no English word, so a proper noun: a name with a person context word, or known and in lower case
            "The refund was approved by our agent Wrzesniewski yesterday.|Wrzesniewski",
            "I spoke with Okafor about the chargeback.|Okafor",
            "The note says Thandiwe will bring the documents.|Thandiwe",
            "please ask xiomara about the refund|xiomara",
            "Warren Buffett's letter arrived on Monday.|Warren Buffett",
            "Dagmar Brückner’s claim was approved.|Dagmar Brückner",
    })
    void findsNames(String text, String name) {
        assertThat(values(text, EntityTypes.PERSON)).containsExactly(name);
    }

    @org.junit.jupiter.api.Test
    void aNameAloneOnItsLineIsASignature() {
        assertThat(values("Signature:\nAnneliese Wrobelczyk\nSenior Analyst", EntityTypes.PERSON))
                .containsExactly("Anneliese Wrobelczyk");
        // one unknown word under a letter's sign-off
        assertThat(values("I will send the form tomorrow.\nBest,\nTomasz", EntityTypes.PERSON)).containsExactly("Tomasz");
        assertThat(values("Cheers,\nWrzesniewski\n", EntityTypes.PERSON)).containsExactly("Wrzesniewski");
        assertThat(values("Thanks,\nThe Support Team", EntityTypes.PERSON)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void bankDescriptorsKeepTheirAbbreviationsAndPlacesOutOfNames() {
        assertThat(values("CUSTOMER NAME: ROBERT O'NEILL ACCT 12345678", EntityTypes.PERSON)).containsExactly("ROBERT O'NEILL");
        assertThat(values("ATM WITHDRAWAL NEW YORK NY", EntityTypes.PERSON)).isEmpty();
        assertThat(values("POS DEBIT AUSTIN TX 4411", EntityTypes.PERSON)).isEmpty();
        assertThat(values("Taylor Swift sang.", EntityTypes.PERSON)).containsExactly("Taylor Swift");
    }

    @org.junit.jupiter.api.Test
    void aSurnameInCapitalsBeforeACommaAndAGivenNameIsAName() {
        assertThat(values("Patient: SMITH, JOHN A, DOB 01/02/1960", EntityTypes.PERSON)).containsExactly("SMITH", "JOHN");
        assertThat(values("WARNING, READ THIS", EntityTypes.PERSON)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void coordinatedNamesAreNamesOnceTwoAreKnown() {
        assertThat(values("The founders were Morrison, Okonkwo and Reyes.", EntityTypes.PERSON))
                .containsExactly("Morrison", "Okonkwo", "Reyes");
        assertThat(values("we love rock and roll", EntityTypes.PERSON)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme Corp shipped the order.", "Deliver to 12 Elm Street please.",
            "The Quarterly Report is due on Monday.", "IBM and NASA signed a deal.", "Thank you for your patience.",
            "Please update your account.", "Will you call me in May?", "ERROR: DISK FULL ON SERVER NODE",
            "Version A1234 of the firmware.", "Contact Support Team for help.", "She moved to Georgia last year.",
            "Forrester Research published it.", "Paris is lovely in spring."})
    void ignoresNonNames(String text) {
        assertThat(values(text, EntityTypes.PERSON)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Customer: My Premier Rewards account shows a fee I do not recognise.",
            "Customer: the statement for my Smart Saver account looks wrong.",
            "The portal shows a 404 Page Not Found message since Monday.",
            "The app fails with a 500 Internal Error page after login.",
            "Customer: It says AMZN MKTP on the statement.",
            "I disputed the charge from SQ *ROSE BAKERY yesterday.",
            "The charge from NETFLIX.COM/BILL is not mine.",
            "Customer: the merchant shows as CARTER FUEL 2231.",
            "Temperature 38.2 C. Current medication unchanged.",
            "The recall covers the Tesla Model 3 built in 2021.",
            "GCS on arrival: Glasgow Coma Scale 15, Apgar Score not applicable.",
            "Prior Authorization was denied for the CT scan.",
            "Seen in ED overnight, then admitted.",
    })
    void productAndMerchantPhrasesAreNotPeople(String text) {
        assertThat(values(text, EntityTypes.PERSON)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wells Fargo charged a late fee.", "The claim went to Blue Cross Blue Shield.",
            "Goldman Sachs Bank USA approved the loan.", "Bank of America sent a letter.",
            "She studied at the University of Michigan.", "The Golden Gate Bridge was closed.",
            "I want to close my Roth IRA and move it.", "She applied for a Pell Grant."})
    void organisationsAndLandmarksNamedLikePeopleAreNotPeople(String text) {
        assertThat(values(text, EntityTypes.PERSON)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aCueStillMakesThemNames() {
        assertThat(values("I met Ms. Wells today; Dear Mr. Fargo,", EntityTypes.PERSON)).containsExactly("Wells", "Fargo");
        assertThat(values("Shirley Temple sang.", EntityTypes.PERSON)).containsExactly("Shirley Temple");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The customer lives in Zyrardow now.",          // after a place preposition
            "He works at Zylker since 2019.",
            "The customer reports that the Thermo 3 thermostat fails.", // before a model number
            "The customer says the Quorvex router drops the line.",       // after a determiner
            "IBAN: DE89 3704 0044 0532 0130 00",             // a rare first name in capitals at the start
            "The customer will grant access on Monday.",      // names that are English words need more
    })
    void properNounsThatNameThingsOrPlacesAreNotPeople(String text) {
        assertThat(values(text, EntityTypes.PERSON)).isEmpty();
    }
}
