package dev.masq;

import dev.masq.api.AliasHandlers;
import dev.masq.api.ApiRoutes;
import dev.masq.api.ApiAuth;
import dev.masq.api.AppPasswordHandlers;
import dev.masq.api.BlockHandlers;
import dev.masq.api.ContactHandlers;
import dev.masq.api.DomainHandlers;
import dev.masq.api.DomainRoutes;
import dev.masq.api.DefenceRoutes;
import dev.masq.api.GuardHandlers;
import dev.masq.api.QuarantineHandlers;
import dev.masq.api.VendorHandlers;
import dev.masq.api.VerdictPolicyHandlers;
import dev.masq.api.LeakHandlers;
import dev.masq.api.OpenApi;
import dev.masq.api.AddyHandlers;
import dev.masq.api.AliasDomains;
import dev.masq.api.AliasInboxViews;
import dev.masq.api.SignedSuffixes;
import dev.masq.api.SimpleLoginAccount;
import dev.masq.api.ApiDocs;
import dev.masq.api.ExportHandlers;
import dev.masq.api.ImportHandlers;
import dev.masq.api.PortabilityRoutes;
import dev.masq.api.SimpleLoginHandlers;
import dev.masq.api.WebhookHandlers;
import dev.masq.api.jmap.JmapRoutes;
import dev.masq.alias.EventExpiry;
import dev.masq.domain.DomainRecheck;
import dev.masq.config.Config;
import dev.masq.mail.delivery.DeliveryService;
import dev.masq.mail.forward.ForwardService;
import dev.masq.mail.forward.MailRepositories;
import dev.masq.mail.reply.OutboundMail;
import dev.masq.mail.reply.ReplyService;
import dev.masq.mail.smtp.SmtpServer;
import dev.masq.mail.submission.SubmissionLogins;
import dev.masq.mail.submission.SubmissionService;
import dev.masq.mail.submission.SubmissionTls;
import dev.masq.web.AccountPages;
import dev.masq.web.ActionPages;
import dev.masq.web.AdminPages;
import dev.masq.web.AliasDetailPages;
import dev.masq.web.AliasPages;
import dev.masq.web.AppPasswordPages;
import dev.masq.web.DomainPages;
import dev.masq.web.DefencePages;
import dev.masq.http.HttpServer;
import dev.masq.web.InboxMailThrottle;
import dev.masq.web.InboxPages;
import dev.masq.web.ImportPages;
import dev.masq.web.ImportRoutes;
import dev.masq.web.KeyPages;
import dev.masq.web.LeakPages;
import dev.masq.web.LinkPages;
import dev.masq.web.PasskeyPages;
import dev.masq.http.Cors;
import dev.masq.http.RateLimiter;
import dev.masq.web.WebRoutes;
import dev.masq.web.SecurityPages;
import dev.masq.web.SettingsPages;
import dev.masq.web.SignUpPages;
import dev.masq.web.SignUpThrottle;
import dev.masq.web.WebGate;
import dev.masq.quarantine.QuarantineSweep;
import dev.masq.webhook.WebhookWorker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.OptionalInt;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: a running masq. It builds every object once ({@link Core} the persistence and service
 * layer, then the mail pipeline, the background senders and the network edges), hands each constructor exactly
 * the collaborators it calls, and closes them in order. Nothing outside this package sees the graph: the public
 * accessors are only where the edges listen, for Main's log line, the operator and the tests.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    /** Package-private: the test fixture arranges state and asserts through the same services the edges call. */
    final Core core;
    /**
     * Sends what is queued; whoever commits new deliveries calls {@code core.queued.deliveries()}. Package-private
     * for the fixture's tests of the senders' in-memory budget.
     */
    final DeliveryService delivery;
    private final WebhookWorker webhooks;
    private final SmtpServer smtp;
    /** Authenticated submission with STARTTLS; {@code submissions} the implicit-TLS one, null unless configured. */
    private final SmtpServer submission;
    private final SmtpServer submissions;
    private final HttpServer http;
    private final EventExpiry eventExpiry;
    /** Package-private: the fixture runs the daily check of users' domains when a test says the day has come. */
    final DomainRecheck domainRecheck;
    /** Package-private: tests run its expiry and digest at a time of their choosing. */
    final QuarantineSweep quarantineSweep;

    private App(Core core, DeliveryService delivery, WebhookWorker webhooks, List<SmtpServer> smtp, HttpServer http) {
        this.core = core;
        this.delivery = delivery;
        this.webhooks = webhooks;
        this.smtp = smtp.get(0);
        this.submission = smtp.get(1);
        this.submissions = smtp.size() > 2 ? smtp.get(2) : null;
        this.http = http;
        this.eventExpiry = EventExpiry.start(core.db, core.eventRepository, core.config.eventRetention(), core.clock);
        this.domainRecheck = new DomainRecheck(core.db, core.domainRepository, core.domainVerifier, core.domainNotices,
                core.clock, core.queued::deliveries).start(core.config.userDomains().recheckInterval());
        this.quarantineSweep = new QuarantineSweep(core.db, core.quarantine, core.policyRepository, core.accountRepository,
                core.deliveryQueue, new QuarantineSweep.DigestMail(core.config.domains().getFirst(), core.config.hostname(),
                core.config.deliveryExpiry()), core.clock, core.queued::deliveries);
        quarantineSweep.start();
    }

    public static App start(Config config, Clock clock) {
        Core core = new Core(config, clock);
        MailRepositories repositories = new MailRepositories(core.aliasRepository, core.eventRepository,
                core.accountRepository, core.contactRepository, core.deliveryQueue);
        DeliveryService delivery = new DeliveryService(config, core.db, core.deliveryQueue, core.aliasRepository,
                core.accountRepository, core.eventRepository, core.dkim, clock);
        WebhookWorker webhooks = new WebhookWorker(core.db, core.webhooks, config.webhook(), clock);
        core.queued.onDeliveries(delivery::wake);
        core.queued.onWebhooks(webhooks::wake);
        ForwardService forward = new ForwardService(config, core.db, repositories, core.verp, core.dkim, core.senderBlocks,
                core.senderAuthentication, core.spamAssassin, core.leaks, core.leakNotices, core.catchAll,
                new ForwardService.Holding(core.policies, core.quarantine), clock, delivery, core.queued);
        OutboundMail outbound = new OutboundMail(core.aliasRepository, core.accountRepository,
                core.contactRepository, core.deliveryQueue, core.verp, core.dkim, config.domains(),
                config.deliveryExpiry());
        List<SmtpServer> smtp = new ArrayList<>();
        HttpServer http = null;
        // Alias creation over the API and over every dialect (SimpleLogin, JMAP) shares one rate per owner.
        RateLimiter creations = new RateLimiter(config.apiAliasRate(), Duration.ofMinutes(1), clock);
        // One gate for every page: it loads the session before each request.
        WebGate gate = new WebGate(core.sessions, core.signIn, core.secrets, config.baseUrl().startsWith("https:"));
        try {
            delivery.start();
            webhooks.start();
            ApiAuth apiAuth = new ApiAuth(core.apiKeys);
            http = HttpServer.start(List.of(new Cors(Set.copyOf(config.cors().origins())), api(core, apiAuth, creations),
                    new DomainRoutes(apiAuth, new DomainHandlers(core.domains)), defence(core, apiAuth), new ApiDocs(),
                    portability(core, apiAuth), jmap(core, apiAuth, creations), pages(core, gate),
                    new DomainPages(core.domains, gate, config.domains()), new ImportRoutes(gate, new ImportPages(core.imports))),
                    core.publicUrl, config.httpPort());
            SSLContext tls = SubmissionTls.context(config.sending(), config.dataDir(), config.hostname());
            ReplyService replies = new ReplyService(config, core.db, repositories, core.senderAuthentication,
                    outbound, clock, core.queued::deliveries);
            smtp.add(SmtpServer.inbound(config, tls, forward, replies));
            SubmissionLogins logins = new SubmissionLogins(core.appPasswords, clock);
            SubmissionService submission = new SubmissionService(core.db, repositories, outbound, config.domains(), clock,
                    core.queued::deliveries);
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
            core.close();
            throw e;
        }
        App app = new App(core, delivery, webhooks, smtp, http);
        log.info("masq started: SMTP on {}, submission on {}, HTTP on {}, alias domains {}, data in {}", app.smtp.port(),
                app.submission.port(), http.port(), config.domains(), config.dataDir().toAbsolutePath());
        core.signIn.firstRunToken().ifPresent(token -> log.warn(
                "no account exists yet: open {}/setup/{} to create the admin account (the link works once, for a day)",
                app.http.baseUrl(), token));
        return app;
    }

    /** The handlers of the API and of the SimpleLogin and addy.io dialects. */
    private static ApiRoutes api(Core c, ApiAuth auth, RateLimiter creations) {
        AliasDomains domains = new AliasDomains(c.config.domains(), c.domains);
        SignedSuffixes suffixes = new SignedSuffixes(c.secrets, c.clock);
        AliasInboxViews inboxViews = new AliasInboxViews(c.aliasInboxes, c.inboxes);
        return new ApiRoutes(
                auth,
                new AliasHandlers(c.db, c.aliases, c.leaks, c.senderBlocks, c.aliasInboxes, creations),
                new LeakHandlers(c.aliases, c.leaks, c.senderBlocks, c.aliasInboxes),
                new BlockHandlers(c.senderBlocks),
                new ContactHandlers(c.contacts),
                new AppPasswordHandlers(c.appPasswords),
                new WebhookHandlers(c.webhooks),
                new AddyHandlers(c.db, c.aliases, c.aliasInboxes, c.inboxes, inboxViews, c.signIn, domains, creations),
                new SimpleLoginHandlers(c.db, c.aliases, c.aliasInboxes, inboxViews, c.contacts, suffixes, creations),
                new SimpleLoginAccount(c.signIn, c.inboxes, c.aliases, c.apiKeys, domains, suffixes),
                new OpenApi());
    }

    /** The verdict policy, quarantine and canary identifiers over the API. */
    private static DefenceRoutes defence(Core c, ApiAuth auth) {
        return new DefenceRoutes(auth, new VerdictPolicyHandlers(c.policies),
                new QuarantineHandlers(c.quarantined), new GuardHandlers(c.guards), new VendorHandlers(c.vendors, c.guards));
    }

    /** Export and import of whole accounts over the API. */
    private static PortabilityRoutes portability(Core c, ApiAuth auth) {
        return new PortabilityRoutes(auth, new ExportHandlers(c.accountExport), new ImportHandlers(c.imports));
    }

    /** Fastmail's MaskedEmail over JMAP, with the same keys and the same creation rate as the API. */
    private static JmapRoutes jmap(Core c, ApiAuth auth, RateLimiter creations) {
        return new JmapRoutes(auth, c.signIn, c.publicUrl, c.db, c.aliases, creations);
    }

    /** The web pages, all behind one gate that reads the session cookie, and the pages of leak-notice links. */
    private static WebRoutes pages(Core c, WebGate gate) {
        return new WebRoutes(
                gate,
                new ActionPages(c.leakActions),
                new LinkPages(c.signIn, gate),
                new AccountPages(c.signIn, c.sessions, gate, AccountPages.signInThrottle(c.secrets, c.clock)),
                new PasskeyPages(c.passkeys, c.signIn, c.sessions, gate),
                new SignUpPages(c.signUp, new SignUpThrottle(c.config.signUp(), c.secrets, c.clock)),
                new AdminPages(c.signIn, c.serverSettings, c.publicUrl),
                new AliasPages(c.aliases, c.leaks, c.config.domains(), c.domains),
                new AliasDetailPages(c.aliases, c.leaks, c.inboxes, c.aliasInboxes, c.contacts, c.quarantined, c.guards,
                        c.policies),
                new InboxPages(c.inboxes, c.aliasInboxes, new InboxMailThrottle(c.secrets, c.clock)),
                new LeakPages(c.aliases, c.leaks, c.vendors, c.clock),
                new SecurityPages(c.signIn, c.secondFactors, c.recoveryCodes, c.passkeys, c.sessions, gate),
                new SettingsPages(c.signIn, c.accountExport, c.accountDeletion, c.inboxes, c.webhooks,
                        gate, c.config.domains()),
                new KeyPages(c.apiKeys),
                new AppPasswordPages(c.appPasswords, new AppPasswordPages.Submission(c.config.hostname(),
                        c.config.submissionPort(), c.config.sending().submissionsPort().orElse(null))),
                new DefencePages(c.policies, c.guards, c.vendors));
    }

    /** The port inbound SMTP listens on: {@code MASQ_SMTP_PORT}, or the one picked for 0. */
    public int smtpPort() {
        return smtp.port();
    }

    /** The port of submission with STARTTLS ({@code MASQ_SUBMISSION_PORT}, or the one picked for 0). */
    public int submissionPort() {
        return submission.port();
    }

    /** The port of implicit-TLS submission, empty unless {@code MASQ_SUBMISSIONS_PORT} is set. */
    public OptionalInt submissionsPort() {
        return submissions == null ? OptionalInt.empty() : OptionalInt.of(submissions.port());
    }

    /** The port HTTP listens on ({@code MASQ_HTTP_PORT}, or the one picked for 0). */
    public int httpPort() {
        return http.port();
    }

    /** Where people reach this server, with the bound port filled in when it was 0. */
    public String baseUrl() {
        return http.baseUrl();
    }

    /** Every HTTP endpoint as {@code "GET /api/v1/aliases"}: the OpenAPI test holds the document to them. */
    public List<String> routes() {
        return http.routes();
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
        domainRecheck.close();
        quarantineSweep.close();
        // Senders before the database: they still write their outcomes to it.
        webhooks.stop();
        delivery.stop();
        core.close();
    }
}
