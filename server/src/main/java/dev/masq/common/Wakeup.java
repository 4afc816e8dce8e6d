package dev.masq.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells the background senders that new work was committed, so that whoever queues it need not know
 * who sends it: {@link #deliveries()} after queuing mail, {@link #wake()} after queuing mail and
 * webhook calls. Call them after the commit, never inside it: a sender woken early reads its queue
 * before the work is visible.
 */
public final class Wakeup {
    private final List<Runnable> mailSenders = new CopyOnWriteArrayList<>();
    private final List<Runnable> webhookSenders = new CopyOnWriteArrayList<>();

    public void onDeliveries(Runnable sender) {
        mailSenders.add(sender);
    }

    public void onWebhooks(Runnable sender) {
        webhookSenders.add(sender);
    }

    /** Mail was queued. Cheap: each sender only signals its own scheduler. */
    public void deliveries() {
        mailSenders.forEach(Runnable::run);
    }

    /** Mail and webhook calls may have been queued. */
    public void wake() {
        deliveries();
        webhookSenders.forEach(Runnable::run);
    }
}
