package dev.masq.leak;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The verdict on one received message without DNS: the header From is parsed out of the raw message
 * and the result classified against the alias's vendor binding, as the SMTP pipeline does once SPF,
 * DKIM and DMARC are known. (In package {@code dev.masq.leak} to reach the package-private
 * {@link HeaderFrom} without widening masq's API for a benchmark.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class VerdictBench {
    private static final VendorBinding OPENAI = new VendorBinding("OpenAI", List.of("openai.com"), Set.of());

    /** Who the From header names: the vendor, a stranger, and three kinds of imitation. */
    @Param({"expected", "foreign", "lookalike-name", "lookalike-edit", "lookalike-confusable"})
    public String sender;

    private final VerdictClassifier classifier = new VerdictClassifier();
    private byte[] message;
    private DmarcResult dmarc;
    private AuthenticationResults parsed;

    @Setup
    public void setUp() {
        String domain = switch (sender) {
            case "expected" -> "mail.openai.com";
            case "foreign" -> "news.shop-deals.co.uk";
            case "lookalike-name" -> "openai-billing.com";
            case "lookalike-edit" -> "opneai.com";
            // A Cyrillic о, as it arrives in punycode.
            case "lookalike-confusable" -> IDN.toASCII("\u043Epenai.com");
            default -> throw new IllegalArgumentException(sender);
        };
        dmarc = new DmarcResult(sender.equals("foreign") ? DmarcResult.Status.NONE : DmarcResult.Status.PASS, "reject");
        message = ("Received: from mta.example (mta.example [192.0.2.1]) by mx.mask.test; Mon, 12 Jan 2026 08:30:00 +0000\r\n"
                + "From: \"Billing\" <billing@" + domain + ">\r\n"
                + "To: openai.k3x9@mask.test\r\n"
                + "Subject: Your receipt\r\n"
                + "Date: Mon, 12 Jan 2026 08:30:00 +0000\r\n"
                + "Message-ID: <r-1@" + domain + ">\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + "Thank you for your payment.\r\n".repeat(100)).getBytes(StandardCharsets.UTF_8);
        String from = HeaderFrom.domain(message).orElseThrow();
        parsed = new AuthenticationResults(from, from, SpfResult.PASS, List.of(), dmarc);
        Verdict check = verdict();
        VerdictKind wanted = switch (sender) {
            case "expected" -> VerdictKind.EXPECTED;
            case "foreign" -> VerdictKind.FOREIGN;
            default -> VerdictKind.LOOKALIKE;
        };
        if (check.kind() != wanted || classify().kind() != wanted) {
            throw new IllegalStateException(sender + " classified " + check.kind() + ", not " + wanted);
        }
    }

    @Benchmark
    public Verdict verdict() {
        String from = HeaderFrom.domain(message).orElseThrow();
        AuthenticationResults auth = new AuthenticationResults(from, from, SpfResult.PASS, List.of(), dmarc);
        return classifier.classify(auth, OPENAI, null);
    }

    /** The classification alone, From already known: what the verdict costs beyond parsing the header. */
    @Benchmark
    public Verdict classify() {
        return classifier.classify(parsed, OPENAI, null);
    }
}
