package dev.masq.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

/** A real SpamAssassin spamd (Debian's {@code spamd}, listed in .ci/packages) on a free loopback port. */
public final class Spamd implements AutoCloseable {
    public static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    private final Process process;
    private final InetSocketAddress address;

    private Spamd(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    public static Spamd start(Path logDir) {
        Path binary = Path.of("/usr/sbin/spamd");
        assertThat(binary).as("spamd is installed (apt-get install spamd; .ci/run does it)").exists();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), freePort());
        try {
            // --local: no network tests (blocklists), which would query the public Internet.
            Process process = new ProcessBuilder(binary.toString(), "--listen=127.0.0.1:" + address.getPort(), "--local",
                    "--nouser-config", "--min-children=1", "--max-children=2", "--syslog=stderr")
                    .redirectErrorStream(true)
                    .redirectOutput(logDir.resolve("spamd.log").toFile())
                    .start();
            await("spamd listening").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                assertThat(process.isAlive()).as("spamd still running").isTrue();
                return accepts(address);
            });
            return new Spamd(process, address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    /** {@code host:port}, the form of {@code MASQ_SPAMD}. */
    public String hostPort() {
        return "127.0.0.1:" + address.getPort();
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean accepts(InetSocketAddress address) {
        try (Socket s = new Socket()) {
            s.connect(address, 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
