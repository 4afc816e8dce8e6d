package dev.masq.account;

import static dev.masq.db.schema.Tables.SERVER_SETTINGS;

import org.jooq.DSLContext;

/** The server-wide switches, stored as name and {@code true}/{@code false}; a missing row is off. */
final class ServerSettingsRepository {
    boolean flag(DSLContext ctx, String name) {
        return ctx.select(SERVER_SETTINGS.VALUE).from(SERVER_SETTINGS)
                .where(SERVER_SETTINGS.NAME.eq(name)).fetchOptional(r -> "true".equals(r.value1()))
                .orElse(false);
    }

    void set(DSLContext ctx, String name, boolean on) {
        ctx.insertInto(SERVER_SETTINGS)
                .set(SERVER_SETTINGS.NAME, name).set(SERVER_SETTINGS.VALUE, Boolean.toString(on))
                .onConflict(SERVER_SETTINGS.NAME).doUpdate().set(SERVER_SETTINGS.VALUE, Boolean.toString(on))
                .execute();
    }
}
