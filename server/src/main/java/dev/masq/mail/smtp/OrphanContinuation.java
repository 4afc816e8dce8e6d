package dev.masq.mail.smtp;

import dev.masq.mail.forward.HeaderBlock;
import java.util.Arrays;

/**
 * Folded lines in front of the first header field, as a gateway that cut off the first line of a
 * trace field leaves them. They continue no field, so the header section would end at once and every
 * real field go on as body text (From and Subject shown in the body, the copy's own From rebuilt
 * from the envelope); MTAs drop them, and so do we, when real fields follow.
 */
final class OrphanContinuation {
    private OrphanContinuation() {
    }

    /** {@code message} without its leading folded lines if header fields follow them; else {@code message} itself. */
    static byte[] strip(byte[] message) {
        int pos = 0;
        while (pos < message.length && (message[pos] == ' ' || message[pos] == '\t')) {
            int lf = pos;
            while (lf < message.length && message[lf] != '\n') {
                lf++;
            }
            if (lf == message.length) {
                return message;
            }
            pos = lf + 1;
        }
        if (pos == 0) {
            return message;
        }
        byte[] rest = Arrays.copyOfRange(message, pos, message.length);
        // A message of body text alone may start indented: that text stays.
        return HeaderBlock.parse(rest).isEmpty() ? message : rest;
    }
}
