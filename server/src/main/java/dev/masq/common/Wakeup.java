package dev.masq.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells the background senders (mail deliveries, webhook calls) that new work was committed, so that
 * whoever queues it need not know who sends it. Call {@link #wake()} after the commit, never inside it:
 * a sender woken early reads the queue before the work is visible.
 */
public final class Wakeup {
    private final List<Runnable> senders = new CopyOnWriteArrayList<>();

    public void onWake(Runnable sender) {
        senders.add(sender);
    }

    /** Cheap: each sender only signals its own scheduler. */
    public void wake() {
        senders.forEach(Runnable::run);
    }
}
