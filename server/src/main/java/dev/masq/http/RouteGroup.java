package dev.masq.http;

import io.javalin.config.RoutesConfig;

/** One feature's routes (the JSON API, the web pages), registered on the server in the order given. */
@FunctionalInterface
public interface RouteGroup {
    void register(RoutesConfig routes);
}
