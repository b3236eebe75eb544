package io.tunebatch.samples;

import static io.tunebatch.samples.Domain.between;
import static io.tunebatch.samples.Domain.oneOf;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Retail-bank chat transcripts: intent plus a compliant reply, several lines per conversation. */
final class BankChats {

    private static final List<String> INTENT_AND_REPLY = List.of(
            "Identify the customer's intent and draft a compliant reply for the agent.",
            "Label the intent of this chat and write the next agent message.");
    private static final List<String> SUMMARIZE = List.of(
            "Summarize this banking conversation for the case file.",
            "Write a case note for this chat: what the customer wanted and what was done.");

    static final Domain DOMAIN = new Domain("bank-chats",
            List.of(new Domain.SourceSystem("genesys-chat", "GC-"),
                    new Domain.SourceSystem("livechat-archive", "LCA-")),
            List.of(
                    new Template(INTENT_AND_REPLY,
                            "Customer: Hi, I'm {name}. I don't recognize a charge of ${amount} on my card {card} "
                                    + "from {date}.\nAgent: I can help with that. What is the merchant name?\n"
                                    + "Customer: It says {merchant}.",
                            "Intent: dispute a card transaction. Reply: I have blocked the card and opened a "
                                    + "dispute for the ${amount} charge from {merchant}; a replacement card will "
                                    + "arrive within five business days."),
                    new Template(INTENT_AND_REPLY,
                            "Customer: I want to open a savings account. My name is {name}, SSN {ssn}, "
                                    + "phone {phone}.\nAgent {agent_first}: Thanks, I will start the application.",
                            "Intent: open a savings account. Reply: Thank you, {first}. For your security please "
                                    + "do not share your Social Security number in chat; I will send a secure link "
                                    + "where you can finish the application."),
                    new Template(INTENT_AND_REPLY,
                            "Customer: What's the interest rate on the {account}?\nAgent: Let me check that for "
                                    + "you.\nCustomer: And is there a monthly fee?",
                            "Intent: product information. Reply: The {account} currently earns {rate}% APY, and "
                                    + "there is no monthly fee while the balance stays above ${amount}. Rates can "
                                    + "change and are always shown in the app."),
                    new Template(SUMMARIZE,
                            "Customer: I sent a wire of ${amount} on {date}, reference {order}, and it hasn't "
                                    + "arrived.\nAgent: I see it is held for a compliance review.\nCustomer: How "
                                    + "long will that take?",
                            "The customer asked about a ${amount} wire sent on {date} (reference {order}). It is "
                                    + "held for a routine compliance review; the agent explained that reviews "
                                    + "usually finish within two business days."),
                    new Template(SUMMARIZE,
                            "Customer: Please update my contact details: new e-mail {email} and mobile {phone}."
                                    + "\nAgent {agent_first}: I have sent a verification code to the new address."
                                    + "\nCustomer: Got it, the code is {code}.",
                            "Contact details update requested by {name}. A verification code was sent to the new "
                                    + "e-mail address and confirmed in chat, so the agent updated the e-mail and "
                                    + "mobile number on all accounts."),
                    new Template(INTENT_AND_REPLY,
                            "Customer: My {account} statement for {date} shows an unexpected {fee} fee.\n"
                                    + "Agent: I'm sorry to hear that, let me look.",
                            "Intent: fee complaint. Reply: I can see the {fee} fee on your statement. Since this is "
                                    + "the first time it has been charged, I have refunded it as a courtesy, and it "
                                    + "will appear within two business days.")),
            Map.of(
                    "amount", BankChats::dollars,
                    "merchant", oneOf("AMZN MKTP US", "SQ *BLUE BOTTLE", "UBER TRIP", "NETFLIX.COM",
                            "SHELL OIL 5742", "APPLE.COM/BILL"),
                    "account", oneOf("High Yield Savings account", "Everyday Checking account",
                            "12-month CD", "Student Checking account", "Money Market account"),
                    "rate", random -> random.nextInt(5) + "." + PiiValues.padded(random.nextInt(100), 2),
                    "fee", oneOf("overdraft", "foreign transaction", "paper statement", "wire transfer",
                            "monthly maintenance"),
                    "code", between(100000, 999999)),
            List.of("Card blocked.", "Dispute opened.", "Customer redirected to branch.", "Fee refunded.",
                    "Chat ended by customer."));

    private BankChats() {
    }

    /** An amount from 20.00 to 9,999.99 with a thousands comma, as chat users type it. */
    private static String dollars(SplittableRandom random) {
        int whole = 20 + random.nextInt(9980);
        String grouped = whole < 1000 ? Integer.toString(whole) : whole / 1000 + "," + PiiValues.padded(whole % 1000, 3);
        return grouped + "." + PiiValues.padded(random.nextInt(100), 2);
    }
}
