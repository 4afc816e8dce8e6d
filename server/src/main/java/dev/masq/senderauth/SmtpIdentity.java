package dev.masq.senderauth;

import java.net.InetAddress;

/**
 * What the SMTP session told about the sender.
 *
 * @param mailFrom the envelope sender without brackets; empty for the null reverse path {@code <>}
 * @param helo     the HELO/EHLO name the client gave
 * @param clientIp the address the client connected from
 */
public record SmtpIdentity(String mailFrom, String helo, InetAddress clientIp) {
}
