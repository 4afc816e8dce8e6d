package dev.masq.webhook;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.xbill.DNS.Address;

/**
 * One HTTP/1.1 POST to the address {@link UrlGuard} checked, not to whatever the host name resolves to by the time
 * a client library connects (DNS rebinding). Over https the certificate is still verified against the host name,
 * sent as SNI. Redirects are not followed (a 3xx is a failed call): a public URL must not bounce the call inward.
 */
final class PinnedPost {
    private static final int MAX_LINE = 8192;

    private PinnedPost() {
    }

    /** The status code of the answer. */
    static int send(UrlGuard.Target target, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
        URI uri = target.uri();
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String host = uri.getHost();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(target.address(), port), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            Socket socket = https ? tls(plain, host, port) : plain;
            OutputStream out = socket.getOutputStream();
            out.write(head(uri, host, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return status(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private static Socket tls(Socket plain, String host, int port) throws IOException {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, name, port, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!host.startsWith("[") && !Address.isDottedQuad(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    private static String head(URI uri, String host, Map<String, String> headers, int length) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder head = new StringBuilder("POST ").append(path);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(host).append(uri.getPort() == -1 ? "" : ":" + uri.getPort()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("Content-Length: ").append(length).append("\r\nConnection: close\r\n\r\n").toString();
    }

    /** The final status of the answer, past any 1xx interim ones. */
    private static int status(InputStream in) throws IOException {
        while (true) {
            String line = line(in);
            String[] parts = line.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
                throw new IOException("not an HTTP answer: " + line);
            }
            int status = Integer.parseInt(parts[1]);
            if (status >= 200) {
                return status;
            }
            skipHeaders(in);
        }
    }

    private static void skipHeaders(InputStream in) throws IOException {
        String header = line(in);
        while (!header.isEmpty()) {
            header = line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new IOException("the connection closed before an answer");
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("an answer line longer than " + MAX_LINE + " bytes");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
