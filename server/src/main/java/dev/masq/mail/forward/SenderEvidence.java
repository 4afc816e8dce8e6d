package dev.masq.mail.forward;

import com.google.common.net.InetAddresses;
import dev.masq.senderauth.AuthenticationResults;
import dev.masq.senderauth.SenderAuthentication;
import dev.masq.senderauth.SmtpIdentity;
import dev.masq.senderauth.SpamAssassinClient;
import dev.masq.senderauth.SpamScore;

/**
 * What the network says about a message's sender: SPF, DKIM and DMARC through the configured resolver,
 * and spamd's score when one is configured. Gathered on the session's own thread before the message
 * is stored, never inside the write transaction: DNS and spamd may take seconds.
 *
 * @param spam null when no spamd is configured or it did not answer
 */
record SenderEvidence(AuthenticationResults auth, SpamScore spam) {

    static SenderEvidence gather(InboundMessage message, SenderAuthentication authentication, SpamAssassinClient spamd) {
        AuthenticationResults auth = authentication.authenticate(
                // The session's peer address is an IP literal: no DNS lookup here.
                new SmtpIdentity(message.sender(), message.heloName(), InetAddresses.forString(message.clientAddress())),
                message.content());
        return new SenderEvidence(auth, spamd.score(message.content()).orElse(null));
    }
}
