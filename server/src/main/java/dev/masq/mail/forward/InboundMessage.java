package dev.masq.mail.forward;

import java.util.List;

/**
 * A message as the SMTP edge received it. {@code sender} is the envelope sender, empty for a null
 * reverse-path (bounces); {@code recipients} were each accepted at RCPT time; {@code content} is the
 * message after dot-unstuffing, CRLF line endings.
 */
public record InboundMessage(String sender, List<String> recipients, String heloName, String clientAddress, byte[] content) {
}
