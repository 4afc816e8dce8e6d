package dev.masq;

import dev.masq.config.Config;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "masq", mixinStandardHelpOptions = true,
        description = "Self-hosted email aliases: forward, watch for leaks, burn.",
        subcommands = {Main.Serve.class, Main.UserCommand.class, Main.ApiKeyCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        return new Serve().call();
    }

    @Command(name = "serve", description = "Run the SMTP, HTTP and delivery services (the default).")
    static final class Serve implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            App app = App.start(Config.fromEnvironment(), Clock.systemUTC());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                stopped.countDown();
            }));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "user", description = "Manage users.", subcommands = UserCommand.Add.class)
    static final class UserCommand {
        @Command(name = "add", description = "Create a user whose real inbox is EMAIL (verified: the operator vouches for it).")
        static final class Add implements Callable<Integer> {
            @Parameters(paramLabel = "EMAIL")
            String email;
            @Option(names = "--admin", description = "Make the user an administrator.")
            boolean admin;

            @Override
            public Integer call() {
                try (Services s = new Services(Config.fromEnvironment(), Clock.systemUTC())) {
                    var user = s.accounts.addUser(email, admin);
                    System.err.println("created user " + user.id() + (admin ? " (admin)" : ""));
                    return 0;
                } catch (IllegalArgumentException e) {
                    System.err.println("error: " + e.getMessage());
                    return 2;
                }
            }
        }
    }

    @Command(name = "apikey", description = "Manage API keys.", subcommands = ApiKeyCommand.Create.class)
    static final class ApiKeyCommand {
        @Command(name = "create", description = "Create an API key for the user EMAIL; prints it once, alone on its line.")
        static final class Create implements Callable<Integer> {
            @Parameters(paramLabel = "EMAIL")
            String email;
            @Option(names = "--name", required = true, description = "What the key is for.")
            String name;

            @Override
            public Integer call() {
                try (Services s = new Services(Config.fromEnvironment(), Clock.systemUTC())) {
                    System.out.println(s.apiKeys.create(email, name).secret());
                    return 0;
                } catch (IllegalArgumentException | dev.masq.common.NotFoundException e) {
                    System.err.println("error: " + e.getMessage());
                    return 2;
                }
            }
        }
    }
}
