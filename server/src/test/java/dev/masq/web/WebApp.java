package dev.masq.web;

import dev.masq.App;
import dev.masq.config.Config;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A real masq on free ports over a temp data dir, reached as {@code http://localhost:PORT} (WebAuthn refuses IP addresses). */
final class WebApp implements AutoCloseable {
    /** The password of every test user: long enough for the policy, typed as a person would. */
    static final String PASSWORD = "correct horse battery staple";

    final App app;

    WebApp(Path dataDir, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(Map.of(
                "MASQ_DATA_DIR", dataDir.toString(),
                "MASQ_DOMAINS", "mask.test,other.test",
                "MASQ_HTTP_PORT", "0",
                "MASQ_SMTP_PORT", "0",
                "MASQ_SUBMISSION_PORT", "0"));
        env.putAll(extraEnv);
        this.app = App.start(Config.from(env), Clock.systemUTC());
    }

    /** A user made the way an operator does ({@code user add}) who has then chosen {@link #PASSWORD}; returns the id. */
    String user(String email, boolean admin) {
        String id = app.services.accounts.addUser(email, admin).id();
        app.services.signIn.changePassword(id, PASSWORD);
        return id;
    }

    String base() {
        return app.http.baseUrl();
    }

    @Override
    public void close() {
        app.close();
    }
}
