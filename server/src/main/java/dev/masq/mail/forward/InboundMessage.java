package dev.masq.mail.forward;

import java.util.List;

/**
 * A message as the SMTP edge received it. {@code sender} is the envelope sender, empty for a null
 * reverse-path (bounces); {@code recipients} were each accepted at RCPT time; {@code content} is the
 * message after dot-unstuffing, CRLF line endings. {@code protocol} is how it came, as the
 * {@code with} keyword of a {@code Received} line says it ({@code ESMTPS}, {@code UTF8SMTP}, ...).
 */
public record InboundMessage(String sender, List<String> recipients, String heloName, String clientAddress, String protocol,
                             byte[] content) {
}
