package dev.masq.alias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masq.TestMasq;
import dev.masq.common.ConflictException;
import dev.masq.common.InvalidInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliasServiceTest {
    @TempDir
    Path dir;
    @AutoClose
    TestMasq s;
    String user;

    @BeforeEach
    void setUp() {
        s = TestMasq.offline(dir, Map.of("MASQ_DATA_DIR", dir.toString(), "MASQ_DOMAINS", "mask.test,other.test"),
                Clock.systemUTC());
        user = s.accounts().addUser("person@inbox.test", false).id();
    }

    @Test
    void createsReadableRandomAndCustomAddressesWithVendorDomains() {
        Alias words = s.aliases().create(user, new NewAlias(null, null, null, null, "https://platform.openai.com/login", null));
        assertThat(words.address()).matches("[a-z]+\\.[a-z]+\\d{3}@mask\\.test");
        assertThat(words.vendor()).isEqualTo("openai.com");
        assertThat(words.vendorDomains()).containsExactly(new Alias.VendorDomain("openai.com", false));

        Alias random = s.aliases().create(user, new NewAlias(NewAlias.AddressMode.RANDOM, null, "other.test", "BBC", "news.bbc.co.uk", null));
        assertThat(random.address()).matches("[a-z2-7]{12}@other\\.test");
        assertThat(random.vendorDomains()).extracting(Alias.VendorDomain::domain).containsExactly("bbc.co.uk");

        Alias custom = s.aliases().create(user, new NewAlias(NewAlias.AddressMode.CUSTOM, "Shop.2026", null, "shop", null, "note"));
        assertThat(custom.address()).isEqualTo("shop.2026@mask.test");
    }

    @Test
    void refusesBadInputNamingTheField() {
        assertThatThrownBy(() -> s.aliases().create(user, new NewAlias(NewAlias.AddressMode.CUSTOM, "a+b", null, null, null, null)))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("local_part");
        assertThatThrownBy(() -> s.aliases().create(user, new NewAlias(null, null, "evil.test", null, null, null)))
                .extracting("field").isEqualTo("domain");
        assertThatThrownBy(() -> s.aliases().create(user, new NewAlias(null, null, null, null, "not a site", null)))
                .extracting("field").isEqualTo("site");
    }

    @Test
    void aDeletedAddressIsNeverIssuedAgain() {
        Alias custom = s.aliases().create(user, new NewAlias(NewAlias.AddressMode.CUSTOM, "once", null, null, null, null));
        s.aliases().delete(user, custom.id());
        assertThatThrownBy(() -> s.aliases().create(user, new NewAlias(NewAlias.AddressMode.CUSTOM, "once", null, null, null, null)))
                .isInstanceOf(ConflictException.class);
        Optional<AliasRoute> route = s.db().read(ctx -> s.aliasRepository().findRoute(ctx, "once@mask.test"));
        assertThat(route).isEmpty();
    }

    @Test
    void burnAndReplaceKeepsVendorAndPointsToTheSuccessor() {
        Alias a = s.aliases().create(user, new NewAlias(null, null, null, "Shop", "shop.com", "my note"));
        AliasService.BurnResult r = s.aliases().burn(user, a.id(), true, "spam");
        assertThat(r.burned().state()).isEqualTo(AliasState.BURNED);
        assertThat(r.burned().replacedBy()).isEqualTo(r.replacement().id());
        assertThat(r.replacement().vendor()).isEqualTo("Shop");
        assertThat(r.replacement().note()).isEqualTo("my note");
        assertThat(r.replacement().vendorDomains()).extracting(Alias.VendorDomain::domain).containsExactly("shop.com");
        assertThatThrownBy(() -> s.aliases().resume(user, a.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void listPagesThroughEverythingWithACursorAndFilters() {
        for (int i = 0; i < 25; i++) {
            s.aliases().create(user, new NewAlias(null, null, null, i % 5 == 0 ? "Acme" : "Other", null, null));
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            AliasPage page = s.aliases().list(user, new AliasQuery(null, null, cursor, 10));
            page.items().forEach(a -> seen.add(a.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).hasSize(25);
        assertThat(s.aliases().list(user, new AliasQuery(null, "acme", null, 50)).items()).hasSize(5);
        String other = s.accounts().addUser("other@inbox.test", false).id();
        assertThat(s.aliases().list(other, new AliasQuery(null, null, null, 50)).items()).isEmpty();
    }

    @Test
    void eachSortOrdersEverythingAndItsCursorPagesThroughIt() {
        List<Alias> created = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            created.add(s.aliases().create(user, new NewAlias(null, null, null, "Shop " + i, null, null)));
        }
        // Ties in every key (same counts, same instants, never received) so that the id tiebreak is exercised.
        Instant base = Instant.parse("2030-01-01T00:00:00Z");
        for (int i = 0; i < created.size(); i++) {
            Alias a = created.get(i);
            for (int n = 0; n < i % 4; n++) {
                Instant at = base.plusSeconds(i % 3);
                s.db().writeVoid(ctx -> s.aliasRepository().countForwarded(ctx, a.id(), at));
            }
        }
        List<Alias> all = s.aliases().list(user, new AliasQuery(null, null, null, 200)).items();
        Comparator<Alias> byId = Comparator.comparing(Alias::id);
        Map<AliasSort, Comparator<Alias>> expected = Map.of(
                AliasSort.NEWEST, Comparator.comparing(Alias::createdAt).thenComparing(byId).reversed(),
                AliasSort.OLDEST, Comparator.comparing(Alias::createdAt).thenComparing(byId),
                AliasSort.LAST_RECEIVED, Comparator.comparing(Alias::lastReceivedAt,
                        Comparator.nullsLast(Comparator.<Instant>reverseOrder())).thenComparing(byId.reversed()),
                AliasSort.FORWARDED, Comparator.comparingLong(Alias::forwarded).thenComparing(byId).reversed());
        for (AliasSort sort : AliasSort.values()) {
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                AliasPage page = s.aliases().list(user, new AliasQuery(null, null, null, sort, cursor, 5));
                page.items().forEach(a -> paged.add(a.id()));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(paged).as(sort.wire())
                    .containsExactlyElementsOf(all.stream().sorted(expected.get(sort)).map(Alias::id).toList());
        }
    }

    @Test
    void aCursorOfOneSortIsRejectedByAnother() {
        for (int i = 0; i < 3; i++) {
            s.aliases().create(user, new NewAlias(null, null, null, null, null, null));
        }
        String newest = s.aliases().list(user, new AliasQuery(null, null, null, AliasSort.NEWEST, null, 1)).nextCursor();
        assertThatThrownBy(() -> s.aliases().list(user, new AliasQuery(null, null, null, AliasSort.FORWARDED, newest, 1)))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("cursor");
        assertThatThrownBy(() -> s.aliases().list(user, new AliasQuery(null, null, null, AliasSort.NEWEST, "garbage!", 1)))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("cursor");
    }

    @Test
    void patchChangesOnlyWhatIsGiven() {
        Alias a = s.aliases().create(user, new NewAlias(null, null, null, "Shop", null, "keep"));
        Alias b = s.aliases().update(user, a.id(), new AliasPatch(Optional.empty(), Optional.of("Shop Inc"),
                Optional.of(List.of("https://www.shop.com", "mail.shop-mailer.com"))));
        assertThat(b.note()).isEqualTo("keep");
        assertThat(b.vendor()).isEqualTo("Shop Inc");
        assertThat(b.vendorDomains()).extracting(Alias.VendorDomain::domain).containsExactly("shop-mailer.com", "shop.com");
    }

    @Test
    void importCreatesEachAddressOnceAndRefusesForeignDomains() {
        List<String> addresses = java.util.stream.IntStream.rangeClosed(1, 6000).mapToObj(i -> i + "alias@mask.test").toList();
        assertThat(s.aliasImport().importAddresses(user, addresses)).isEqualTo(6000);
        assertThat(s.aliasImport().importAddresses(user, List.of("1alias@mask.test", "new.one@other.test"))).isEqualTo(1);
        Optional<AliasRoute> route = s.db().read(ctx -> s.aliasRepository().findRoute(ctx, "5999alias@mask.test"));
        assertThat(route).map(AliasRoute::state).contains(AliasState.ACTIVE);
        assertThatThrownBy(() -> s.aliasImport().importAddresses(user, List.of("x1y@elsewhere.test")))
                .extracting("field").isEqualTo("address");
    }

    @Test
    void aBlankPatchValueClearsTheLabel() {
        Alias a = s.aliases().create(user, new NewAlias(null, null, null, "Shop", null, "old note"));
        Alias b = s.aliases().update(user, a.id(), new AliasPatch(Optional.of(""), Optional.empty(), Optional.empty()));
        assertThat(b.note()).isNull();
        assertThat(b.vendor()).isEqualTo("Shop");
    }

    @Test
    void anAliasReadsTheSameWhenCreatedAndWhenFetched() {
        Alias created = s.aliases().create(user, new NewAlias(null, null, null, null, "shop.com", null));
        assertThat(s.aliases().get(user, created.id())).isEqualTo(created);
        AliasService.BurnResult r = s.aliases().burn(user, created.id(), true, null);
        assertThat(s.aliases().get(user, r.replacement().id())).isEqualTo(r.replacement());
    }
}
