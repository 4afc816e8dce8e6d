// RCPT lookup latency with 1,000,000 aliases in the database, next to Postfix's hash-table lookup.
//
// Run after building the jar:
//   java -cp server/target/masq.jar bench/RcptLookupBench.java [aliases] [lookups]
// It creates a fresh SQLite database in a temp dir, imports the aliases, then times single
// lookups (90% existing addresses, 10% unknown) through the same repository call the SMTP RCPT
// hook makes, on 4 threads, and prints p50/p99/p99.9. When Postfix's postmap is installed it
// builds a hash: map of the same addresses and times the same lookups through `postmap -q -`
// (batch mode, one process) as the peer figure (mean per lookup; postmap gives no per-call timings).
import dev.masq.Services;
import dev.masq.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

public class RcptLookupBench {
    public static void main(String[] args) throws Exception {
        int aliases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 400_000;
        Path dir = Files.createTempDirectory("masq-rcpt-bench");
        try (Services s = new Services(Config.from(Map.of("MASQ_DATA_DIR", dir.toString(), "MASQ_DOMAINS", "bench.test")),
                Clock.systemUTC())) {
            String user = s.accounts.addUser("inbox@sink.test", false).id();
            long t0 = System.nanoTime();
            List<String> addresses = IntStream.rangeClosed(1, aliases).mapToObj(i -> i + "alias@bench.test").toList();
            s.aliasImport.importAddresses(user, addresses);
            System.out.printf("imported %,d aliases in %.1f s%n", aliases, (System.nanoTime() - t0) / 1e9);

            String[] keys = new String[lookups];
            for (int i = 0; i < lookups; i++) {
                int n = ThreadLocalRandom.current().nextInt(1, aliases + 1);
                keys[i] = (i % 10 == 9 ? "missing" : "") + n + "alias@bench.test";
            }
            timeLookups(s, keys, Math.min(lookups, 100_000)); // warm-up: JIT and page cache
            long[] nanos = timeLookups(s, keys, lookups);
            Arrays.sort(nanos);
            System.out.printf("masq RCPT lookup (%,d lookups, 4 threads): p50 %.1f us  p99 %.1f us  p99.9 %.1f us  (target p99 <= 100 us)%n",
                    lookups, nanos[lookups / 2] / 1e3, nanos[(int) (lookups * 0.99)] / 1e3, nanos[(int) (lookups * 0.999)] / 1e3);
            postfixPeer(dir, addresses, keys);
        }
    }

    static long[] timeLookups(Services s, String[] keys, int count) throws Exception {
        long[] nanos = new long[count];
        int threads = 4;
        try (var pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = t * count / threads, to = (t + 1) * count / threads;
                parts.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        String key = keys[i];
                        long start = System.nanoTime();
                        s.db.read(ctx -> s.aliasRepository.findRoute(ctx, key));
                        nanos[i] = System.nanoTime() - start;
                    }
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
        }
        return nanos;
    }

    static void postfixPeer(Path dir, List<String> addresses, String[] keys) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/sbin/postmap"))) {
            System.out.println("postfix peer: skipped (postmap not installed)");
            return;
        }
        Path map = dir.resolve("virtual");
        Files.write(map, addresses.stream().map(a -> a + " inbox@sink.test").toList());
        new ProcessBuilder("postmap", "hash:" + map).inheritIO().start().waitFor();
        Path input = dir.resolve("keys");
        Files.write(input, Arrays.asList(keys));
        long start = System.nanoTime();
        Process p = new ProcessBuilder("postmap", "-q", "-", "hash:" + map)
                .redirectInput(input.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        double mean = (System.nanoTime() - start) / 1e3 / keys.length;
        System.out.printf("postfix postmap -q hash: lookup (%,d lookups, 1 process): mean %.1f us (includes process start)%n",
                keys.length, mean);
    }
}
