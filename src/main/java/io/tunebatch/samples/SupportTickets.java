package io.tunebatch.samples;

import static io.tunebatch.samples.Domain.between;
import static io.tunebatch.samples.Domain.oneOf;

import java.util.List;
import java.util.Map;

/** Customer support tickets from a helpdesk export: summaries, triage and draft replies. */
final class SupportTickets {

    private static final List<String> SUMMARIZE = List.of(
            "Summarize the customer's issue in two sentences and propose the next step.",
            "Read the ticket and write a short internal summary with the recommended action.");
    private static final List<String> REPLY = List.of(
            "Draft a polite reply to the customer that resolves or escalates the issue.",
            "Write the agent's response to this ticket. Be concise and empathetic.");
    private static final List<String> TRIAGE = List.of(
            "Classify this ticket by product area and urgency, then explain your reasoning.",
            "Triage the ticket: name the product area, the priority (P1-P4) and the owning team.");

    static final Domain DOMAIN = new Domain("support-tickets",
            List.of(new Domain.SourceSystem("zendesk", "ZD-"), new Domain.SourceSystem("servicenow", "INC")),
            List.of(
                    new Template(SUMMARIZE,
                            "Ticket from {name} <{email}>: {product} stopped working for me after the update to "
                                    + "{version}. It shows {issue}. Order {order} was delivered on {date}. "
                                    + "Please call me back at {phone}.",
                            "The customer reports that {product} fails with {issue} since updating to {version}. "
                                    + "Next step: request the client logs, share the rollback guide and schedule "
                                    + "a callback within one business day."),
                    new Template(TRIAGE,
                            "The dashboard of {product} has shown {issue} since {date} for about {count} of our "
                                    + "users. We run version {version} on {platform}.",
                            "Product area: {product}. Priority: P2, because {count} users are affected but a "
                                    + "workaround exists. Owner: the {team} team, who should confirm whether "
                                    + "{version} introduced the regression."),
                    new Template(REPLY,
                            "{name} writes: I was charged twice for order {order}. The card on file is {card}. "
                                    + "The parcel with tracking {tracking} has not arrived either.",
                            "Hello {first}, I am sorry about the duplicate charge on order {order}. I have asked "
                                    + "billing to reverse the second payment, and you will see the refund within "
                                    + "five to seven business days. Your parcel is in transit and should arrive soon."),
                    new Template(SUMMARIZE,
                            "Where is my package? Tracking {tracking}, ordered on {date}, still not here. "
                                    + "Order {order}, shipping method {shipping}.",
                            "The package for order {order} is delayed at the regional hub. Apologize, share the "
                                    + "new estimated delivery date and offer a refund of the {shipping} fee if it "
                                    + "has not arrived within three days."),
                    new Template(REPLY,
                            "Caller {name} ({phone}) cannot log in to {product}: password reset e-mails to "
                                    + "{email} never arrive. Agent on shift: {agent}.",
                            "Hi {first}, thanks for your patience. I checked our mail logs and found the reset "
                                    + "messages were blocked by a spam filter. I have resent the link and added an "
                                    + "exception, so it should reach you within a few minutes."),
                    new Template(TRIAGE,
                            "Customer ordered the book ISBN {isbn} under order {order} but received a different "
                                    + "edition. Packing slip dated {date}.",
                            "Product area: fulfilment. Priority: P3, no financial loss beyond the wrong item. "
                                    + "Owner: the warehouse team, who should send a free return label and ship "
                                    + "the correct edition with expedited delivery."),
                    new Template(REPLY,
                            "After upgrading {product} to {version} the export to {platform} fails with {issue}. "
                                    + "Restarting did not help.",
                            "Thank you for the detailed report. Version {version} changed the export format for "
                                    + "{platform}; please enable the legacy export option under Settings, and we "
                                    + "will ship a permanent fix in the next patch release.")),
            Map.of(
                    "product", oneOf("SyncDrive", "PayDesk", "the FieldMate app", "the Thermo 3 thermostat",
                            "TeamCal", "the SecureLink VPN client", "the ShopPoint terminal"),
                    "issue", oneOf("error 0x80070005", "a blank screen", "a timeout after 30 seconds",
                            "a 502 Bad Gateway page", "duplicated entries", "an endless loading spinner"),
                    "platform", oneOf("Windows 11", "macOS", "Ubuntu 22.04", "Android", "iOS", "Chrome OS"),
                    "team", oneOf("platform", "payments", "identity", "integrations", "mobile"),
                    "shipping", oneOf("express", "standard", "next-day", "two-day"),
                    "count", between(12, 480)),
            List.of("Resolved.", "Escalated to tier two.", "Refund issued.", "Duplicate ticket, closed.",
                    "Customer informed by phone.", "No action needed."));

    private SupportTickets() {
    }
}
