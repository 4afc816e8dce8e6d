package dev.masq.web;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * A QR code as inline SVG, drawn on the server: the TOTP key inside it never leaves for an image service, and the
 * CSP needs no exception. One path of unit squares (runs of dark modules merged) inside a four-module quiet zone.
 */
public final class QrSvg {
    private static final int QUIET = 4;

    private QrSvg() {
    }

    /** Markup made only of numbers and fixed text, so templates may embed it unescaped. */
    public static String of(String text, String label) {
        ByteMatrix matrix;
        try {
            // Level M survives a smudged or glared screen and still fits an otpauth URI in a small version.
            matrix = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as a QR code: " + e.getMessage(), e);
        }
        int size = matrix.getWidth() + 2 * QUIET;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) != 1) {
                    continue;
                }
                int run = 1;
                while (x + run < matrix.getWidth() && matrix.get(x + run, y) == 1) {
                    run++;
                }
                path.append('M').append(x + QUIET).append(' ').append(y + QUIET).append('h').append(run).append("v1h-").append(run).append('z');
                x += run - 1;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + escape(label) + "\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
