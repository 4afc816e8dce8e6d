package dev.masq;

import dev.masq.alias.EventExpiry;
import dev.masq.config.Config;
import dev.masq.mail.delivery.DeliveryService;
import dev.masq.mail.forward.ForwardService;
import dev.masq.mail.reply.OutboundMail;
import dev.masq.mail.reply.ReplyService;
import dev.masq.mail.smtp.SmtpServer;
import dev.masq.mail.submission.SubmissionLogins;
import dev.masq.mail.submission.SubmissionService;
import dev.masq.mail.submission.SubmissionTls;
import dev.masq.web.HttpServer;
import dev.masq.webhook.WebhookWorker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running masq: the services plus their network edges (HTTP, SMTP, submission) and the background senders. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    public final Services services;
    /** Sends what is queued; whoever commits new deliveries calls {@code services.queued.wake()}. */
    public final DeliveryService delivery;
    public final WebhookWorker webhooks;
    public final ForwardService forward;
    public final SmtpServer smtp;
    /** Authenticated submission with STARTTLS; {@code submissions} the implicit-TLS one, null unless configured. */
    public final SmtpServer submission;
    public final SmtpServer submissions;
    public final HttpServer http;
    private final EventExpiry eventExpiry;

    private App(Services services, DeliveryService delivery, WebhookWorker webhooks, ForwardService forward,
                List<SmtpServer> smtp, HttpServer http) {
        this.services = services;
        this.delivery = delivery;
        this.webhooks = webhooks;
        this.forward = forward;
        this.smtp = smtp.get(0);
        this.submission = smtp.get(1);
        this.submissions = smtp.size() > 2 ? smtp.get(2) : null;
        this.http = http;
        this.eventExpiry = EventExpiry.start(services.db, services.eventRepository, services.config.eventRetention(), services.clock);
    }

    public static App start(Config config, Clock clock) {
        Services services = new Services(config, clock);
        DeliveryService delivery = new DeliveryService(services);
        WebhookWorker webhooks = new WebhookWorker(services.db, services.webhooks, config.webhook(), clock);
        services.queued.onDeliveries(delivery::wake);
        services.queued.onWebhooks(webhooks::wake);
        ForwardService forward = new ForwardService(services, delivery, services.queued);
        OutboundMail outbound = new OutboundMail(services.aliasRepository, services.accountRepository,
                services.reverseAliasRepository, services.deliveryQueue, services.verp, services.dkim, config.domains(),
                config.deliveryExpiry());
        List<SmtpServer> smtp = new ArrayList<>();
        HttpServer http = null;
        try {
            delivery.start();
            webhooks.start();
            http = HttpServer.start(services, config.httpPort());
            SSLContext tls = SubmissionTls.context(config.sending(), config.dataDir(), config.hostname());
            smtp.add(SmtpServer.inbound(config, tls, forward, new ReplyService(services, forward, outbound, services.queued::deliveries)));
            SubmissionLogins logins = new SubmissionLogins(services.appPasswords, clock);
            SubmissionService submission = new SubmissionService(services, outbound, services.queued::deliveries);
            smtp.add(SmtpServer.submission(config, config.submissionPort(), tls, false, logins, submission));
            if (config.sending().submissionsPort().isPresent()) {
                smtp.add(SmtpServer.submission(config, config.sending().submissionsPort().get(), tls, true, logins, submission));
            }
        } catch (RuntimeException e) {
            smtp.forEach(SmtpServer::close);
            if (http != null) {
                http.close();
            }
            webhooks.stop();
            delivery.stop();
            services.close();
            throw e;
        }
        App app = new App(services, delivery, webhooks, forward, smtp, http);
        log.info("masq started: SMTP on {}, submission on {}, HTTP on {}, alias domains {}, data in {}", app.smtp.port(),
                app.submission.port(), http.port(), config.domains(), config.dataDir().toAbsolutePath());
        services.signIn.firstRunToken().ifPresent(token -> log.warn(
                "no account exists yet: open {}/setup/{} to create the admin account (the link works once, for a day)",
                app.http.baseUrl(), token));
        return app;
    }

    /** Stops taking mail first, so nothing is accepted that the closing database could not store. */
    @Override
    public void close() {
        smtp.close();
        submission.close();
        if (submissions != null) {
            submissions.close();
        }
        http.close();
        eventExpiry.close();
        // Senders before the database: they still write their outcomes to it.
        webhooks.stop();
        delivery.stop();
        services.close();
    }
}
