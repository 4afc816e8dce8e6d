package dev.masq.mail.smtp;

import java.util.Optional;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.smtp.SMTPConfiguration;

/**
 * What James asks of its configuration. Implemented directly rather than by extending
 * {@code SMTPConfigurationImpl}, whose size limit is a constant 0 (unlimited, trap 3) and whose base
 * class resolves the machine's own host name in DNS when it is loaded.
 *
 * @param submission the submission port: AUTH offered, and only once TLS is up; the inbound port offers none
 */
record SmtpSettings(String helloName, long maxMessageSize, boolean submission) implements SMTPConfiguration {

    @Override
    public String getHelloName() {
        return helloName;
    }

    @Override
    public String getGreeting() {
        return helloName + " ESMTP masq";
    }

    @Override
    public String getSoftwareName() {
        return "masq";
    }

    @Override
    public long getMaxMessageSize() {
        return maxMessageSize;
    }

    /** Nothing relays here, whatever the client address: the RCPT hook answers for every recipient. */
    @Override
    public boolean isRelayingAllowed(String remoteIP) {
        return false;
    }

    /** The inbound port receives mail for our domains only: there is nothing to log in to. */
    @Override
    public boolean isAuthAnnounced(String remoteIP, boolean tlsStarted) {
        return submission && tlsStarted;
    }

    @Override
    public boolean isPlainAuthEnabled() {
        return submission;
    }

    @Override
    public Optional<OidcSASLConfiguration> saslConfiguration() {
        return Optional.empty();
    }

    @Override
    public boolean useHeloEhloEnforcement() {
        return true;
    }

    @Override
    public boolean useAddressBracketsEnforcement() {
        return true;
    }
}
