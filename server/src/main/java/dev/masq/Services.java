package dev.masq;

import dev.masq.account.AccountRepository;
import dev.masq.account.AccountService;
import dev.masq.account.ApiKeyRepository;
import dev.masq.account.ApiKeyService;
import dev.masq.alias.AddressGenerator;
import dev.masq.alias.AliasEventRepository;
import dev.masq.alias.AliasRepository;
import dev.masq.alias.AliasService;
import dev.masq.config.Config;
import dev.masq.crypto.Secrets;
import dev.masq.db.Database;
import dev.masq.mail.Verp;
import dev.masq.mail.delivery.DeliveryQueue;
import dev.masq.mail.forward.ReverseAliasRepository;
import java.time.Clock;

/** The object graph behind the network edges: the database, repositories and services. */
public final class Services implements AutoCloseable {
    public final Config config;
    public final Clock clock;
    public final Secrets secrets;
    public final Database db;
    public final AccountRepository accountRepository;
    public final AliasRepository aliasRepository;
    public final AliasEventRepository eventRepository;
    public final DeliveryQueue deliveryQueue;
    public final ReverseAliasRepository reverseAliasRepository;
    public final Verp verp;
    public final AccountService accounts;
    public final ApiKeyService apiKeys;
    public final AliasService aliases;

    public Services(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.secrets = Secrets.fromKeyFileOrEnv(config.dataDir(), config.key());
        this.db = Database.openSqlite(config.dataDir().resolve("masq.db"));
        this.accountRepository = new AccountRepository(secrets);
        this.aliasRepository = new AliasRepository(secrets);
        this.eventRepository = new AliasEventRepository(secrets);
        this.deliveryQueue = new DeliveryQueue(secrets);
        this.reverseAliasRepository = new ReverseAliasRepository(secrets);
        this.verp = new Verp(secrets);
        this.accounts = new AccountService(db, accountRepository, clock);
        this.apiKeys = new ApiKeyService(db, new ApiKeyRepository(), accountRepository, clock);
        this.aliases = new AliasService(db, aliasRepository, eventRepository, accountRepository,
                new AddressGenerator(), config.domains(), clock);
    }

    @Override
    public void close() {
        db.close();
    }
}
