package dev.masq.portability;

import dev.masq.common.Csv;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masq.alias.AliasState;
import dev.masq.common.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the three import files. SimpleLogin's CSV ({@code alias,note,enabled,mailboxes}: Python's csv module, booleans
 * as {@code True}/{@code False}, mailboxes space-separated, the primary first), addy.io's CSV (the columns of its alias
 * model, deleted aliases included: {@code email}, {@code active}, {@code description}, {@code from_name},
 * {@code deleted_at}...) and masq's JSON export. Columns are found by name, so their order does not matter.
 */
final class ImportReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportReader() {
    }

    /** {@code format} null: told from the file (JSON is masq's; a CSV by its columns). */
    static ImportFile read(ImportFormat format, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        ImportFormat f = format != null ? format : detect(text);
        return switch (f) {
            case MASQ -> masq(text);
            case SIMPLELOGIN -> simpleLogin(table(text));
            case ADDY -> addy(table(text));
        };
    }

    private static ImportFormat detect(String text) {
        String start = text.stripLeading().replace("\uFEFF", "");
        if (start.startsWith("{")) {
            return ImportFormat.MASQ;
        }
        List<List<String>> rows = Csv.parse(start.lines().findFirst().orElse(""));
        List<String> header = rows.isEmpty() ? List.of() : rows.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (header.contains("alias") && header.contains("enabled")) {
            return ImportFormat.SIMPLELOGIN;
        }
        if (header.contains("active") && (header.contains("email") || header.contains("local_part"))) {
            return ImportFormat.ADDY;
        }
        throw new InvalidInputException("file", "not a SimpleLogin or addy.io CSV export, nor a masq JSON export");
    }

    private static ImportFile simpleLogin(Table t) {
        t.require("alias", ImportFormat.SIMPLELOGIN);
        List<ImportEntry> entries = new ArrayList<>();
        for (List<String> row : t.rows()) {
            AliasState state = yes(t.cell(row, "enabled"), true) ? AliasState.ACTIVE : AliasState.PAUSED;
            entries.add(ImportEntry.of(t.cell(row, "alias"), state, blankToNull(t.cell(row, "note")), null,
                    words(t.cell(row, "mailboxes"))));
        }
        return new ImportFile(ImportFormat.SIMPLELOGIN, entries, List.of());
    }

    private static ImportFile addy(Table t) {
        List<ImportEntry> entries = new ArrayList<>();
        for (List<String> row : t.rows()) {
            String email = t.cell(row, "email");
            String address = email.isBlank() ? t.cell(row, "local_part") + "@" + t.cell(row, "domain") : email;
            // addy.io keeps deleted aliases refusing mail, as masq keeps burned ones.
            AliasState state = !t.cell(row, "deleted_at").isBlank() ? AliasState.BURNED
                    : yes(t.cell(row, "active"), false) ? AliasState.ACTIVE : AliasState.PAUSED;
            entries.add(ImportEntry.of(address, state, blankToNull(t.cell(row, "description")),
                    blankToNull(t.cell(row, "from_name")), List.of()));
        }
        return new ImportFile(ImportFormat.ADDY, entries, List.of());
    }

    private static ImportFile masq(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("file", "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !AccountExport.FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != AccountExport.VERSION) {
            throw new InvalidInputException("file", "not a masq export (format masq-export, version " + AccountExport.VERSION + ")");
        }
        List<ImportEntry> entries = new ArrayList<>();
        for (JsonNode entry : root.path("aliases")) {
            JsonNode a = entry.path("alias");
            List<String> vendorDomains = new ArrayList<>();
            a.path("vendor_domains").forEach(d -> vendorDomains.add(d.path("domain").asText()));
            List<ImportEntry.SenderBlock> blocks = new ArrayList<>();
            entry.path("blocks").forEach(b -> blocks.add(block(b)));
            List<ImportEntry.Contact> contacts = new ArrayList<>();
            entry.path("contacts").forEach(c -> contacts.add(new ImportEntry.Contact(c.path("address").asText(), c.path("blocked").asBoolean())));
            entries.add(new ImportEntry(a.path("address").asText(), state(a.path("state").asText()), text(a, "vendor"),
                    vendorDomains, text(a, "note"), text(a, "display_name"), strings(entry.path("inboxes")),
                    entry.path("vendor_only").asBoolean(false), strings(entry.path("allowed_domains")), blocks, contacts));
        }
        List<ImportEntry.SenderBlock> accountBlocks = new ArrayList<>();
        root.path("blocks").forEach(b -> accountBlocks.add(block(b)));
        return new ImportFile(ImportFormat.MASQ, entries, accountBlocks);
    }

    private static AliasState state(String wire) {
        try {
            return AliasState.fromWire(wire);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("file", "an alias in the export has the unknown state '" + wire + "'");
        }
    }

    private static ImportEntry.SenderBlock block(JsonNode b) {
        return new ImportEntry.SenderBlock(text(b, "address"), text(b, "domain"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** Python writes True/False, PhpSpreadsheet 1/empty or TRUE/FALSE; an empty cell is {@code blank}. */
    private static boolean yes(String cell, boolean blank) {
        String v = cell.strip().toLowerCase(Locale.ROOT);
        return v.isEmpty() ? blank : v.equals("true") || v.equals("1") || v.equals("yes");
    }

    private static List<String> words(String cell) {
        return cell.isBlank() ? List.of() : Arrays.stream(cell.strip().split("\\s+")).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Table table(String text) {
        List<List<String>> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "the CSV is empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.getFirst();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return new Table(columns, rows.subList(1, rows.size()));
    }

    private record Table(Map<String, Integer> columns, List<List<String>> rows) {
        String cell(List<String> row, String column) {
            Integer i = columns.get(column);
            return i == null || i >= row.size() ? "" : row.get(i);
        }

        void require(String column, ImportFormat format) {
            if (!columns.containsKey(column)) {
                throw new InvalidInputException("file", "a " + format.label() + " export has a column '" + column + "'");
            }
        }
    }
}
