package dev.masq.mail.smtp;

import java.util.Optional;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.smtp.SMTPConfiguration;

/**
 * What James asks of its configuration. Implemented directly rather than by extending
 * {@code SMTPConfigurationImpl}, whose size limit is a constant 0 (unlimited, trap 3) and whose base
 * class resolves the machine's own host name in DNS when it is loaded.
 */
record SmtpSettings(String helloName, long maxMessageSize) implements SMTPConfiguration {

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

    /** This port receives mail for our domains only; there is nothing to log in to. */
    @Override
    public boolean isAuthAnnounced(String remoteIP, boolean tlsStarted) {
        return false;
    }

    @Override
    public boolean isPlainAuthEnabled() {
        return false;
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
