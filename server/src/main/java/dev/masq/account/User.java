package dev.masq.account;

import java.time.Instant;

public record User(String id, boolean admin, Instant createdAt) {
}
