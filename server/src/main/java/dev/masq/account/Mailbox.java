package dev.masq.account;

/** A real inbox of a user: where forwarded mail goes. The address is decrypted only in memory. */
public record Mailbox(String id, String userId, String address, boolean verified, boolean isDefault) {
}
