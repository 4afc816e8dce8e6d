package dev.masq;

import dev.masq.alias.AccountDeletion;
import dev.masq.portability.AccountExport;
import dev.masq.portability.AccountImport;
import dev.masq.portability.ImportJobs;
import dev.masq.account.AccountMail;
import dev.masq.account.AccountRepository;
import dev.masq.account.AccountService;
import dev.masq.account.ApiKeyRepository;
import dev.masq.account.ApiKeyService;
import dev.masq.account.ChallengeRepository;
import dev.masq.account.CredentialRepository;
import dev.masq.account.InboxService;
import dev.masq.account.LinkRepository;
import dev.masq.account.LinkService;
import dev.masq.account.PasskeyRepository;
import dev.masq.account.PasskeyService;
import dev.masq.account.PasswordHasher;
import dev.masq.account.RecoveryCodes;
import dev.masq.account.SecondFactors;
import dev.masq.account.ServerSettings;
import dev.masq.account.SessionRepository;
import dev.masq.account.SessionService;
import dev.masq.account.SignInService;
import dev.masq.account.SignUpService;
import dev.masq.alias.AddressGenerator;
import dev.masq.alias.AliasInboxes;
import dev.masq.alias.AliasMailboxRepository;
import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasImport;
import dev.masq.alias.AliasRepository;
import dev.masq.alias.AliasService;
import dev.masq.block.SenderBlocks;
import dev.masq.common.Wakeup;
import dev.masq.config.Config;
import dev.masq.config.PublicUrl;
import dev.masq.crypto.Secrets;
import dev.masq.db.Database;
import dev.masq.domain.CatchAll;
import dev.masq.domain.DkimKeys;
import dev.masq.domain.DomainNotices;
import dev.masq.domain.DomainRepository;
import dev.masq.domain.DomainService;
import dev.masq.domain.DomainVerifier;
import dev.masq.senderauth.DnsLookup;
import dev.masq.leak.ActionLinks;
import dev.masq.leak.GuardRepository;
import dev.masq.leak.GuardService;
import dev.masq.leak.LeakActions;
import dev.masq.leak.LeakNotices;
import dev.masq.leak.LeakPolicy;
import dev.masq.leak.LeakRepository;
import dev.masq.leak.LeakService;
import dev.masq.senderauth.SenderAuthentication;
import dev.masq.senderauth.SpamAssassinClient;
import dev.masq.leak.VendorService;
import dev.masq.leak.VerdictClassifier;
import dev.masq.mail.DkimSigning;
import dev.masq.mail.Verp;
import dev.masq.outbox.DeliveryQueue;
import dev.masq.mail.forward.ContactRepository;
import dev.masq.mail.reply.ContactService;
import dev.masq.mail.submission.AppPasswordRepository;
import dev.masq.mail.submission.AppPasswords;
import dev.masq.quarantine.PolicyRepository;
import dev.masq.quarantine.PolicyService;
import dev.masq.quarantine.Quarantine;
import dev.masq.quarantine.QuarantineService;
import dev.masq.webhook.WebhookService;
import java.time.Clock;

/**
 * The persistence and service layer behind the network edges: the database, repositories and services,
 * each built once. Package-private: only the composition root ({@link App}, and {@link Main}'s offline
 * commands) reads its fields; everything else is handed exactly the collaborators it calls.
 */
final class Core implements AutoCloseable {
    final Config config;
    final Clock clock;
    /** Where people reach this server: links in mail, and the WebAuthn origin. */
    final PublicUrl publicUrl;
    final Secrets secrets;
    final Database db;
    final AccountRepository accountRepository;
    final AliasRepository aliasRepository;
    final AliasEventRepository eventRepository;
    final DeliveryQueue deliveryQueue;
    final ContactRepository contactRepository;
    final Verp verp;
    /** Signs what leaves as an alias domain: forwarded copies and mail sent as an alias. */
    final DkimSigning dkim;
    final AccountService accounts;
    final ApiKeyService apiKeys;
    final AliasService aliases;
    final AliasImport aliasImport;
    final SenderAuthentication senderAuthentication;
    final SpamAssassinClient spamAssassin;
    final LeakService leaks;
    final CredentialRepository credentialRepository;
    final PasskeyRepository passkeyRepository;
    final ServerSettings serverSettings;
    final LinkService links;
    final SessionService sessions;
    final SignInService signIn;
    final RecoveryCodes recoveryCodes;
    final SecondFactors secondFactors;
    final AccountDeletion accountDeletion;
    /** Whoever commits deliveries or webhook calls wakes their senders through this, after the commit. */
    final Wakeup queued = new Wakeup();
    final WebhookService webhooks;
    /** The SMTP pipeline calls {@code enqueue} when {@code LeakService.record} returns true. */
    final LeakNotices leakNotices;
    final LeakActions leakActions;
    /** The SMTP pipeline asks {@code isBlocked} at RCPT and after DATA. */
    final SenderBlocks senderBlocks;
    final PasskeyService passkeys;
    final InboxService inboxes;
    final AliasInboxes aliasInboxes;
    final SignUpService signUp;
    final ContactService contacts;
    final AppPasswords appPasswords;
    final DomainRepository domainRepository;
    /** Users' own domains and subdomains of ours; alias creation asks it which domains a user may use. */
    final DomainService domains;
    final DomainVerifier domainVerifier;
    final DomainNotices domainNotices;
    /** The intake asks it about unknown addresses on users' domains, and makes their aliases. */
    final CatchAll catchAll;
    final GuardService guards;
    final VendorService vendors;
    final PolicyRepository policyRepository;
    final PolicyService policies;
    /** The SMTP pipeline seals held copies through this; the API lists, releases and deletes them. */
    final Quarantine quarantine;
    final QuarantineService quarantined;
    final AccountExport accountExport;
    /** Imports of SimpleLogin, addy.io and masq exports, run in the background and polled. */
    final ImportJobs imports;

    Core(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.publicUrl = new PublicUrl(config.baseUrl());
        this.secrets = Secrets.fromKeyFileOrEnv(config.dataDir(), config.key());
        this.db = Database.openSqlite(config.dataDir().resolve("masq.db"));
        this.accountRepository = new AccountRepository(secrets);
        this.aliasRepository = new AliasRepository(secrets);
        this.eventRepository = new AliasEventRepository(secrets);
        this.deliveryQueue = new DeliveryQueue(secrets);
        this.contactRepository = new ContactRepository(secrets);
        this.verp = new Verp(secrets);
        this.domainRepository = new DomainRepository();
        this.dkim = DkimSigning.from(config.sending().dkimKey(), config.sending().dkimSelector(), config.domains(),
                new DkimKeys(db, domainRepository, secrets));
        this.domainVerifier = new DomainVerifier(DnsLookup.uncached(config.dns(), config.leak().dnsTimeout()), config.hostname());
        this.domains = new DomainService(db, domainRepository, aliasRepository, eventRepository, domainVerifier, secrets,
                config.domains(), config.userDomains(), config.hostname(), clock);
        this.domainNotices = new DomainNotices(accountRepository, deliveryQueue, config.domains().getFirst(),
                config.hostname(), config.deliveryExpiry());
        this.accounts = new AccountService(db, accountRepository, clock);
        this.apiKeys = new ApiKeyService(db, new ApiKeyRepository(), accountRepository, clock);
        this.webhooks = new WebhookService(db, secrets, config.webhook().allowPrivate(), config.dns(), clock);
        LeakRepository leakRepository = new LeakRepository();
        GuardRepository guardRepository = new GuardRepository(secrets);
        ActionLinks actionLinks = new ActionLinks(secrets, config.baseUrl());
        this.leakNotices = new LeakNotices(leakRepository, accountRepository, deliveryQueue, actionLinks,
                webhooks, config.deliveryExpiry(), config.hostname());
        AddressGenerator generator = new AddressGenerator();
        this.aliases = new AliasService(db, aliasRepository, eventRepository, accountRepository,
                generator, config.domains(), domains, clock, leakNotices, queued);
        this.catchAll = new CatchAll(db, domainRepository, aliasRepository, eventRepository, accountRepository, generator,
                domainNotices, config.userDomains().catchAllDailyLimit(), clock, queued::deliveries);
        this.aliasImport = new AliasImport(db, aliasRepository, eventRepository, accountRepository, generator, config.domains(), clock);
        this.senderAuthentication = new SenderAuthentication(config.dns(), config.leak().dnsTimeout(), config.hostname());
        this.spamAssassin = SpamAssassinClient.from(config.leak());
        this.credentialRepository = new CredentialRepository(secrets);
        this.passkeyRepository = new PasskeyRepository();
        this.serverSettings = new ServerSettings(db);
        this.links = new LinkService(db, new LinkRepository(), clock);
        this.sessions = new SessionService(db, new SessionRepository(), clock);
        this.signIn = new SignInService(db, accounts, accountRepository, credentialRepository, passkeyRepository, links,
                serverSettings, new PasswordHasher(), clock);
        this.recoveryCodes = new RecoveryCodes(db, credentialRepository);
        this.secondFactors = new SecondFactors(db, credentialRepository, recoveryCodes, secrets, clock);
        this.accountDeletion = new AccountDeletion(db, aliasRepository, credentialRepository, clock);
        this.leaks = new LeakService(db, leakRepository, guardRepository, eventRepository, new VerdictClassifier(),
                LeakPolicy.from(config.leak()), clock, leakNotices, queued);
        this.leakActions = new LeakActions(db, actionLinks, leakRepository, eventRepository, aliases, clock, queued);
        this.senderBlocks = new SenderBlocks(db, secrets, clock);
        AccountMail mail = new AccountMail(deliveryQueue, queued::deliveries, config.domains().getFirst(), config.hostname(),
                config.deliveryExpiry(), clock);
        this.inboxes = new InboxService(db, accountRepository, credentialRepository, links, mail, publicUrl, clock);
        this.aliasInboxes = new AliasInboxes(db, accountRepository, aliasRepository, new AliasMailboxRepository());
        this.signUp = new SignUpService(db, accountRepository, credentialRepository, links, mail, serverSettings, publicUrl, clock);
        this.passkeys = new PasskeyService(db, passkeyRepository, new ChallengeRepository(), serverSettings, clock, publicUrl::uri);
        this.contacts = new ContactService(db, accountRepository, aliasRepository, contactRepository, config.domains(), clock);
        this.appPasswords = new AppPasswords(db, new AppPasswordRepository(), accountRepository, clock);
        this.guards = new GuardService(db, leakRepository, guardRepository, clock);
        this.vendors = new VendorService(db, guardRepository, aliases, leaks);
        this.policyRepository = new PolicyRepository();
        this.policies = new PolicyService(db, policyRepository, aliasRepository);
        this.quarantine = new Quarantine(secrets);
        this.quarantined = new QuarantineService(db, quarantine, deliveryQueue, aliasRepository, eventRepository,
                config.deliveryExpiry(), clock, queued::deliveries);
        this.accountExport = new AccountExport(signIn, inboxes, aliases, aliasInboxes, leaks, senderBlocks, contacts, apiKeys,
                sessions, domains, clock);
        this.imports = new ImportJobs(new AccountImport(db, aliasImport, inboxes, senderBlocks, leaks, contacts), clock);
    }

    @Override
    public void close() {
        signUp.close();
        db.close();
    }
}
