package dev.masq.web;

/**
 * Where a page may send the browser back to after a form: a path on this site only. {@code //evil.example} is
 * another site, and so are {@code /\evil.example} and {@code /<TAB>/evil.example}, since browsers read a
 * backslash as a slash and drop tabs and line breaks from URLs.
 */
final class LocalPath {
    private LocalPath() {
    }

    static String orElse(String path, String fallback) {
        if (path == null || path.length() < 1 || path.charAt(0) != '/'
                || path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return fallback;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '\\') {
                return fallback;
            }
        }
        return path;
    }
}
