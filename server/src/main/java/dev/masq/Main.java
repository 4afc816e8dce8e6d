package dev.masq;

import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.config.Config;
import dev.masq.portability.ImportFormat;
import dev.masq.portability.ImportJob;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "masq", mixinStandardHelpOptions = true,
        description = "Self-hosted email aliases: forward, watch for leaks, burn.",
        subcommands = {Main.Serve.class, Main.UserCommand.class, Main.ApiKeyCommand.class, Main.AliasCommand.class})
public final class Main implements Callable<Integer> {
    private final Map<String, String> env;

    public Main(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The command line over {@code env}: tests pass their own environment and capture its out and err writers. */
    public static CommandLine commandLine(Map<String, String> env) {
        return new CommandLine(new Main(env)).setExecutionExceptionHandler(Main::report);
    }

    /** An operator's mistake (bad address, unknown user) is one line on stderr and exit 2, never a stack trace. */
    private static int report(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        cmd.getErr().println("error: " + e.getMessage());
        if (e instanceof IllegalArgumentException || e instanceof InvalidInputException || e instanceof NotFoundException) {
            return 2;
        }
        LoggerFactory.getLogger(Main.class).error("{} failed", cmd.getCommandName(), e);
        return 1;
    }

    @Override
    public Integer call() throws InterruptedException {
        return serve();
    }

    /** The operator's commands work on the data directory alone: the service layer, with no edge listening. */
    Core core() {
        return new Core(Config.from(env), Clock.systemUTC());
    }

    int serve() throws InterruptedException {
        App app = App.start(Config.from(env), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    @Command(name = "serve", description = "Run the SMTP, HTTP and delivery services (the default).")
    static final class Serve implements Callable<Integer> {
        @ParentCommand
        Main main;

        @Override
        public Integer call() throws InterruptedException {
            return main.serve();
        }
    }

    @Command(name = "user", description = "Manage users.", subcommands = UserCommand.Add.class)
    static final class UserCommand {
        @ParentCommand
        Main main;

        @Command(name = "add", description = "Create a user whose real inbox is EMAIL (verified: the operator vouches for it).")
        static final class Add implements Callable<Integer> {
            @ParentCommand
            UserCommand parent;
            @Spec
            CommandSpec spec;
            @Parameters(paramLabel = "EMAIL")
            String email;
            @Option(names = "--admin", description = "Make the user an administrator.")
            boolean admin;

            @Override
            public Integer call() {
                try (Core s = parent.main.core()) {
                    var user = s.accounts.addUser(email, admin);
                    spec.commandLine().getErr().println("created user " + user.id() + (admin ? " (admin)" : "")
                            + "; they set their password at this one-time link (valid 7 days):");
                    // stdout carries the link alone, as `apikey create` does with its key.
                    spec.commandLine().getOut().println(s.config.baseUrl().replaceAll("/+$", "") + "/password/"
                            + s.signIn.passwordLinkToken(user.id()));
                    spec.commandLine().getOut().flush();
                    return 0;
                }
            }
        }
    }

    @Command(name = "apikey", description = "Manage API keys.", subcommands = ApiKeyCommand.Create.class)
    static final class ApiKeyCommand {
        @ParentCommand
        Main main;

        @Command(name = "create", description = "Create an API key for the user EMAIL; prints it once, alone on its line.")
        static final class Create implements Callable<Integer> {
            @ParentCommand
            ApiKeyCommand parent;
            @Spec
            CommandSpec spec;
            @Parameters(paramLabel = "EMAIL")
            String email;
            @Option(names = "--name", required = true, description = "What the key is for.")
            String name;

            @Override
            public Integer call() {
                try (Core s = parent.main.core()) {
                    String secret = s.apiKeys.create(email, name).secret();
                    // stdout carries the key alone, so that `KEY=$(masq apikey create ...)` works.
                    spec.commandLine().getOut().println(secret);
                    spec.commandLine().getOut().flush();
                    return 0;
                }
            }
        }
    }

    @Command(name = "alias", description = "Manage aliases.", subcommands = AliasCommand.Import.class)
    static final class AliasCommand {
        @ParentCommand
        Main main;

        @Command(name = "import", description = "Create the aliases listed on standard input (one address per line) for the user EMAIL,"
                + " or, with --format, import an export file of SimpleLogin, addy.io or masq.")
        static final class Import implements Callable<Integer> {
            @ParentCommand
            AliasCommand parent;
            @Spec
            CommandSpec spec;
            @Parameters(paramLabel = "EMAIL")
            String email;
            @Option(names = "--format", paramLabel = "FORMAT",
                    description = "The input is an export: simplelogin (CSV), addy (CSV) or masq (JSON); auto tells it from the file.")
            String format;
            @Option(names = "--file", paramLabel = "PATH", description = "Read PATH instead of standard input.")
            Path file;

            @Override
            public Integer call() throws IOException {
                byte[] input = file != null ? Files.readAllBytes(file) : System.in.readAllBytes();
                try (Core s = parent.main.core()) {
                    var user = s.accounts.findByEmail(email)
                            .orElseThrow(() -> new NotFoundException("no user " + email));
                    PrintWriter err = spec.commandLine().getErr();
                    if (format == null) {
                        List<String> addresses = new String(input, StandardCharsets.UTF_8).lines().map(String::strip)
                                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
                        int created = s.aliasImport.importAddresses(user.id(), addresses);
                        err.println("created " + created + " of " + addresses.size() + " aliases");
                        return 0;
                    }
                    ImportJob.Snapshot job = s.imports.runNow(user.id(), ImportFormat.fromWire(format), input);
                    err.println("imported " + job.imported() + " of " + job.total() + " aliases from " + job.format());
                    job.skipped().forEach(n -> err.println("skipped " + n.address() + ": " + n.reason()));
                    job.warnings().forEach(n -> err.println("note " + n.address() + ": " + n.reason()));
                    err.flush();
                    return job.error() == null ? 0 : 1;
                }
            }
        }
    }
}
