package dev.masq.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The check every API test leans on refuses each kind of drift, so a green suite means the document holds. */
class OpenApiContractTest {
    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no such alias\",\"error\":\"no such alias\"}";
    private final OpenApiContract contract = OpenApiContract.shipped();

    @Test
    void aDocumentedAnswerPasses() {
        assertThatCode(() -> contract.check("GET", "/api/v1/aliases/al_x", 404, "application/problem+json;charset=utf-8", PROBLEM))
                .doesNotThrowAnyException();
        assertThatCode(() -> contract.check("DELETE", "/api/v1/aliases/al_x", 204, null, "")).doesNotThrowAnyException();
    }

    @Test
    void anUndocumentedStatusFails() {
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/aliases/al_x", 418, "application/problem+json", PROBLEM))
                .isInstanceOf(AssertionError.class).hasMessageContaining("status 418 is not documented");
    }

    @Test
    void anUndocumentedMediaTypeFails() {
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/aliases/al_x", 404, "text/html", "<p>gone</p>"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("media type text/html is not documented");
    }

    @Test
    void aBodyAgainstItsSchemaFails() {
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/aliases/al_x", 404, "application/problem+json", "{\"status\":\"404\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("body does not match");
        assertThatThrownBy(() -> contract.check("GET", "/api/v1/aliases/al_x", 200, "application/json", "{\"id\":7}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("body does not match");
    }

    @Test
    void anUndocumentedOperationFails() {
        assertThatThrownBy(() -> contract.check("PUT", "/api/v1/aliases/al_x/pause", 200, "application/json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("undocumented operation");
        assertThatCode(() -> contract.check("GET", "/api/v1/nothing-here", 404, "application/problem+json", PROBLEM))
                .doesNotThrowAnyException();
    }
}
