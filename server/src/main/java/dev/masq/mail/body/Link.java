package dev.masq.mail.body;

/**
 * A link in a message: what the reader sees and the host it really leads to.
 *
 * @param text the visible text (for a bare URL in plain text, the URL itself)
 * @param host the lower-case host of the http(s) target
 */
public record Link(String text, String host) {
}
