package dev.masq.alias;

import java.util.List;

public record AliasPage(List<Alias> items, String nextCursor) {
}
