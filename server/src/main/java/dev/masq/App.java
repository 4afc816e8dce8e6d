package dev.masq;

import dev.masq.config.Config;
import dev.masq.mail.forward.ForwardService;
import dev.masq.mail.smtp.SmtpServer;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running masq: the services plus their network edges (HTTP, SMTP) and the delivery workers. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    public final Services services;
    public final ForwardService forward;
    public final SmtpServer smtp;

    private App(Services services, ForwardService forward, SmtpServer smtp) {
        this.services = services;
        this.forward = forward;
        this.smtp = smtp;
    }

    public static App start(Config config, Clock clock) {
        Services services = new Services(config, clock);
        try {
            // onQueued becomes the delivery workers' wake-up once they run in this process.
            ForwardService forward = new ForwardService(services, () -> { });
            SmtpServer smtp = SmtpServer.start(config, forward);
            App app = new App(services, forward, smtp);
            log.info("masq started: alias domains {}, data in {}", config.domains(), config.dataDir().toAbsolutePath());
            return app;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /** Stops taking mail first, so nothing is accepted that the closing database could not store. */
    @Override
    public void close() {
        smtp.close();
        services.close();
    }
}
