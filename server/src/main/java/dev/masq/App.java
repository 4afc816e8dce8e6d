package dev.masq;

import dev.masq.config.Config;
import dev.masq.mail.delivery.DeliveryService;
import dev.masq.web.HttpServer;
import dev.masq.webhook.WebhookWorker;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running masq: the services plus their network edges (HTTP, SMTP) and the delivery workers. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    public final Services services;
    /** Sends what is queued; whoever commits new deliveries calls {@code services.queued.wake()}. */
    public final DeliveryService delivery;
    public final WebhookWorker webhooks;
    public final HttpServer http;

    private App(Services services, DeliveryService delivery, WebhookWorker webhooks, HttpServer http) {
        this.services = services;
        this.delivery = delivery;
        this.webhooks = webhooks;
        this.http = http;
    }

    public static App start(Config config, Clock clock) {
        Services services = new Services(config, clock);
        DeliveryService delivery = new DeliveryService(services);
        WebhookWorker webhooks = new WebhookWorker(services.db, services.webhooks, config.webhook(), clock);
        services.queued.onWake(delivery::wake);
        services.queued.onWake(webhooks::wake);
        HttpServer http;
        try {
            delivery.start();
            webhooks.start();
            http = HttpServer.start(services, config.httpPort());
        } catch (RuntimeException e) {
            webhooks.stop();
            delivery.stop();
            services.close();
            throw e;
        }
        App app = new App(services, delivery, webhooks, http);
        log.info("masq started: HTTP on {}, alias domains {}, data in {}", http.port(), config.domains(),
                config.dataDir().toAbsolutePath());
        services.signIn.firstRunToken().ifPresent(token -> log.warn(
                "no account exists yet: open {}/setup/{} to create the admin account (the link works once, for a day)",
                http.baseUrl(), token));
        return app;
    }

    @Override
    public void close() {
        http.close();
        // Senders before the database: they still write their outcomes to it.
        webhooks.stop();
        delivery.stop();
        services.close();
    }
}
