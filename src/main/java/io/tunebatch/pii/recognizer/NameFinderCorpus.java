package io.tunebatch.pii.recognizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * The training sentences of the PERSON name finder, generated from a seed: hand-written templates
 * (support tickets, bank chats, clinical notes, e-mail, narrative) filled with names drawn from the
 * shipped public-domain lists (most frequent names most often) and a short hand-written list of
 * non-English names, written in title case, capitals or lower case; and as many sentences whose
 * capitalised phrases are not people: products, card descriptors, organisations named after
 * people, streets, places and error pages. Nothing here comes from any benchmark.
 */
public final class NameFinderCorpus {

    private static final String NAMES = "/io/tunebatch/pii/names/";
    static final String PERSON = "person";

    /** {P} a person, {F} a first name alone, {X} a phrase that is not a person. */
    private static final String[] PERSON_TEMPLATES = {
            "{P} writes: I was charged twice for the same order.",
            "Hello {F}, I am sorry about the delay with your refund.",
            "Hi {F}, thanks for your patience.",
            "Thank you, {F}. Your card has been blocked.",
            "Please ask {P} to call the branch back.",
            "The ticket was escalated by {P} on Monday.",
            "Customer {P} reported that the app crashes on login.",
            "Agent {F}: I have reset your password.",
            "Customer: Hi, this is {P} and my card was declined.",
            "My name is {P} and I need help with my account.",
            "{P} called about a missing parcel.",
            "Patient {P} presents with a dry cough for three days.",
            "Dr. {L} reviewed the results with {P}.",
            "Seen by {P}, nurse practitioner.",
            "{F} reports chest pain since yesterday.",
            "Follow-up with {P} in two weeks.",
            "Referred to Dr. {L} for a second opinion.",
            "Kind regards,\n{P}",
            "Best wishes, {P}",
            "Signed: {P}",
            "Dear {P},",
            "Dear Mr. {L}, thank you for your letter.",
            "Dear Ms. {L}, your appointment is confirmed.",
            "{P} and {P} will join the call.",
            "The founders were {P}, {P} and {P}.",
            "{P} lives in a small town near the coast.",
            "{F} moved to another city last year.",
            "I met {P} at the conference.",
            "Yesterday {P} told me the news.",
            "According to {P}, the project is on schedule.",
            "{P} is the account holder.",
            "Beneficiary: {P}",
            "Name: {P}",
            "Contact person: {P}",
            "Cardholder {P} disputed the transaction.",
            "Can you transfer the money to {P} today?",
            "{F}, can you check the invoice?",
            "The report was written by {P} and reviewed by {P}.",
            "Forwarded to {P} for review.",
            "{P} ({F}) will be in the office tomorrow.",
            "We spoke with {F} about the new contract.",
            "The package was signed for by {P}.",
            "Please send the documents to {P} before Friday.",
            "{P} joined the team in March.",
            "Ask for {F} at the front desk.",
            "Meeting notes taken by {P}.",
            "Approved by {P} on behalf of the board.",
            "Tell {F} I said hello.",
            "{P}'s daughter will pick up the prescription.",
            "Emergency contact: {P}, mother.",
            "The caller, {P}, asked about her balance.",
            "{F} and I went to the bank together.",
            "Why did {F} leave so early?",
            "{P} wrote a great review of the product.",
    };

    private static final String[] OTHER_TEMPLATES = {
            "My {X} account statement shows a fee I do not recognise.",
            "It says {X} on my statement.",
            "I see a charge from {X} that I did not make.",
            "The {X} plan costs less than the old one.",
            "The app fails with a 502 {X} page since the update.",
            "The portal shows a {X} message after login.",
            "We ordered supplies from {X} last month.",
            "{X} shipped the replacement yesterday.",
            "The contract with {X} ends in June.",
            "Please deliver to 12 {X} by Friday.",
            "The clinic on {X} is closed on Sundays.",
            "She works at {X} as an analyst.",
            "Open a {X} account online in minutes.",
            "Your {X} card arrives within seven days.",
            "The merchant name is {X}.",
            "Disputed charge: {X}",
            "Error: {X}",
            "The flight to {X} was cancelled.",
            "Our office in {X} is moving.",
            "The Quarterly Report is due in March.",
            "Version 2.4 fixes the Login Screen freeze.",
            "Thank you for contacting Customer Support.",
            "Please update the Billing Address in Account Settings.",
            "The Annual Review and the Board Meeting are next week.",
            "Current medication unchanged; blood pressure stable.",
            "Temp 38.2 C. Current meds: ibuprofen as needed.",
            "Order {X} has shipped.",
            "Welcome to {X}!",
            "The {X} team will contact you.",
    };

    /** Sentences without names, with the numbers, dates and labels of real records around the names. */
    private static final String[] FILLER = {
            "I was charged twice for order {ID}.",
            "The card on file is {NUM}.",
            "The parcel with tracking {NUM} has not arrived.",
            "Please call me back on {PHONE}.",
            "You can reach me at {EMAIL} or {PHONE}.",
            "Customer: How long will that take?",
            "Agent: I'm sorry to hear that, let me look.",
            "Agent: I can help with that. What is the merchant name?",
            "Customer: I don't recognize a charge of {MONEY} on {DATE}.",
            "Intent: dispute a card transaction.",
            "Reply: I have blocked the card and opened a dispute.",
            "Summary: customer asked about a late fee.",
            "Please enable the export option under Settings, and we will ship a fix in the next release.",
            "It shows error 0x{HEX} since {DATE}.",
            "We run version {VERSION} on all devices.",
            "The update to {VERSION} did not help.",
            "Order {ID} was delivered on {DATE}.",
            "The wire of {MONEY} sent on {DATE} is held for review.",
            "Your refund of {MONEY} will arrive within five to seven business days.",
            "Discharged {DATE} on paracetamol 1 g up to four times daily.",
            "BP {NUM}/{NUM}, HR {NUM}, temp 37.{NUM} C.",
            "Diagnosis: mechanical low back pain.",
            "Plan: review in two weeks, sooner if symptoms worsen.",
            "Allergies: none known. Current meds: ibuprofen 400 mg as needed.",
            "SSN {SSN}, e-mail {EMAIL}.",
            "Update my contact details: new e-mail {EMAIL} and mobile {PHONE}.",
            "The agent updated the e-mail and mobile number on all accounts.",
            "Restarting did not help.",
            "Thanks, I will start the application.",
            "For your security please do not share your PIN.",
            "Is there anything else I can help you with?",
            "The invoice {ID} is overdue since {DATE}.",
            "Login fails for about {NUM} of our users.",
            "What is the status of my claim?",
            "Okay, thank you!",
            "Subject: Re: account locked",
            "Ticket {ID} was escalated to the Billing Team.",
            "Meeting moved to {DATE} at 10:30 in Room {NUM}.",
            "My new address is {NUM} Main Street, Springfield.",
            "The balance on {DATE} was {MONEY}.",
    };

    private static final String[] TITLES = {"Mr.", "Mrs.", "Ms.", "Dr.", "Prof."};
    /** Written for this project: given names and surnames from many languages, with their diacritics. */
    private static final String[] WORLD_FIRST = {"José", "François", "Zoë", "Søren", "Łukasz", "Jürgen", "Ngozi",
            "Chidi", "Oluwaseun", "Aiko", "Hiroshi", "Yuki", "Mei", "Wei", "Priya", "Arjun", "Ananya", "Siddharth",
            "Fatima", "Omar", "Yusuf", "Aylin", "Mehmet", "Dragan", "Milica", "Agnieszka", "Wojciech", "Eero",
            "Aino", "Ingrid", "Björn", "Rasmus", "Thandiwe", "Kwame", "Abebe", "Nkechi", "Tomás", "Inés", "Joaquín",
            "Catalina", "Thiago", "Beatriz", "Giulia", "Matteo", "Chiara", "Dmitri", "Svetlana", "Olena", "Bogdan",
            "Nguyen", "Linh", "Minh", "Ji-woo", "Seo-yeon", "Anahí", "Malik", "Leila", "Dariusz", "Zsófia"};
    private static final String[] WORLD_LAST = {"Müller", "Schäfer", "Dubois", "Lefèvre", "Kowalski", "Wiśniewska",
            "Nowak", "Ivanova", "Petrović", "Horváth", "Nakamura", "Tanaka", "Sato", "Zhang", "Wang", "Chen", "Okafor",
            "Adeyemi", "Mensah", "Abebe", "Nguyen", "Tran", "Kim", "Park", "Sharma", "Iyer", "Reddy", "Haddad",
            "Yilmaz", "Demir", "Öztürk", "García", "Fernández", "Gonçalves", "Rossi", "Bianchi", "Esposito",
            "Virtanen", "Johansson", "Lindqvist", "Jensen", "Andersen", "van der Berg", "de Vries", "O'Brien",
            "MacLeod", "Papadopoulos", "Kovács", "Novák", "Dvořák"};
    /** Written for this project: words that make products, descriptors, firms and streets. */
    private static final String[] PRODUCT_WORDS = {"Everyday", "Premier", "Smart", "Gold", "Young", "Golden",
            "Summit", "Liberty", "Freedom", "Royal", "Bright", "Rich", "Student", "Family", "Business", "Travel",
            "Money", "High", "Cash", "Star", "Blue", "Green", "Silver", "Prime", "Select", "Classic", "Elite",
            "Rapid", "Secure", "Easy", "Home", "Power", "Field", "Sync", "Pay", "Team", "Cloud", "Rose", "Hunter",
            "Baker", "Carter", "Mason", "Grant", "Page", "Hope", "Joy", "Victory", "Winter", "Spring", "Frank"};
    private static final String[] PRODUCT_NOUNS = {"Checking", "Savings", "Saver", "Rewards", "Plus", "Market",
            "Plan", "Card", "Max", "Pro", "Premium", "Access", "Bonus", "Yield", "Account", "Cash", "Miles",
            "Points", "Edge", "One", "Desk", "Mate", "Drive", "Link", "Cal", "Hub", "Care", "Guard"};
    private static final String[] FIRM_SUFFIXES = {"LLP", "Inc.", "Ltd", "Group", "Consulting", "Pharmacy",
            "Bakery", "Motors", "Logistics", "Partners", "Foods", "Dental", "& Sons", "Holdings", "Insurance"};
    private static final String[] STREET_SUFFIXES = {"Street", "Avenue", "Road", "Lane", "Drive", "Boulevard"};
    private static final String[] ERRORS = {"Bad Gateway", "Page Not Found", "Service Unavailable",
            "Access Denied", "Internal Server Error", "Gateway Timeout", "Session Expired", "Not Authorized"};
    private static final String[] PLACES = {"Georgia", "Jordan", "Madison", "Austin", "Florence", "Paris",
            "Sydney", "Victoria", "Chelsea", "Lincoln", "Phoenix", "Denver", "Savannah", "Berlin", "Lagos"};

    private final List<String> first;
    private final List<String> commonFirst;
    private final List<String> last;

    private NameFinderCorpus(List<String> first, List<String> commonFirst, List<String> last) {
        this.first = first;
        this.commonFirst = commonFirst;
        this.last = last;
    }

    /** The generator over the shipped name lists. */
    public static NameFinderCorpus fromShippedLists() {
        List<String> census = lines(NAMES + "first-names.txt");
        List<String> all = new ArrayList<>(census);
        all.addAll(lines(NAMES + "ssa-first-names.txt"));
        return new NameFinderCorpus(all, census, lines(NAMES + "last-names.txt"));
    }

    /**
     * {@code count} training documents from {@code seed}, each one to four sentences (a name
     * sentence, a non-person sentence or a record sentence without names), joined by a space or a
     * line break as in a chat; the same arguments give the same documents.
     */
    public List<NameSample> samples(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NameSample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int sentences = 1 + random.nextInt(4);
            StringBuilder template = new StringBuilder();
            for (int k = 0; k < sentences; k++) {
                if (k > 0) {
                    template.append(random.nextInt(3) == 0 ? "\n" : " ");
                }
                int kind = random.nextInt(100);
                template.append(kind < 40 ? pick(random, PERSON_TEMPLATES) : kind < 65 ? pick(random, OTHER_TEMPLATES)
                        : pick(random, FILLER));
            }
            samples.add(fill(template.toString(), random));
        }
        return samples;
    }

    private NameSample fill(String template, SplittableRandom random) {
        int casing = random.nextInt(100);
        StringBuilder text = new StringBuilder();
        List<int[]> names = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 2) {
                text.append(value(template.substring(i + 1, close), random));
                i = close + 1;
            } else if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}') {
                char slot = template.charAt(i + 1);
                String value = switch (slot) {
                    case 'P' -> person(random);
                    case 'F' -> firstName(random);
                    case 'L' -> surname(random);
                    default -> notAPerson(random);
                };
                int start = text.length();
                text.append(value);
                if (slot != 'X') {
                    names.add(new int[] {start, text.length()});
                }
                i += 3;
            } else {
                text.append(c);
                i++;
            }
        }
        // all-caps records and all-lower-case chat: the same sentence with case saying nothing
        String sentence = casing < 8 ? text.toString().toUpperCase(Locale.ROOT)
                : casing < 12 ? text.toString().toLowerCase(Locale.ROOT) : text.toString();
        return sample(sentence, names);
    }

    /** Tokenizes like {@link NameFinderRecognizer} and marks the tokens inside each name. */
    private static NameSample sample(String text, List<int[]> names) {
        Span[] tokens = SimpleTokenizer.INSTANCE.tokenizePos(text);
        String[] words = new String[tokens.length];
        for (int t = 0; t < tokens.length; t++) {
            words[t] = tokens[t].getCoveredText(text).toString();
        }
        List<Span> spans = new ArrayList<>();
        for (int[] name : names) {
            int from = -1;
            int to = -1;
            for (int t = 0; t < tokens.length; t++) {
                if (tokens[t].getStart() >= name[0] && tokens[t].getEnd() <= name[1]) {
                    from = from < 0 ? t : from;
                    to = t + 1;
                }
            }
            if (from >= 0) {
                spans.add(new Span(from, to, PERSON));
            }
        }
        return new NameSample(null, words, spans.toArray(Span[]::new), NameListFeatures.of(words), true);
    }

    /** The numbers, codes and addresses of {@link #FILLER}. */
    private static String value(String slot, SplittableRandom random) {
        return switch (slot) {
            case "NUM" -> Integer.toString(random.nextInt(random.nextBoolean() ? 100 : 100_000));
            case "ID" -> pick(random, new String[] {"PO ", "#", "ORD-2025-", "INV-"}) + (100_000 + random.nextInt(900_000));
            case "PHONE" -> "(" + (200 + random.nextInt(700)) + ") 555-01" + (10 + random.nextInt(90));
            case "EMAIL" -> "user" + random.nextInt(1000) + "@example.com";
            case "MONEY" -> "$" + random.nextInt(10_000) + "." + (10 + random.nextInt(90));
            case "DATE" -> pick(random, new String[] {"2025-03-14", "03/14/2025", "14.03.2025", "March 14, 2025"});
            case "VERSION" -> "v" + random.nextInt(20) + "." + random.nextInt(40) + "." + random.nextInt(60);
            case "HEX" -> Integer.toHexString(0x10000000 + random.nextInt(0x0fffffff)).toUpperCase(Locale.ROOT);
            case "SSN" -> (100 + random.nextInt(600)) + "-" + (10 + random.nextInt(89)) + "-" + (1000 + random.nextInt(8999));
            default -> throw new IllegalArgumentException("unknown slot " + slot);
        };
    }

    private String person(SplittableRandom random) {
        int form = random.nextInt(100);
        if (form < 45) {
            return firstName(random) + " " + surname(random);
        }
        if (form < 60) {
            return firstName(random);
        }
        if (form < 70) {
            return pick(random, TITLES) + " " + surname(random);
        }
        if (form < 78) {
            return firstName(random) + " " + (char) ('A' + random.nextInt(26)) + ". " + surname(random);
        }
        if (form < 84) {
            return firstName(random) + " " + surname(random) + "-" + surname(random);
        }
        if (form < 90) {
            return surname(random);
        }
        return pick(random, WORLD_FIRST) + " " + pick(random, WORLD_LAST);
    }

    private String firstName(SplittableRandom random) {
        int source = random.nextInt(100);
        if (source < 12) {
            return pick(random, WORLD_FIRST);
        }
        return titleCase(frequent(random, source < 70 ? commonFirst : first));
    }

    private String surname(SplittableRandom random) {
        return random.nextInt(100) < 12 ? pick(random, WORLD_LAST) : titleCase(frequent(random, last));
    }

    private String notAPerson(SplittableRandom random) {
        int form = random.nextInt(100);
        if (form < 25) {
            return pick(random, PRODUCT_WORDS) + " " + pick(random, PRODUCT_NOUNS);
        }
        if (form < 40) {
            String descriptor = pick(random, PRODUCT_WORDS) + " " + pick(random, PRODUCT_NOUNS);
            String upper = descriptor.toUpperCase(Locale.ROOT);
            return switch (random.nextInt(4)) {
                case 0 -> "SQ *" + upper;
                case 1 -> pick(random, PRODUCT_WORDS).toUpperCase(Locale.ROOT) + ".COM/BILL";
                case 2 -> upper + " " + (1000 + random.nextInt(9000));
                default -> upper;
            };
        }
        if (form < 60) {
            return titleCase(frequent(random, last)) + " " + pick(random, FIRM_SUFFIXES);
        }
        if (form < 70) {
            return titleCase(frequent(random, last)) + " & " + titleCase(frequent(random, last));
        }
        if (form < 80) {
            return titleCase(frequent(random, random.nextBoolean() ? last : commonFirst)) + " " + pick(random, STREET_SUFFIXES);
        }
        if (form < 90) {
            return pick(random, ERRORS);
        }
        return pick(random, PLACES);
    }

    /** Frequent names more often: the lists are ordered by frequency. */
    private static String frequent(SplittableRandom random, List<String> list) {
        double u = random.nextDouble();
        return list.get((int) (u * u * u * list.size()));
    }

    private static String titleCase(String upper) {
        StringBuilder out = new StringBuilder(upper.length());
        boolean startOfWord = true;
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            out.append(startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
            startOfWord = !Character.isLetter(c);
        }
        return out.toString();
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static List<String> lines(String resource) {
        try (InputStream in = NameFinderCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> words = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.trim();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
