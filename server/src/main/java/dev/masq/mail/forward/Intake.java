package dev.masq.mail.forward;

import dev.masq.outbox.Delivery;
import java.util.ArrayList;
import java.util.List;

/**
 * What storing one message did, gathered inside its write: the copies to hand straight to the
 * senders (and the room reserved for them), and whether anything was left for the queue's senders or
 * a leak notice was queued, so that the right ones are woken after the commit.
 */
final class Intake {
    final List<Delivery> direct = new ArrayList<>();
    long reservedBytes;
    boolean queued;
    boolean leakNoticed;
}
