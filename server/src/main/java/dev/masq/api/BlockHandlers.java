package dev.masq.api;

import dev.masq.block.Block;
import dev.masq.block.SenderBlocks;
import dev.masq.http.JsonBody;
import io.javalin.http.Context;
import java.time.Instant;

/**
 * Blocked senders: {@code /api/v1/aliases/{id}/blocks} on one alias, {@code /api/v1/blocks} on every alias
 * of the account. A request without an {@code id} path parameter is about the account.
 */
public record BlockHandlers(SenderBlocks blocks) {
    public void add(Context ctx) {
        NewBlock body = JsonBody.read(ctx, NewBlock.class);
        Block block = blocks.add(ApiAuth.userId(ctx), aliasId(ctx), body.address(), body.domain());
        ctx.status(201).json(BlockView.of(block));
    }

    public void list(Context ctx) {
        ctx.json(new AliasViews.Items<>(blocks.list(ApiAuth.userId(ctx), aliasId(ctx)).stream().map(BlockView::of).toList()));
    }

    public void remove(Context ctx) {
        blocks.remove(ApiAuth.userId(ctx), aliasId(ctx), ctx.pathParam("bid"));
        ctx.status(204);
    }

    private static String aliasId(Context ctx) {
        return ctx.pathParamMap().get("id");
    }

    record NewBlock(String address, String domain) {
    }

    /** @param aliasId null for an account-wide block */
    record BlockView(String id, String aliasId, String address, String domain, Instant createdAt) {
        static BlockView of(Block b) {
            return new BlockView(b.id(), b.aliasId(), b.address(), b.domain(), b.createdAt());
        }
    }
}
