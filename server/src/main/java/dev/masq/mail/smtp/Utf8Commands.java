package dev.masq.mail.smtp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolTransport;
import org.apache.james.protocols.api.handler.ProtocolHandlerChain;
import org.apache.james.protocols.smtp.SMTPConfiguration;
import org.apache.james.protocols.smtp.SMTPProtocol;
import org.apache.james.protocols.smtp.SMTPSessionImpl;

/**
 * James's SMTP protocol with command lines read as UTF-8 (RFC 6531 §3.3) instead of US-ASCII, which
 * turns every octet beyond ASCII into a replacement character before any handler sees it. An ASCII
 * command reads the same either way.
 */
final class Utf8Commands extends SMTPProtocol {
    Utf8Commands(ProtocolHandlerChain chain, SMTPConfiguration config) {
        super(chain, config);
    }

    @Override
    public ProtocolSession newSession(ProtocolTransport transport) {
        return new SMTPSessionImpl(transport, (SMTPConfiguration) getConfiguration()) {
            @Override
            public Charset getCharset() {
                return StandardCharsets.UTF_8;
            }
        };
    }
}
