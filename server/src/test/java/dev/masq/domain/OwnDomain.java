package dev.masq.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masq.TestMasq;
import dev.masq.testing.TestDns;

/** A user's domain as its owner sets it up: added over the API, its records published in the test DNS, verified. */
final class OwnDomain {
    private OwnDomain() {
    }

    static JsonNode add(TestMasq masq, String key, String name) {
        TestMasq.Reply added = masq.call(key, "POST", "/api/v1/domains", "{\"domain\":\"" + name + "\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json();
    }

    /** Publishes every record the API asked for, as the owner would at their DNS host. */
    static void publish(TestDns dns, JsonNode domain) {
        for (JsonNode r : domain.get("records")) {
            if (r.get("type").asText().equals("MX")) {
                String[] mx = r.get("value").asText().split(" ");
                dns.mx(r.get("name").asText(), Integer.parseInt(mx[0]), mx[1]);
            } else {
                dns.txt(r.get("name").asText(), r.get("value").asText());
            }
        }
    }

    static JsonNode record(JsonNode domain, String purpose) {
        for (JsonNode r : domain.get("records")) {
            if (r.get("purpose").asText().equals(purpose)) {
                return r;
            }
        }
        throw new AssertionError("no " + purpose + " record in " + domain);
    }

    static TestMasq.Reply verify(TestMasq masq, String key, JsonNode domain) {
        return masq.call(key, "POST", "/api/v1/domains/" + domain.get("id").asText() + "/verify", null);
    }

    /** Added, published and verified; returns the domain as the verification answered it. */
    static JsonNode verified(TestMasq masq, String key, String name) {
        return verified(masq, masq.dns, key, name);
    }

    /** As {@link #verified(TestMasq, String, String)}, published in {@code dns}: the resolver masq was given. */
    static JsonNode verified(TestMasq masq, TestDns dns, String key, String name) {
        JsonNode domain = add(masq, key, name);
        publish(dns, domain);
        TestMasq.Reply verified = verify(masq, key, domain);
        assertThat(verified.json().get("status").asText()).as(verified.toString()).isEqualTo("verified");
        return verified.json();
    }

    static TestMasq.Reply catchAll(TestMasq masq, String key, JsonNode domain, boolean on) {
        return masq.call(key, "PATCH", "/api/v1/domains/" + domain.get("id").asText(), "{\"catch_all\":" + on + "}");
    }
}
