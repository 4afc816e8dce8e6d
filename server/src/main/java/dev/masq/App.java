package dev.masq;

import dev.masq.config.Config;
import dev.masq.web.HttpServer;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running masq: the services plus their network edges (HTTP, SMTP) and the delivery workers. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    public final Services services;
    public final HttpServer http;

    private App(Services services, HttpServer http) {
        this.services = services;
        this.http = http;
    }

    public static App start(Config config, Clock clock) {
        Services services = new Services(config, clock);
        HttpServer http;
        try {
            http = HttpServer.start(services, config.httpPort());
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        App app = new App(services, http);
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
        services.close();
    }
}
