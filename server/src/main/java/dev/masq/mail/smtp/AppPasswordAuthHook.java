package dev.masq.mail.smtp;

import dev.masq.mail.submission.SubmissionLogins;
import org.apache.james.core.Username;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.AuthHook;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;

/** AUTH PLAIN / LOGIN on the submission port, with app passwords; the session remembers whose they are. */
final class AppPasswordAuthHook implements AuthHook {
    static final ProtocolSession.AttachmentKey<String> USER_ID = ProtocolSession.AttachmentKey.of("masq.user_id", String.class);

    private static final HookResult FAILED = result(HookReturnCode.deny(), "535", "5.7.8 Authentication credentials invalid");
    private static final HookResult LOCKED = result(HookReturnCode.denySoft(), "454",
            "4.7.0 Too many failed logins, try again later");
    private static final HookResult ENCRYPTION_REQUIRED = result(HookReturnCode.deny(), "538", "5.7.11 Encryption required");
    private static final HookResult OK = result(HookReturnCode.ok(), "235", "2.7.0 Authentication successful");

    private final SubmissionLogins logins;

    AppPasswordAuthHook(SubmissionLogins logins) {
        this.logins = logins;
    }

    @Override
    public HookResult doAuth(SMTPSession session, Username username, String password) {
        if (!session.isTLSStarted()) {
            return ENCRYPTION_REQUIRED; // TlsOnlyAuth already refused the command; never trust one layer alone
        }
        String client = session.getRemoteAddress().getAddress().getHostAddress();
        return switch (logins.login(username.asString(), password, client)) {
            case SubmissionLogins.Result.Accepted a -> {
                session.setAttachment(USER_ID, a.userId(), ProtocolSession.State.Connection);
                yield OK;
            }
            case SubmissionLogins.Result.Refused r -> FAILED;
            case SubmissionLogins.Result.Locked l -> LOCKED;
        };
    }

    @Override
    public HookResult doSasl(SMTPSession session, OidcSASLConfiguration configuration, String initialResponse) {
        return FAILED;
    }

    private static HookResult result(HookReturnCode code, String reply, String text) {
        return HookResult.builder().hookReturnCode(code).smtpReturnCode(reply).smtpDescription(text).build();
    }
}
