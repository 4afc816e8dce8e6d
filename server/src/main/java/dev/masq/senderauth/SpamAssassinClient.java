package dev.masq.senderauth;

import dev.masq.config.LeakSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a spamd (SpamAssassin's daemon, spamc protocol 1.5) for a message's score with {@code SYMBOLS}.
 * Blocking; call it off the Netty I/O threads. Any failure or timeout gives "no score", never spam.
 * The score is spamd's own: {@code X-Spam-*} headers the message arrived with are never read.
 */
public final class SpamAssassinClient {
    private static final Logger log = LoggerFactory.getLogger(SpamAssassinClient.class);
    /** spamc's default too: larger messages are rarely spam and slow to scan. */
    private static final int MAX_SCANNED = 512 * 1024;
    private static final int MAX_RESPONSE = 64 * 1024;
    private static final Pattern STATUS = Pattern.compile("SPAMD/\\d+\\.\\d+ (\\d+) .*");
    private static final Pattern SPAM = Pattern.compile("(?i)Spam:\\s*(\\w+)\\s*;\\s*(-?[\\d.]+)\\s*/\\s*(-?[\\d.]+)\\s*");

    private final Optional<InetSocketAddress> spamd;
    private final Duration timeout;
    private final OptionalDouble thresholdOverride;

    public SpamAssassinClient(Optional<InetSocketAddress> spamd, Duration timeout, OptionalDouble thresholdOverride) {
        this.spamd = spamd;
        this.timeout = timeout;
        this.thresholdOverride = thresholdOverride;
    }

    public static SpamAssassinClient from(LeakSettings settings) {
        return new SpamAssassinClient(settings.spamd(), settings.spamdTimeout(), settings.spamThreshold());
    }

    public boolean isEnabled() {
        return spamd.isPresent();
    }

    /** The score of {@code message}; empty when spamd is not configured, the message is too large, or spamd failed. */
    public Optional<SpamScore> score(byte[] message) {
        if (spamd.isEmpty() || message.length > MAX_SCANNED) {
            return Optional.empty();
        }
        InetSocketAddress address = new InetSocketAddress(spamd.get().getHostString(), spamd.get().getPort());
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("SYMBOLS SPAMC/1.5\r\nContent-length: " + message.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.flush();
            socket.shutdownOutput();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException | NumberFormatException e) {
            log.warn("spamd at {} gave no score: {}", address, e.toString());
            return Optional.empty();
        }
    }

    private Optional<SpamScore> parse(String response) {
        int blank = response.indexOf("\r\n\r\n");
        String head = blank < 0 ? response : response.substring(0, blank);
        String body = blank < 0 ? "" : response.substring(blank + 4).strip();
        List<String> lines = head.lines().toList();
        Matcher status = lines.isEmpty() ? null : STATUS.matcher(lines.getFirst());
        if (status == null || !status.matches() || !status.group(1).equals("0")) {
            log.warn("spamd refused to score: {}", lines.isEmpty() ? "(no answer)" : lines.getFirst());
            return Optional.empty();
        }
        for (String line : lines) {
            Matcher m = SPAM.matcher(line);
            if (m.matches()) {
                double score = Double.parseDouble(m.group(2));
                double threshold = thresholdOverride.orElse(Double.parseDouble(m.group(3)));
                List<String> rules = body.isEmpty() ? List.of() : Arrays.stream(body.split(",")).map(String::strip).toList();
                return Optional.of(new SpamScore(score, threshold, rules));
            }
        }
        return Optional.empty();
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int n;
        while ((n = in.read(chunk)) >= 0 && buffer.size() < MAX_RESPONSE) {
            buffer.write(chunk, 0, n);
        }
        return buffer.toString(StandardCharsets.US_ASCII);
    }
}
