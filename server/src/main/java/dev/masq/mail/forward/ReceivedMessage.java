package dev.masq.mail.forward;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message after DATA as the pipeline carries it from intake through verdicts, copies and the
 * reply relay: the envelope as received, its header block parsed once, who wrote it, what the network
 * says about its sender, and what each of its recipients is, resolved once for this message.
 *
 * @param evidence   null when leak detection is off or no recipient is an alias (nothing to judge)
 * @param recipients each distinct envelope recipient (lower case, in envelope order) and what it is;
 *                   empty for a message that {@link #loops() loops}, which goes nowhere
 */
public record ReceivedMessage(InboundMessage envelope, HeaderBlock headers, Senders senders, SenderEvidence evidence,
                              Map<String, Recipient> recipients) {

    /** More trace headers than any sane path has: the message is going round in circles. */
    private static final int MAX_HOPS = 30;

    public ReceivedMessage {
        recipients = Collections.unmodifiableMap(new LinkedHashMap<>(recipients));
    }

    public boolean loops() {
        return headers.count("Received") > MAX_HOPS;
    }

    /** The author's address, null when the message names no one. */
    String author() {
        return senders.author() == null ? null : senders.author().address();
    }
}
