package dev.masq;

import dev.masq.config.Config;
import dev.masq.mail.delivery.DeliveryService;
import dev.masq.mail.forward.ForwardService;
import dev.masq.mail.smtp.SmtpServer;
import dev.masq.web.HttpServer;
import dev.masq.webhook.WebhookWorker;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running masq: the services plus their network edges (HTTP, SMTP) and the background senders. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    public final Services services;
    /** Sends what is queued; whoever commits new deliveries calls {@code services.queued.wake()}. */
    public final DeliveryService delivery;
    public final WebhookWorker webhooks;
    public final ForwardService forward;
    public final SmtpServer smtp;
    public final HttpServer http;

    private App(Services services, DeliveryService delivery, WebhookWorker webhooks, ForwardService forward,
                SmtpServer smtp, HttpServer http) {
        this.services = services;
        this.delivery = delivery;
        this.webhooks = webhooks;
        this.forward = forward;
        this.smtp = smtp;
        this.http = http;
    }

    public static App start(Config config, Clock clock) {
        Services services = new Services(config, clock);
        DeliveryService delivery = new DeliveryService(services);
        WebhookWorker webhooks = new WebhookWorker(services.db, services.webhooks, config.webhook(), clock);
        services.queued.onWake(delivery::wake);
        services.queued.onWake(webhooks::wake);
        ForwardService forward = new ForwardService(services, services.queued::wake);
        SmtpServer smtp = null;
        HttpServer http = null;
        try {
            delivery.start();
            webhooks.start();
            http = HttpServer.start(services, config.httpPort());
            smtp = SmtpServer.start(config, forward);
        } catch (RuntimeException e) {
            if (http != null) {
                http.close();
            }
            webhooks.stop();
            delivery.stop();
            services.close();
            throw e;
        }
        App app = new App(services, delivery, webhooks, forward, smtp, http);
        log.info("masq started: SMTP on {}, HTTP on {}, alias domains {}, data in {}", smtp.port(), http.port(),
                config.domains(), config.dataDir().toAbsolutePath());
        services.signIn.firstRunToken().ifPresent(token -> log.warn(
                "no account exists yet: open {}/setup/{} to create the admin account (the link works once, for a day)",
                app.http.baseUrl(), token));
        return app;
    }

    /** Stops taking mail first, so nothing is accepted that the closing database could not store. */
    @Override
    public void close() {
        smtp.close();
        http.close();
        // Senders before the database: they still write their outcomes to it.
        webhooks.stop();
        delivery.stop();
        services.close();
    }
}
