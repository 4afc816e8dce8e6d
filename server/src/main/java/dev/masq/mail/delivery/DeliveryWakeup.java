package dev.masq.mail.delivery;

/**
 * How code that queues mail tells the delivery workers at once, rather than at their next poll. The services that
 * queue are built before the workers, so the workers connect themselves here when they are made.
 */
public final class DeliveryWakeup implements Runnable {
    private volatile Runnable target = () -> { };

    void connect(Runnable wake) {
        this.target = wake;
    }

    /** Call after the transaction that queued the deliveries has committed. */
    @Override
    public void run() {
        target.run();
    }
}
