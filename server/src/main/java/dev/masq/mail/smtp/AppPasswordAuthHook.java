package dev.masq.mail.smtp;

import dev.masq.mail.submission.SubmissionLogins;
import org.apache.james.core.Username;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.AuthHook;
import org.apache.james.protocols.smtp.hook.HookResult;

/** AUTH PLAIN / LOGIN on the submission port, with app passwords; the session remembers whose they are. */
final class AppPasswordAuthHook implements AuthHook {
    static final ProtocolSession.AttachmentKey<String> USER_ID = ProtocolSession.AttachmentKey.of("masq.user_id", String.class);

    private static final HookResult FAILED = HookReplies.deny(SMTPRetCode.AUTH_FAILED, "5.7.8 Authentication credentials invalid");
    private static final HookResult LOCKED = HookReplies.denySoft(SMTPRetCode.AUTH_TEMPORARY_ERROR,
            "4.7.0 Too many failed logins, try again later");
    private static final HookResult ENCRYPTION_REQUIRED = HookReplies.deny(SMTPRetCode.AUTH_ENCRYPTION_REQUIRED, "5.7.11 Encryption required");
    private static final HookResult OK = HookReplies.ok(SMTPRetCode.AUTH_OK, "2.7.0 Authentication successful");

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

}
