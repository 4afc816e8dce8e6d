package dev.masq.mail.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import dev.masq.outbox.Delivery;

/**
 * A message made to fit what the next hop offers. 8-bit content goes with {@code BODY=8BITMIME}
 * (RFC 6152) to a hop that offers it and as quoted-printable to one that does not; UTF-8 header
 * fields go as they are to a hop with SMTPUTF8 (RFC 6531, the parameter then comes from Angus, see
 * {@link SmtpSender}) and as encoded words to one without. A UTF-8 envelope address cannot go to a
 * hop without SMTPUTF8 at all: that is a permanent failure, which the owner is told of, never a
 * message sent in a form the hop must refuse.
 */
final class HopFit {
    /** The bytes to send and the MAIL parameter to add, if any. */
    record Fitted(byte[] content, String mailExtension) {
    }

    private HopFit() {
    }

    /** Whether the envelope or the header section is UTF-8 beyond ASCII, so the hop must offer SMTPUTF8. */
    static boolean needsSmtpUtf8(Delivery delivery, byte[] content) {
        return !ascii(delivery.envelopeFrom()) || !ascii(delivery.recipient()) || utf8Headers(content);
    }

    static Fitted fit(Delivery delivery, byte[] content, Predicate<String> offers, Hop hop) throws DeliveryFailure {
        byte[] bytes = content;
        if (!offers.test("SMTPUTF8") && needsSmtpUtf8(delivery, content)) {
            if (!ascii(delivery.envelopeFrom()) || !ascii(delivery.recipient())) {
                throw DeliveryFailure.permanent("SMTPUTF8 not offered", hop
                        + " does not offer SMTPUTF8 (RFC 6531), which an address with characters beyond ASCII needs");
            }
            bytes = EncodedWordHeaders.convert(bytes);
        }
        if (!RawEntity.eightBit(bytes, 0, bytes.length)) {
            return new Fitted(bytes, null);
        }
        return offers.test("8BITMIME") ? new Fitted(bytes, "BODY=8BITMIME") : new Fitted(QuotedPrintableBodies.convert(bytes), null);
    }

    private static boolean utf8Headers(byte[] content) {
        RawEntity e = RawEntity.parse(content);
        int end = e.headerEnd();
        if (!RawEntity.eightBit(content, 0, end)) {
            return false;
        }
        // Octets that are no UTF-8 are legacy 8-bit headers, which SMTPUTF8 neither covers nor helps.
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, 0, end));
            return true;
        } catch (CharacterCodingException x) {
            return false;
        }
    }

    private static boolean ascii(String s) {
        return s.chars().allMatch(c -> c < 128);
    }
}
