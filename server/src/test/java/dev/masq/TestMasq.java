package dev.masq;

import dev.masq.account.Mailbox;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.MessagingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masq.account.AccountRepository;
import dev.masq.account.AccountService;
import dev.masq.account.ApiKeyService;
import dev.masq.account.CredentialRepository;
import dev.masq.account.InboxService;
import dev.masq.account.PasskeyRepository;
import dev.masq.account.ServerSettings;
import dev.masq.account.SignInService;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasEvent;
import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasImport;
import dev.masq.alias.AliasRepository;
import dev.masq.alias.AliasService;
import dev.masq.alias.NewAlias;
import dev.masq.block.SenderBlocks;
import dev.masq.common.Wakeup;
import dev.masq.config.Config;
import dev.masq.crypto.Secrets;
import dev.masq.db.Database;
import dev.masq.domain.DomainService;
import dev.masq.leak.GuardService;
import dev.masq.leak.LeakNotices;
import dev.masq.leak.LeakService;
import dev.masq.senderauth.SenderAuthentication;
import dev.masq.mail.Verp;
import dev.masq.outbox.Delivery;
import dev.masq.outbox.DeliveryQueue;
import dev.masq.mail.delivery.DeliveryService;
import dev.masq.mail.forward.ContactRepository;
import dev.masq.mail.reply.ContactService;
import dev.masq.mail.submission.AppPasswords;
import dev.masq.quarantine.PolicyService;
import dev.masq.quarantine.QuarantineService;
import dev.masq.quarantine.QuarantineSweep;
import dev.masq.testing.DownstreamSmtpServer;
import dev.masq.testing.OpenApiContract;
import dev.masq.testing.SmtpClient;
import dev.masq.testing.TestDns;
import dev.masq.webhook.WebhookService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one test fixture: a real masq started from an environment map, as {@code masq serve} starts it (SQLite in
 * {@code dataDir}, every port 0, DNS asked of its own {@link TestDns} so that no test touches public DNS), and a
 * JDK HTTP client speaking to it. It lives in the root package because it reads the graph {@link App} built:
 * tests arrange state and assert through the same services the network edges call.
 * <ul>
 *   <li>{@link #start} the inbound set-up: one user whose inbox is {@link #INBOX}, nothing delivered from the
 *   queue (the inbound tests read the queue itself), refused recipients answered at once;</li>
 *   <li>{@link #startEmpty} no user yet and the senders running, as an operator's first start;</li>
 *   <li>{@link #offline} the service layer alone, with no edge listening, as the command line uses it.</li>
 * </ul>
 */
public final class TestMasq implements AutoCloseable {
    public static final String INBOX = "person@inbox.test";
    /** The password of every {@link #user} made here: long enough for the policy, typed as a person would. */
    public static final String PASSWORD = "correct horse battery staple";
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INBOX_TOKEN = Pattern.compile("/inboxes/verify/(\\S+)");

    public final TestDns dns;
    /** The user whose inbox is {@link #INBOX}; null unless started with {@link #start}. */
    public final String userId;
    private final App app;
    private final Core core;
    private final HttpClient client = HttpClient.newHttpClient();
    /** A data directory this fixture made for itself, removed again on {@link #close}; null when the test owns it. */
    private Path ownDir;

    private TestMasq(App app, Core core, TestDns dns, boolean withUser) {
        this.app = app;
        this.core = core;
        this.dns = dns;
        this.userId = withUser ? core.accounts.addUser(INBOX, false).id() : null;
    }

    public static TestMasq start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** {@link #start(Path, Map)} in a data directory of its own, gone after {@link #close}: a field initialiser's fixture. */
    public static TestMasq start(Map<String, String> env) {
        Path dir = newDataDir();
        return start(dir, env).owning(dir);
    }

    /**
     * The inbound set-up forwarding to {@code inbox}, where openai.com publishes SPF for the test client's address
     * and a strict DMARC policy: the world the leak and breach tests send OpenAI's mail and its imitations in.
     */
    public static TestMasq forwardingTo(Path dataDir, DownstreamSmtpServer inbox) {
        TestMasq masq = start(dataDir, Map.of("MASQ_RELAY", inbox.hostPort(), "MASQ_DELIVERY_STARTTLS", "false",
                "MASQ_DELIVERY_CONCURRENCY", "4"));
        masq.dns.txt("openai.com", "v=spf1 ip4:127.0.0.1 -all").txt("_dmarc.openai.com", "v=DMARC1; p=reject");
        return masq;
    }

    /** {@link #startEmpty(Path, Map)} in a data directory of its own, gone after {@link #close}. */
    public static TestMasq startEmpty(Map<String, String> env) {
        Path dir = newDataDir();
        return startEmpty(dir, env).owning(dir);
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("masq-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestMasq owning(Path dir) {
        this.ownDir = dir;
        return this;
    }

    /** The inbound set-up, with {@code env} on top of the fixture's settings. */
    public static TestMasq start(Path dataDir, Map<String, String> env) {
        return start(dataDir, env, Clock.systemUTC());
    }

    /** The inbound set-up on {@code clock}, for tests of what happens days later. */
    public static TestMasq start(Path dataDir, Map<String, String> env, Clock clock) {
        Map<String, String> inbound = new HashMap<>(Map.of(
                "MASQ_HOSTNAME", "mx.mask.test",
                // The inbound tests read the durable queue itself, so nothing here may deliver from it.
                "MASQ_DELIVERY_CONCURRENCY", "0",
                // Refused recipients past the soft limit are answered late; tests of that delay set their own.
                "MASQ_SMTP_ERROR_DELAY", "0ms"));
        inbound.putAll(env);
        TestDns dns = startDns();
        App app = App.start(config(dataDir, dns, inbound), clock);
        return new TestMasq(app, app.core, dns, true);
    }

    /** No user yet, the senders running; {@code env} on top of the ports, domains and DNS of the fixture. */
    public static TestMasq startEmpty(Path dataDir, Map<String, String> env) {
        TestDns dns = startDns();
        App app = App.start(config(dataDir, dns, env), Clock.systemUTC());
        return new TestMasq(app, app.core, dns, false);
    }

    /** The database, repositories and services over {@code dataDir} on {@code clock}, with nothing listening. */
    public static TestMasq offline(Path dataDir, Map<String, String> env, Clock clock) {
        TestDns dns = startDns();
        return new TestMasq(null, new Core(config(dataDir, dns, env), clock), dns, false);
    }

    private static Config config(Path dataDir, TestDns dns, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of(
                "MASQ_DNS", dns.hostPort(),
                "MASQ_DATA_DIR", dataDir.toString(),
                "MASQ_SMTP_PORT", "0",
                "MASQ_SUBMISSION_PORT", "0",
                "MASQ_HTTP_PORT", "0",
                "MASQ_DOMAINS", "mask.test,other.test"));
        all.putAll(env);
        return Config.from(all);
    }

    private static TestDns startDns() {
        try {
            return TestDns.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Where the edges listen.

    public int smtpPort() {
        return running().smtpPort();
    }

    public int submissionPort() {
        return running().submissionPort();
    }

    /** The implicit-TLS submission port; the test must have set {@code MASQ_SUBMISSIONS_PORT}. */
    public int submissionsPort() {
        return running().submissionsPort().orElseThrow();
    }

    public int httpPort() {
        return running().httpPort();
    }

    /** The base URL, {@code http://localhost:PORT} unless the test set one (WebAuthn refuses IP addresses). */
    public String base() {
        return running().baseUrl();
    }

    public List<String> routes() {
        return running().routes();
    }

    public SmtpClient open() {
        return SmtpClient.open(smtpPort());
    }

    private App running() {
        if (app == null) {
            throw new IllegalStateException("an offline masq has no network edges");
        }
        return app;
    }

    // Arranging state the way the real services do.

    /** An active alias {@code localPart@mask.test} forwarding to {@link #INBOX}. */
    public Alias alias(String localPart) {
        return alias(localPart, null, null);
    }

    /** {@code localPart@mask.test}, given to {@code vendor} at {@code site}. */
    public Alias alias(String localPart, String vendor, String site) {
        return core.aliases.create(userId, new NewAlias(NewAlias.AddressMode.CUSTOM, localPart, null, vendor, site, null));
    }

    /** Adds {@code address} as an inbox of the fixture's user and follows its confirmation link; returns its id. */
    public String confirmedInbox(String address) {
        Mailbox added = core.inboxes.add(userId, address);
        Delivery mail = takeQueued().stream().filter(d -> d.recipient().equals(address)).findFirst().orElseThrow();
        String text = new String(mail.content(), StandardCharsets.US_ASCII);
        byte[] body = text.substring(text.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.US_ASCII);
        try (InputStream decoded = MimeUtility.decode(new ByteArrayInputStream(body), "quoted-printable")) {
            Matcher token = INBOX_TOKEN.matcher(new String(decoded.readAllBytes(), StandardCharsets.UTF_8));
            if (!token.find()) {
                throw new AssertionError("no confirmation link in the mail to " + address);
            }
            core.inboxes.verify(token.group(1));
        } catch (IOException | MessagingException e) {
            throw new AssertionError(e);
        }
        return added.id();
    }

    public Alias reload(Alias alias) {
        return core.aliases.get(userId, alias.id());
    }

    public List<AliasEvent> events(Alias alias) {
        return core.aliases.events(userId, alias.id(), 100);
    }

    /** A new user with a fresh API key; returns the key. */
    public String userWithKey(String email) {
        core.accounts.addUser(email, false);
        return core.apiKeys.create(email, "test").secret();
    }

    /** A user made the way an operator does ({@code user add}) who has then chosen {@link #PASSWORD}; returns the id. */
    public String user(String email, boolean admin) {
        String id = core.accounts.addUser(email, admin).id();
        core.signIn.changePassword(id, PASSWORD);
        return id;
    }

    /** Every queued delivery, decrypted (leased, so a second call returns only newer ones). */
    public List<Delivery> takeQueued() {
        Instant later = Instant.now().plus(Duration.ofDays(365));
        return core.db.write(ctx -> core.deliveryQueue.claimDue(ctx, later, later.plusSeconds(60), 10_000));
    }

    public int queueSize() {
        return core.db.read(ctx -> core.deliveryQueue.size(ctx));
    }

    // The services and repositories tests arrange state and assert through, as the edges call them.

    public Config config() {
        return core.config;
    }

    public Clock clock() {
        return core.clock;
    }

    public Secrets secrets() {
        return core.secrets;
    }

    public Database db() {
        return core.db;
    }

    public Wakeup queued() {
        return core.queued;
    }

    public AccountService accounts() {
        return core.accounts;
    }

    public ApiKeyService apiKeys() {
        return core.apiKeys;
    }

    public SignInService signIn() {
        return core.signIn;
    }

    public ServerSettings serverSettings() {
        return core.serverSettings;
    }

    public InboxService inboxes() {
        return core.inboxes;
    }

    public AliasService aliases() {
        return core.aliases;
    }

    public AliasImport aliasImport() {
        return core.aliasImport;
    }

    public ContactService contacts() {
        return core.contacts;
    }

    public AppPasswords appPasswords() {
        return core.appPasswords;
    }

    public SenderBlocks senderBlocks() {
        return core.senderBlocks;
    }

    public LeakService leaks() {
        return core.leaks;
    }

    public LeakNotices leakNotices() {
        return core.leakNotices;
    }

    public SenderAuthentication senderAuthentication() {
        return core.senderAuthentication;
    }

    public WebhookService webhooks() {
        return core.webhooks;
    }

    public DomainService domains() {
        return core.domains;
    }

    /** Runs the daily check of users' domains now; returns how many fail it. */
    public int recheckDomains() {
        return running().domainRecheck.runOnce();
    }

    public Verp verp() {
        return core.verp;
    }

    public DeliveryQueue deliveryQueue() {
        return core.deliveryQueue;
    }

    public PolicyService policies() {
        return core.policies;
    }

    public GuardService guards() {
        return core.guards;
    }

    public QuarantineService quarantine() {
        return core.quarantined;
    }

    /** Quarantine expiry and digest, for the tests to run at a time of their choosing. */
    public QuarantineSweep quarantineSweep() {
        return running().quarantineSweep;
    }

    /** The senders themselves, for the tests of their in-memory budget. */
    public DeliveryService delivery() {
        return running().delivery;
    }

    public AccountRepository accountRepository() {
        return core.accountRepository;
    }

    public AliasRepository aliasRepository() {
        return core.aliasRepository;
    }

    public AliasEventRepository eventRepository() {
        return core.eventRepository;
    }

    public ContactRepository contactRepository() {
        return core.contactRepository;
    }

    public CredentialRepository credentialRepository() {
        return core.credentialRepository;
    }

    public PasskeyRepository passkeyRepository() {
        return core.passkeyRepository;
    }

    // Speaking HTTP to it.

    public Reply send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            // Every answer is held to openapi.json, so the document cannot drift from the server.
            return new Reply(OpenApiContract.verified(client.send(request.build(), HttpResponse.BodyHandlers.ofString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST of raw bytes ({@code contentType} as given: a CSV, a multipart form), held to the document like any other. */
    public Reply upload(String key, String path, String contentType, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + key).header("Content-Type", contentType).build();
        try {
            return new Reply(OpenApiContract.verified(client.send(request, HttpResponse.BodyHandlers.ofString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply call(String key, String method, String path, String body) {
        return send(method, path, key == null ? Map.of() : Map.of("Authorization", "Bearer " + key), body);
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        } else {
            core.close();
        }
        dns.close();
        if (ownDir != null) {
            try (Stream<Path> files = Files.walk(ownDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public record Reply(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + response.body();
        }
    }
}
