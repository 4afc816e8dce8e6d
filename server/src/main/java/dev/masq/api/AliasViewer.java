package dev.masq.api;

import dev.masq.alias.Alias;
import dev.masq.alias.AliasInboxes;
import dev.masq.block.SenderBlocks;
import dev.masq.leak.AliasLeak;
import dev.masq.leak.LeakService;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds alias views with their leak and sender settings: a fixed number of reads for a whole page, not one per alias. */
final class AliasViewer {
    private final LeakService leaks;
    private final SenderBlocks blocks;
    private final AliasInboxes inboxes;

    AliasViewer(LeakService leaks, SenderBlocks blocks, AliasInboxes inboxes) {
        this.leaks = leaks;
        this.blocks = blocks;
        this.inboxes = inboxes;
    }

    AliasViews.AliasView view(Alias alias) {
        return views(alias.userId(), List.of(alias)).getFirst();
    }

    List<AliasViews.AliasView> views(String userId, List<Alias> aliases) {
        if (aliases.isEmpty()) {
            return List.of();
        }
        List<String> ids = aliases.stream().map(Alias::id).toList();
        Map<String, AliasLeak> leakOf = leaks.leaks(userId, ids);
        Map<String, List<String>> allowed = leaks.allowedDomains(userId, ids);
        Set<String> vendorOnly = blocks.vendorOnly(userId, ids);
        Map<String, List<String>> inboxesOf = inboxes.ofAll(userId, ids);
        return aliases.stream().map(a -> AliasViews.AliasView.of(a, leakOf.get(a.id()),
                vendorOnly.contains(a.id()), allowed.getOrDefault(a.id(), List.of()),
                inboxesOf.getOrDefault(a.id(), List.of()))).toList();
    }
}
