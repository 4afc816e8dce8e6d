package dev.masq.mail.forward;

import com.google.common.net.InetAddresses;
import dev.masq.leak.MessageClues;
import dev.masq.mail.EmailAddress;
import dev.masq.mail.body.BodyText;
import dev.masq.senderauth.AuthenticationResults;
import dev.masq.senderauth.Domains;
import dev.masq.senderauth.SenderAuthentication;
import dev.masq.senderauth.SmtpIdentity;
import dev.masq.senderauth.SpamAssassinClient;
import dev.masq.senderauth.SpamScore;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the network says about a message's sender: SPF, DKIM and DMARC through the configured resolver,
 * and spamd's score when one is configured; and what the message says of itself (display name, Reply-To,
 * subject and text) for the checks the domains miss. Gathered on the session's own thread before the message
 * is stored, never inside the write transaction: DNS and spamd may take seconds.
 *
 * @param spam null when no spamd is configured or it did not answer
 */
record SenderEvidence(AuthenticationResults auth, SpamScore spam, MessageClues clues) {

    static SenderEvidence gather(InboundMessage message, HeaderBlock headers, Senders senders,
                                 SenderAuthentication authentication, SpamAssassinClient spamd) {
        AuthenticationResults auth = authentication.authenticate(
                // The session's peer address is an IP literal: no DNS lookup here.
                new SmtpIdentity(message.sender(), message.heloName(), InetAddresses.forString(message.clientAddress())),
                message.content());
        return new SenderEvidence(auth, spamd.score(message.content()).orElse(null), clues(message, headers, senders));
    }

    private static MessageClues clues(InboundMessage message, HeaderBlock headers, Senders senders) {
        HeaderBlock.Field replyTo = headers.first("Reply-To");
        List<String> replyDomains = replyTo == null ? List.of() : senders.replyTo().stream()
                .map(c -> EmailAddress.parseInternational(c.address()).flatMap(a -> Domains.normalize(a.domain())))
                .flatMap(Optional::stream).toList();
        // Decoded once, and only if a check needs it: most mail has no canary to look for and claims no vendor.
        Supplier<BodyText> body = new Supplier<>() {
            private BodyText text;

            @Override
            public synchronized BodyText get() {
                if (text == null) {
                    text = BodyText.of(message.content());
                }
                return text;
            }
        };
        return new MessageClues(senders.author() == null ? null : senders.author().name(), replyDomains,
                Subjects.decoded(headers), body);
    }
}
