package dev.masq;

import dev.masq.config.Config;
import dev.masq.mail.delivery.DeliveryService;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running masq: the services plus their network edges (HTTP, SMTP) and the delivery workers. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    public final Services services;
    /** Sends what is queued; whoever commits new deliveries calls {@code delivery.wake()}. */
    public final DeliveryService delivery;

    private App(Services services, DeliveryService delivery) {
        this.services = services;
        this.delivery = delivery;
    }

    public static App start(Config config, Clock clock) {
        Services services = new Services(config, clock);
        DeliveryService delivery = new DeliveryService(services);
        delivery.start();
        App app = new App(services, delivery);
        log.info("masq started: alias domains {}, data in {}", config.domains(), config.dataDir().toAbsolutePath());
        return app;
    }

    @Override
    public void close() {
        // Senders first: they still write their outcomes to the database.
        delivery.stop();
        services.close();
    }
}
