package dev.masq.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings for mail masq sends as an alias: the submission listener's TLS and the DKIM key.
 *
 * @param submissionsPort port for submission over implicit TLS (RFC 8314); empty: no such listener
 * @param tlsCert         PEM certificate chain of the submission ports; empty: a self-signed one in the data dir
 * @param tlsKey          PEM private key matching {@code tlsCert}
 * @param dkimKey         PEM RSA private key that signs outgoing mail for the alias domains; empty: no signing
 * @param dkimSelector    the selector its public key is published under ({@code <selector>._domainkey.<domain>})
 * @param forgeryNoticeWindow at most one "someone tried to send as your alias" notice per alias in this window
 */
public record SendingSettings(Optional<Integer> submissionsPort, Optional<Path> tlsCert, Optional<Path> tlsKey,
                              Optional<Path> dkimKey, String dkimSelector, Duration forgeryNoticeWindow) {

    static SendingSettings from(Config.Settings s) {
        return new SendingSettings(
                s.optional("MASQ_SUBMISSIONS_PORT").map(Integer::parseInt),
                s.optional("MASQ_TLS_CERT").map(Path::of),
                s.optional("MASQ_TLS_KEY").map(Path::of),
                s.optional("MASQ_DKIM_KEY").map(Path::of),
                s.get("MASQ_DKIM_SELECTOR", "masq"),
                s.duration("MASQ_FORGERY_NOTICE_WINDOW", Duration.ofDays(1)));
    }
}
