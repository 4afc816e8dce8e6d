package dev.masq.mail.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.apache.james.protocols.api.BaseRequest;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.AuthCmdHandler;

/**
 * James's AUTH command, refused until TLS is up (trap 4): James takes AUTH PLAIN on a plain connection,
 * and by the time a hook could say no, the password has crossed the network in clear. Refused at the
 * AUTH line itself, before any prompt could invite the password.
 *
 * <p>The credentials are checked for form before James sees them: James takes an empty or undecodable
 * user name for an internal error ({@code 451}, and a stack trace in the log). An app password acts only as its
 * own user: AUTH PLAIN naming another authorization identity is refused (RFC 4616 leaves that to the server;
 * masq has no proxy users), and a session signed in once may not sign in again as someone else.
 */
final class TlsOnlyAuth extends AuthCmdHandler {
    private static final Response ENCRYPTION_REQUIRED =
            new SMTPResponse(SMTPRetCode.AUTH_ENCRYPTION_REQUIRED, "5.7.11 Encryption required: issue STARTTLS first").immutable();
    private static final Response MALFORMED = new SMTPResponse(SMTPRetCode.SYNTAX_ERROR_ARGUMENTS,
            "5.5.2 Cannot decode the credentials: base64 of a user name and a password expected").immutable();
    private static final Response ABORTED =
            new SMTPResponse(SMTPRetCode.SYNTAX_ERROR_ARGUMENTS, "5.7.0 Authentication aborted").immutable();
    private static final Response ALREADY_AUTHENTICATED =
            new SMTPResponse(SMTPRetCode.BAD_SEQUENCE, "5.5.1 Already authenticated").immutable();
    private static final Response OTHER_IDENTITY = new SMTPResponse(SMTPRetCode.AUTH_FAILED,
            "5.7.8 An app password acts only as its own user: leave the authorization identity empty").immutable();
    private static final Response USERNAME_PROMPT = new SMTPResponse(SMTPRetCode.AUTH_READY, "VXNlcm5hbWU6").immutable();
    private static final Response PLAIN_PROMPT = new SMTPResponse(SMTPRetCode.AUTH_READY, "").immutable();
    private static final String LOGIN = "LOGIN";
    private static final String PLAIN = "PLAIN";

    @Override
    public Response onCommand(SMTPSession session, Request request) {
        if (!session.isTLSStarted()) {
            return ENCRYPTION_REQUIRED;
        }
        if (session.getAttachment(AppPasswordAuthHook.USER_ID, ProtocolSession.State.Connection).isPresent()) {
            return ALREADY_AUTHENTICATED;
        }
        String argument = request.getArgument();
        if (argument == null || session.getUsername() != null) {
            return super.onCommand(session, request);
        }
        String[] parts = argument.trim().split(" ", 2);
        String mechanism = parts[0].toUpperCase(Locale.ROOT);
        if (!mechanism.equals(LOGIN) && !mechanism.equals(PLAIN)) {
            return super.onCommand(session, request);
        }
        if (parts.length == 2) {
            return authenticate(session, mechanism, parts[1].trim());
        }
        session.pushLineHandler(new LineHandler<SMTPSession>() {
            @Override
            public Response onLine(SMTPSession session, byte[] line) {
                session.popLineHandler();
                String answer = new String(line, StandardCharsets.US_ASCII).trim();
                return answer.equals("*") ? ABORTED : authenticate(session, mechanism, answer);
            }
        });
        return mechanism.equals(LOGIN) ? USERNAME_PROMPT : PLAIN_PROMPT;
    }

    /** James's exchange from here on, with the first answer given as the initial response. */
    private Response authenticate(SMTPSession session, String mechanism, String initialResponse) {
        if (mechanism.equals(LOGIN) ? !isUserName(initialResponse) : !isPlain(initialResponse)) {
            return MALFORMED;
        }
        if (mechanism.equals(PLAIN) && !actsAsItself(initialResponse)) {
            return OTHER_IDENTITY;
        }
        return super.onCommand(session, new BaseRequest("AUTH", mechanism + " " + initialResponse));
    }

    private static boolean isUserName(String base64) {
        String user = decode(base64);
        return user != null && !user.isBlank();
    }

    /** RFC 4616: optional authorization id, then user name and password, each after a NUL. */
    private static boolean isPlain(String base64) {
        String message = decode(base64);
        if (message == null) {
            return false;
        }
        String[] fields = message.split("\0", -1);
        return fields.length == 3 && !fields[1].isBlank() && !fields[2].isEmpty();
    }

    /** An empty authorization identity, or the user name itself. */
    private static boolean actsAsItself(String base64) {
        String[] fields = decode(base64).split("\0", -1);
        return fields[0].isEmpty() || fields[0].equalsIgnoreCase(fields[1]);
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
