package dev.masq;

import dev.masq.config.Config;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running masq: the services plus their network edges (HTTP, SMTP) and the delivery workers. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    public final Services services;

    private App(Services services) {
        this.services = services;
    }

    public static App start(Config config, Clock clock) {
        Services services = new Services(config, clock);
        App app = new App(services);
        log.info("masq started: alias domains {}, data in {}", config.domains(), config.dataDir().toAbsolutePath());
        return app;
    }

    @Override
    public void close() {
        services.close();
    }
}
