package dev.masq.mail.forward;

import dev.masq.account.AccountRepository;
import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasRepository;
import dev.masq.outbox.DeliveryQueue;

/**
 * The repositories the mail that arrives (forwarded, replied, submitted) reads and writes, built once by the
 * composition root: five arguments that always travel together, not a service locator.
 */
public record MailRepositories(AliasRepository aliases, AliasEventRepository events, AccountRepository accounts,
                               ContactRepository contacts, DeliveryQueue queue) {
}
