package dev.masq.mail.smtp;

import dev.masq.mail.forward.ForwardService;
import dev.masq.mail.forward.Recipient;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every RCPT (DESIGN §4). It must never decline: when all RCPT hooks decline, James accepts
 * the recipient. Paused aliases and bounces to our VERP addresses are accepted here and sorted out
 * after DATA.
 */
final class AliasRcptHook implements RcptHook {
    private static final Logger log = LoggerFactory.getLogger(AliasRcptHook.class);
    private static final HookResult RELAY_DENIED = HookReplies.deny(SMTPRetCode.MAILBOX_PERM_UNAVAILABLE, "5.7.1 Relaying denied");
    private static final HookResult NO_SUCH_USER = HookReplies.deny(SMTPRetCode.MAILBOX_PERM_UNAVAILABLE, "5.1.1 No such user here");
    private static final HookResult SENDER_REFUSED = HookReplies.deny(SMTPRetCode.MAILBOX_PERM_UNAVAILABLE, "5.7.1 Delivery not authorized, message refused");
    private static final HookResult CATCH_ALL_FULL = HookReplies.denySoft(SMTPRetCode.LOCAL_ERROR,
            "4.7.1 Too many new addresses on this domain today, try again later");
    private static final HookResult TRY_LATER = HookReplies.denySoft(SMTPRetCode.LOCAL_ERROR, "4.3.0 Temporary lookup failure, try again later");

    private final ForwardService forward;

    AliasRcptHook(ForwardService forward) {
        this.forward = forward;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        try {
            return switch (forward.check(InternationalAddresses.text(sender), InternationalAddresses.text(rcpt))) {
                case Recipient.Foreign f -> RELAY_DENIED;
                case Recipient.Unknown u -> NO_SUCH_USER;
                case Recipient.Burned b -> NO_SUCH_USER;
                case Recipient.SenderBlocked b -> SENDER_REFUSED;
                case Recipient.ToAlias a -> HookResult.OK;
                case Recipient.Bounce b -> HookResult.OK;
                case Recipient.CatchAll c -> HookResult.OK;
                case Recipient.CatchAllFull f -> CATCH_ALL_FULL;
                case Recipient.ToPostmaster p -> HookResult.OK;
                // A stranger is told what an unknown address gets, lest the answer show which reverse aliases exist.
                case Recipient.ToReverseAlias r -> r.fromOwner() ? HookResult.OK : NO_SUCH_USER;
            };
        } catch (RuntimeException e) {
            log.error("recipient lookup failed for {}", rcpt.asString(), e);
            return TRY_LATER;
        }
    }

}
